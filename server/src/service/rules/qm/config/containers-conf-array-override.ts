import { containersConfSetOf, overriddenArrays } from '../../../qm/engine-config';
import { baseName } from '../../../unit-path';
import { defineRule } from '../../rule';
import { CONTAINERS_CONF, appendEdit, configOf, keyRangeOf } from './support';

/**
 * Diagnostic: qm/containers-conf-array-override
 * A containers.conf file sets an array (devices, mounts, env, default_ulimits, …) that an earlier
 * file of the same configuration set (containers.conf, then containers.conf.d/*.conf
 * alphabetically) also sets, without `{append=true}`: the later array replaces the earlier one,
 * and the earlier file's items are silently lost.
 */
export default defineRule({
	id: 'qm/containers-conf-array-override',
	defaultSeverity: 'warning',
	fileKinds: CONTAINERS_CONF,
	title: 'containers.conf array replaces an earlier file\'s array',
	why: 'containers.conf files are applied in order (containers.conf, then containers.conf.d/*.conf alphabetically) and an array replaces the earlier value unless it ends with {append=true}; QM sub-packages that each wrote devices = [...] silently dropped each other\'s devices.',
	fix: 'Add {append=true} as the last array element, or merge the files.',
	appliesTo: () => true,
	check(ctx) {
		const set = containersConfSetOf(ctx.workspace, ctx.path, configOf(ctx));
		const member = set?.members.find((m) => m.file.path === ctx.path);
		if (!set || !member) return;
		for (const [key, { entry, array }] of member.facts.arrays) {
			const lost = overriddenArrays(set, member, key);
			if (!lost.length) continue;
			const items = [...new Set(lost.flatMap((l) => l.lost))];
			const shown = items.slice(0, 4).map((v) => `"${v}"`).join(', ') + (items.length > 4 ? `, … (${items.length} in all)` : '');
			const files = lost.map((l) => baseName(l.member.file.path)).join(', ');
			const edit = appendEdit(ctx.text, array);
			ctx.report({
				...keyRangeOf(entry),
				message: `${entry.key.parts.join('.')} replaces the array set earlier by ${files}: podman applies containers.conf files in order and keeps only this array, so ${shown} ${items.length === 1 ? 'is' : 'are'} lost. End the array with {append=true} to add to it instead.`,
				related: lost.map((l) => ({ path: l.member.file.path, start: l.entry.key.start, end: l.entry.value.end, message: `this array is replaced by ${baseName(ctx.path)}` })),
				fixes: edit ? [{ title: 'Add {append=true}', edits: [edit], isPreferred: true }] : undefined,
			});
		}
	},
});

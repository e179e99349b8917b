import type { EntryNode } from '../../parser/ast';
import type { Fix } from '../../types';
import { closest } from '../../util/edit-distance';
import { defineRule, type RuleContext } from '../rule';
import { anchor, entryValueRange, explicitMapping, isMainUnit, primarySection, replaceFix } from './support';

/**
 * Diagnostic: quadlet/remap-users-value
 * A RemapUsers= value the generator cannot turn into a user namespace: a word other than
 * manual/auto/keep-id (the value is read raw, so quotes count as part of it), manual in a .kube
 * unit, or keep-id with more than one RemapUid=/RemapGid= value. The generator refuses the unit.
 */
export default defineRule({
	id: 'quadlet/remap-users-value',
	defaultSeverity: 'error',
	title: 'RemapUsers= value the generator refuses',
	why: 'RemapUsers= is read verbatim; an unknown mode, manual in a .kube unit, or keep-id with several mappings makes podman\'s generator refuse the unit.',
	fix: 'Write auto, keep-id or (not in .kube) manual without quotes; keep-id takes at most one RemapUid= and one RemapGid=. Better: replace the deprecated Remap* keys with UserNS=.',
	appliesTo: (ctx) => isMainUnit(ctx) && (ctx.kind === 'container' || ctx.kind === 'pod' || ctx.kind === 'kube'),
	check(ctx) {
		const section = primarySection(ctx);
		if (explicitMapping(ctx.view, section)) return; // conflicting-keys reports that combination
		const users = ctx.view.last(section, 'RemapUsers');
		if (!users || users.entry.value === '') return;
		const value = users.entry.value;
		const place = () => anchor(ctx, users, 'RemapUsers= is set here');
		const modes = ctx.kind === 'kube' ? ['auto', 'keep-id'] : ['manual', 'auto', 'keep-id'];
		switch (value) {
			case 'auto':
				return;
			case 'manual':
				if (ctx.kind !== 'kube') return;
				ctx.report({
					...place(),
					message: 'RemapUsers=manual is not available for .kube units, and podman\'s generator refuses the unit ("RemapUsers=manual is not supported"). Use RemapUsers=auto or keep-id, or set the mapping in the Kubernetes YAML / with UserNS=.',
					fixes: fixesFor(ctx, users.path, users.entry, ['auto', 'keep-id'], undefined),
				});
				return;
			case 'keep-id':
				checkKeepId(ctx, section);
				return;
			default: {
				const bare = value.replace(/^(["'])(.*)\1$/, '$2');
				const guess = modes.find((m) => m === bare.toLowerCase()) ?? closest(bare, modes, 2);
				const quoted = bare !== value ? ' The value is read verbatim, so quotes become part of it.' : '';
				ctx.report({
					...place(),
					message: `RemapUsers=${value} is not a mode podman knows (${modes.join(', ')}), and its generator refuses the unit ("unsupported RemapUsers option '${value}'").${quoted}${guess ? ` Did you mean ${guess}?` : ''}`,
					fixes: fixesFor(ctx, users.path, users.entry, guess ? [guess] : [], guess),
				});
			}
		}
	},
});

function fixesFor(ctx: RuleContext, path: string, entry: EntryNode, values: string[], preferred: string | undefined): Fix[] | undefined {
	if (path !== ctx.path || values.length === 0) return undefined;
	const r = entryValueRange(entry);
	return values.map((v) => replaceFix(`Change to RemapUsers=${v}`, r.start, r.end, v, v === (preferred ?? values[0])));
}

function checkKeepId(ctx: RuleContext, section: string): void {
	for (const [key, kind] of [['RemapUid', 'UID'], ['RemapGid', 'GID']] as const) {
		if (ctx.view.lookupWords(section, key).length <= 1) continue;
		const entries = ctx.view.lookupAll(section, key);
		const second = entries.length > 1 ? entries[1] : entries[0];
		ctx.report({
			...anchor(ctx, second, `${key}= is set here`),
			message: `RemapUsers=keep-id maps exactly one ${kind} (it becomes --userns keep-id:${kind.toLowerCase()}=N), but ${key}= holds several values, and podman's generator refuses the unit ("RemapUsers=keep-id supports only a single value for ${kind} mapping"). Keep a single ${key}= value.`,
		});
	}
}

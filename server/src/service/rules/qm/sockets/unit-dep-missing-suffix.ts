import { dependencyWords, providers, QUADLET_SUFFIXES, SYSTEMD_SUFFIXES, unitSuffix } from '../../../qm/sockets-index';
import type { Fix } from '../../../types';
import { isQuadletKind } from '../../../unit-path';
import { defineRule } from '../../rule';
import { rangeIn } from './support';

const ORDER = ['socket', 'service', ...SYSTEMD_SUFFIXES.filter((s) => s !== 'socket' && s !== 'service')];

/**
 * Diagnostic: qm/unit-dep-missing-suffix
 * A [Unit] dependency word without a unit type suffix (Requires=ipc_server). It is not a valid
 * unit name: systemd logs "Failed to add dependency on …, ignoring" and drops it, so the
 * dependency silently does nothing (containers/qm's ASIL→QM docs have Requires=ipc_server in
 * the qm.container drop-in). In plain systemd units a quadlet file name (db.container) is the
 * same mistake: only quadlet rewrites those names. Runs in every domain, unknown included.
 */
export default defineRule({
	id: 'qm/unit-dep-missing-suffix',
	defaultSeverity: 'warning',
	title: 'Dependency on a name without a unit type suffix',
	why: 'A unit name must end in a type suffix (.service, .socket, .target, …); systemd ignores a dependency on anything else with only a log line, so the ordering or requirement silently does not exist.',
	fix: 'Append the suffix of the unit you mean, e.g. ipc_server.service or ipc_server.socket (the quick fix offers the units of that name it finds); quadlet files may also name .container, .pod, … files.',
	appliesTo: () => true,
	check(ctx) {
		const model = ctx.qm();
		const domain = ctx.domain.domain;
		const quadlet = isQuadletKind(ctx.kind);
		for (const d of dependencyWords(ctx.view)) {
			if (d.at.path !== ctx.path || d.name.includes('%')) continue;
			const suffix = unitSuffix(d.name);
			const range = rangeIn(d.at, d.index, d.length);
			if (suffix && (quadlet || !(QUADLET_SUFFIXES as readonly string[]).includes(suffix))) continue;
			if (suffix) {
				// A quadlet file name in a plain systemd unit.
				const unit = providers(model, domain, d.name)[0];
				const instead = unit ? unit.serviceName : `${d.name.slice(0, -suffix.length - 1)}${suffix === 'container' || suffix === 'kube' ? '' : `-${suffix}`}.service`;
				ctx.report({
					...range,
					message: `${d.key}=${d.name} names a quadlet file, but this is a plain systemd unit: systemd has no .${suffix} unit type (only quadlet rewrites such names, in quadlet files), so it logs "Failed to add dependency on ${d.name}, ignoring" and drops it. Name the generated service: ${instead}.`,
					fixes: [{ title: `Change to ${instead}`, edits: [{ ...range, newText: instead }], isPreferred: true }],
				});
				continue;
			}
			const found: string[] = [];
			for (const s of ORDER) {
				const name = `${d.name}.${s}`;
				if (providers(model, domain, name).length) found.push(name);
			}
			const fixes: Fix[] = found.map((name) => ({ title: `Change to ${name}`, edits: [{ ...range, newText: name }], isPreferred: found.length === 1 }));
			if (!found.length) fixes.push({ title: `Change to ${d.name}.service`, edits: [{ ...range, newText: `${d.name}.service` }], isPreferred: false });
			const advice = found.length
				? `Write ${found.join(' or ')} (${found.length > 1 ? 'these units exist' : 'that unit exists'} here).`
				: `Write the full unit name, e.g. ${d.name}.service or ${d.name}.socket${quadlet ? ` (or a quadlet file such as ${d.name}.container)` : ''}.`;
			ctx.report({
				...range,
				message: `${d.key}=${d.name} has no unit type suffix, so it is not a unit name: systemd logs "Failed to add dependency on ${d.name}, ignoring" and drops it, and the dependency silently does not exist. ${advice}`,
				fixes,
			});
		}
	},
});

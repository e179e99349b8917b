import { domainLabel } from '../../../qm/domain';
import { dependencyWords, HARD_KEYS, isCommonSystemUnit, providers, providersElsewhere, type DepWord } from '../../../qm/sockets-index';
import type { Fix } from '../../../types';
import { defineRule, type RuleContext } from '../../rule';
import { entryLines, knownDomain, rangeIn, relatedUnit } from './support';

/**
 * Diagnostic: qm/unit-dep-cross-domain
 * A [Unit] dependency names a unit that exists only in the other systemd: the host (ASIL) and
 * the QM partition run separate systemd instances, and a name resolves only within its own.
 * qm-boundary files (qm.container, its drop-ins, qm.service.d) are host units and must not name
 * units inside QM. Requires=/Requisite=/BindsTo= then fail the start job ("unit not found");
 * the other keys silently do nothing. Upstream removed Requires=ipc_server.socket from the QM
 * client of its ASIL→QM example for this reason (containers/qm 2a6369c).
 */
export default defineRule({
	id: 'qm/unit-dep-cross-domain',
	defaultSeverity: 'error',
	title: 'Dependency on a unit of the other systemd (host vs QM)',
	why: 'The host and the QM partition run two independent systemd instances; a unit name only resolves in its own. A hard dependency (Requires=, Requisite=, BindsTo=) on a unit the manager cannot find fails the start job; ordering keys silently have no effect.',
	fix: 'Express the ordering on the host, in a qm.container.d drop-in (Wants=/After= on the host unit, which orders the whole partition), and make the QM container tolerate a missing peer ([Service] Restart=always).',
	appliesTo: knownDomain,
	check(ctx) {
		const model = ctx.qm();
		const domain = ctx.domain.domain;
		for (const d of dependencyWords(ctx.view)) {
			if (d.at.path !== ctx.path || isCommonSystemUnit(d.name)) continue;
			if (providers(model, domain, d.name).length) continue;
			const other = providersElsewhere(model, domain, d.name);
			if (!other.length) continue;
			const o = other[0];
			const hard = HARD_KEYS.has(d.key);
			const effect = hard
				? `the start job of this unit fails because its manager cannot find ${d.name}`
				: `the line silently has no effect`;
			const inQm = domain === 'qm';
			const advice = inQm
				? `Express the order on the host instead: a drop-in in /etc/containers/systemd/qm.container.d/ with Wants=${d.name} and After=${d.name} starts the whole partition after it; and let this container cope with a peer that is not there yet ([Service] Restart=always).`
				: `Depend on qm.service (the whole partition) instead, or express the order inside QM, in a unit of the partition.`;
			ctx.report({
				...rangeIn(d.at, d.index, d.length),
				severity: hard ? 'error' : 'warning',
				message: `${d.key}=${d.name} names a unit that only the ${domainLabel(o.domain.domain)} has (${o.file.path}), but this file is read by the ${inQm ? 'systemd inside the QM partition' : 'host\'s systemd'}, a different manager that has no such unit: ${effect}. ${advice}`,
				related: [relatedUnit(o, `${d.name} is defined here, in the ${domainLabel(o.domain.domain)}`)],
				fixes: [removeWordFix(ctx, d)],
			});
		}
	},
});

/** Removes one word of a dependency value, or the whole line when it is the only one. */
export function removeWordFix(ctx: RuleContext, d: DepWord): Fix {
	const value = d.at.entry.value;
	const title = `Remove ${d.name} from ${d.key}=`;
	if (value.trim() === value.slice(d.index, d.index + d.length)) {
		return { title, edits: [{ ...entryLines(ctx, d.at), newText: '' }], isPreferred: true };
	}
	let from = d.index;
	let to = d.index + d.length;
	while (to < value.length && /\s/.test(value[to])) to++;
	if (to === value.length) while (from > 0 && /\s/.test(value[from - 1])) from--;
	return { title, edits: [{ ...rangeIn(d.at, from, to - from), newText: '' }], isPreferred: true };
}

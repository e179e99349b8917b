import { defineRule } from '../../rule';
import { unquoteValue } from '../../../model/unit-view';
import { podmanFlags, flagPart } from '../../../qm/container-settings';
import { entryRange, partRange, removeLine, removePart } from '../../../qm/edits';
import { boundaryData } from '../../../qm/qm-data';

/**
 * Diagnostic: qm/rt-scheduling
 * A unit inside QM asks for real-time scheduling (CPUSchedulingPolicy=fifo|rr,
 * CPUSchedulingPriority=, --cpu-rt-*). QM's seccomp profile refuses real-time scheduling.
 */
export default defineRule({
	id: 'qm/rt-scheduling',
	defaultSeverity: 'warning',
	title: 'Real-time scheduling inside QM',
	why: 'QM runs under a seccomp profile without sched_setscheduler/sched_setattr so that it cannot starve ASIL work; real-time requests inside QM fail (the FFI test deny_set_scheduler checks it).',
	fix: 'Use Nice= or CPUWeight= to prioritise work inside QM.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm',
	check(ctx) {
		const policy = ctx.view.last('Service', 'CPUSchedulingPolicy');
		if (policy && policy.path === ctx.path && ['fifo', 'rr'].includes(unquoteValue(policy.entry.value).trim().toLowerCase())) {
			ctx.report({
				...entryRange(policy.entry),
				message: `CPUSchedulingPolicy=${unquoteValue(policy.entry.value).trim()} is a real-time policy: QM's seccomp profile refuses sched_setscheduler, so the service fails to start inside QM. Use Nice= or CPUWeight= instead.`,
				fixes: [{ title: 'Remove CPUSchedulingPolicy=', edits: [removeLine(ctx.parsed, policy.entry)], isPreferred: true }],
			});
		}
		const prio = ctx.view.last('Service', 'CPUSchedulingPriority');
		if (prio && prio.path === ctx.path && prio.entry.value.trim() !== '') {
			ctx.report({
				...entryRange(prio.entry),
				message: `CPUSchedulingPriority=${prio.entry.value.trim()} sets a real-time priority, which QM's seccomp profile refuses (no sched_setscheduler/sched_setattr inside QM). Use Nice= or CPUWeight= instead.`,
				fixes: [{ title: 'Remove CPUSchedulingPriority=', edits: [removeLine(ctx.parsed, prio.entry)], isPreferred: true }],
			});
		}
		if (ctx.kind !== 'container') return;
		const rt = boundaryData().nested.rtPodmanFlags;
		for (const f of podmanFlags(ctx.view)) {
			if (f.entry.path !== ctx.path || !rt.includes(f.flag)) continue;
			const part = flagPart(f);
			ctx.report({
				...partRange(part),
				message: `PodmanArgs option ${part.text} reserves real-time CPU time, which QM denies to everything inside it (its seccomp profile removes real-time scheduling). Remove it.`,
				fixes: [{ title: 'Remove the option', edits: [removePart(ctx.parsed, part)], isPreferred: true }],
			});
		}
	},
});

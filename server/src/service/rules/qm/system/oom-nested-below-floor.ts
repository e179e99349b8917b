import { defineRule } from '../../rule';
import { boundaryDrops, effectiveBoundary } from '../../../qm/boundary';
import { oomRequests } from '../../../qm/oom';
import { boundaryData } from '../../../qm/qm-data';

/**
 * Diagnostic: qm/oom-nested-below-floor
 * A unit inside QM asks for an OOM score below 500, QM's own score. Lowering oom_score_adj below
 * the value a CAP_SYS_RESOURCE holder set needs CAP_SYS_RESOURCE, which qm.container drops.
 */
export default defineRule({
	id: 'qm/oom-nested-below-floor',
	defaultSeverity: 'warning',
	title: 'OOM score inside QM below the QM floor (500)',
	why: 'The kernel only lets a process with CAP_SYS_RESOURCE lower oom_score_adj below what was set for it; QM runs at 500 and drops sys_resource, so a lower value inside QM is refused (systemd ignores the error, the runtime may fail).',
	fix: 'Use 500-1000 (nested containers default to 750); only if truly needed, re-add sys_resource to QM (not recommended).',
	appliesTo: (ctx) => ctx.domain.domain === 'qm',
	check(ctx) {
		for (const hit of oomRequests(ctx.view, ctx.path, ctx.kind)) {
			if (hit.value >= boundaryData().oom.boundary) continue;
			const floor = boundaryData().oom.boundary;
			const drops = boundaryDrops(effectiveBoundary(ctx.qm()));
			const restored = drops.restoredBy.get('sys_resource');
			const restoredHere = !drops.dropped.has('sys_resource');
			ctx.report({
				...hit.range,
				severity: restoredHere ? 'information' : undefined,
				message: restoredHere
					? `${hit.shown} is below QM's own score (${floor}); it only works because the QM boundary gives sys_resource back to the partition, which QM's README calls "not recommended". Prefer a value from ${floor} to 1000.`
					: `${hit.shown} is below ${floor}, the OOM score of the QM partition itself: lowering it needs CAP_SYS_RESOURCE, which qm.container drops (DropCapability=sys_boot sys_resource), so the value cannot take effect. Use ${floor} to 1000.`,
				related: restoredHere && restored && restored.path !== ctx.path
					? [{ path: restored.path, start: restored.entry.keyStart, end: restored.entry.valueEnd, message: 'sys_resource is given back to QM here' }]
					: undefined,
				fixes: [{ title: `Raise to ${floor}`, edits: [hit.replace(String(floor))], isPreferred: true }],
			});
		}
	},
});

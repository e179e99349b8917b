import { defineRule } from '../../rule';
import { unquoteValue } from '../../../model/unit-view';
import { boundaryFor } from '../../../qm/boundary';
import { entryRange, restoreFix } from '../../../qm/edits';
import { boundaryData, type ResourceRuleData } from '../../../qm/qm-data';

/**
 * Diagnostic: qm/boundary-resources
 * The effective qm.service changes the cgroup placement or weights the partition ships with:
 * Slice=, CPUWeight=, IOWeight=, Delegate=, TasksMax=, a real-time CPUSchedulingPolicy=
 * (MemorySwapMax= other than 0 is only noted).
 */
export default defineRule({
	id: 'qm/boundary-resources',
	defaultSeverity: 'warning',
	title: 'QM partition resource settings weakened',
	why: 'qm.service is a top-level cgroup (Slice=-.slice) with CPUWeight=idle and IOWeight=50 so that ASIL work always wins, a task limit, and Delegate=true because QM runs its own systemd; changing them lets QM compete with the host.',
	fix: 'Keep the vendor values; cap QM with CPUQuota= or AllowedCPUs= instead of raising its weight.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm-boundary' && (ctx.kind === 'container' || ctx.kind === 'service'),
	check(ctx) {
		const b = boundaryFor(ctx.qm(), ctx.path);
		const vendor = (key: string) => boundaryData().vendor.find((l) => l.section === 'Service' && l.key === key)?.value;
		for (const r of boundaryData().resources) {
			const w = b.view.last('Service', r.key);
			if (!w || w.path !== ctx.path) continue;
			const v = unquoteValue(w.entry.value).trim();
			const verdict = judge(r, v);
			if (verdict === 'ok') continue;
			const good = vendor(r.key);
			const what = v === '' ? `An empty ${r.key}= resets it to systemd's default` : `${r.key}=${v}`;
			ctx.report({
				...entryRange(w.entry),
				severity: r.severity === 'warning' ? undefined : r.severity,
				message: `${what} on the QM partition (shipped: ${r.key}=${good ?? 'unset'}): ${r.why}. ${good ? `Keep ${r.key}=${good}.` : 'Remove it.'}`,
				fixes: good ? [restoreFix(ctx.parsed, ctx.path, !!ctx.info.dropIn, b.view, 'Service', r.key, w.entry, (x) => judge(r, x.trim()) === 'ok', good)] : undefined,
			});
		}
	},
});

function judge(r: ResourceRuleData, v: string): 'ok' | 'bad' {
	if (v === '') return r.resetIsViolation ? 'bad' : 'ok';
	const lower = v.toLowerCase();
	if (r.forbidden && r.forbidden.includes(lower)) return 'bad';
	if (r.allowed?.includes(v)) return 'ok';
	if (r.maxNumber !== undefined) {
		if (!/^\d+$/.test(v)) return 'ok'; // not a number: quadlet/systemd value checks report it
		return Number(v) > r.maxNumber ? 'bad' : 'ok';
	}
	return r.allowed ? 'bad' : 'ok';
}

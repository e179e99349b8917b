import { defineRule } from '../../rule';
import { unquoteValue } from '../../../model/unit-view';
import { boundaryFor } from '../../../qm/boundary';
import { parseInteger } from '../../../qm/container-settings';
import { appendToSection, entryRange, replaceValue } from '../../../qm/edits';
import { boundaryData } from '../../../qm/qm-data';
import type { Severity } from '../../../types';

/**
 * Diagnostic: qm/oom-boundary
 * The QM partition's OOMScoreAdjust= is not the documented 500: at or below 0 QM is protected
 * like (or better than) the host's ASIL services; 1–499 shrinks the gap; above 500 is only noted.
 */
export default defineRule({
	id: 'qm/oom-boundary',
	defaultSeverity: 'error',
	title: 'QM partition OOM score is not 500',
	why: 'QM documents OOM tiers: ASIL services -1…-1000, the QM partition 500, nested containers 750, so that under memory pressure the kernel kills inside QM before it touches ASIL work (the FFI test qm-oom-score-adj expects 500).',
	fix: 'OOMScoreAdjust=500 in [Service] of qm.container.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm-boundary' && (ctx.kind === 'container' || ctx.kind === 'service'),
	check(ctx) {
		const want = boundaryData().oom.boundary;
		const b = boundaryFor(ctx.qm(), ctx.path);
		const w = b.view.last('Service', 'OOMScoreAdjust');
		if (!w) {
			// A full qm.container without any OOMScoreAdjust (older vendor files): QM runs at 0.
			if (b.base?.path !== ctx.path || ctx.kind !== 'container') return;
			const service = ctx.parsed.sections.find((s) => s.name === 'Service');
			const anchor = service ?? ctx.parsed.sections[0];
			if (!anchor) return;
			const last = ctx.parsed.lines[ctx.parsed.lines.length - 1];
			const needsBreak = ctx.text.length > 0 && !ctx.text.endsWith('\n');
			ctx.report({
				start: anchor.start, end: anchor.end,
				severity: 'information',
				message: `qm.container sets no OOMScoreAdjust=, so the QM partition gets the OOM score of a host service (0) instead of the documented ${want}: the kernel would not prefer QM over ASIL work. Add OOMScoreAdjust=${want} to [Service].`,
				fixes: [{
					title: `Add OOMScoreAdjust=${want}`,
					edits: [service ? appendToSection(ctx.parsed, service, `OOMScoreAdjust=${want}`) : { start: last.next, end: last.next, newText: `${needsBreak ? '\n' : ''}\n[Service]\nOOMScoreAdjust=${want}\n` }],
					isPreferred: true,
				}],
			});
			return;
		}
		if (w.path !== ctx.path) return;
		const raw = unquoteValue(w.entry.value).trim();
		const n = raw === '' ? 0 : parseInteger(raw);
		if (n === undefined || n === want) return;
		let severity: Severity;
		let why: string;
		if (n <= 0) { severity = 'error'; why = `at ${n} the kernel protects QM ${n < 0 ? 'better than' : 'as much as'} host services, so ASIL work can be killed before anything inside QM`; }
		else if (n < want) { severity = 'warning'; why = `below ${want} QM is killed later than documented and the margin to host services shrinks`; }
		else { severity = 'information'; why = `above ${want} QM is killed even earlier than documented, which is safe for ASIL but differs from the QM tests`; }
		ctx.report({
			...entryRange(w.entry),
			severity: severity === 'error' ? undefined : severity,
			message: `${raw === '' ? 'An empty OOMScoreAdjust= resets the QM partition to score 0' : `OOMScoreAdjust=${raw} on the QM partition`}: ${why}. Use OOMScoreAdjust=${want}.`,
			fixes: [{ title: `Set OOMScoreAdjust=${want}`, edits: [replaceValue(w.entry, String(want))], isPreferred: true }],
		});
	},
});

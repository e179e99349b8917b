import { defineRule } from '../../rule';
import { unquoteValue } from '../../../model/unit-view';
import { parseInteger } from '../../../qm/container-settings';
import { appendToSection, entryRange, replaceValue } from '../../../qm/edits';
import { boundaryData } from '../../../qm/qm-data';

/**
 * Diagnostic: qm/oom-asil-order
 * A host (ASIL) unit with a positive OOM score: at 500 or more it is as expendable as the whole
 * QM partition. A socket-activated bridge server (ipc_t) without any score is only hinted.
 */
export default defineRule({
	id: 'qm/oom-asil-order',
	defaultSeverity: 'warning',
	title: 'Host (ASIL) service not protected from the OOM killer',
	why: 'QM documents OOM tiers: ASIL services -1…-1000 (last to be killed), QM 500, nested containers 750; a positive score on an ASIL service lets the kernel kill it before or together with QM.',
	fix: 'OOMScoreAdjust=-500 (down to -1000 for services that must survive, together with MemoryMax=).',
	// Rootless (user) units cannot lower their score below 0 without CAP_SYS_RESOURCE.
	appliesTo: (ctx) => ctx.domain.domain === 'asil' && !ctx.domain.alsoBoundary && !ctx.domain.userScope,
	check(ctx) {
		const qmScore = boundaryData().oom.boundary;
		const w = ctx.view.last('Service', 'OOMScoreAdjust');
		if (w && w.path === ctx.path) {
			const raw = unquoteValue(w.entry.value).trim();
			const n = parseInteger(raw);
			if (n === undefined || n <= 0) return;
			ctx.report({
				...entryRange(w.entry),
				severity: n >= qmScore ? undefined : 'information',
				message: n >= qmScore
					? `OOMScoreAdjust=${raw} makes this host service at least as expendable as the whole QM partition (${qmScore}): under memory pressure the kernel may kill it before QM. ASIL services use -1 to -1000.`
					: `OOMScoreAdjust=${raw} gives this host service a positive OOM score; ASIL services are expected to be the last ones killed (-1 to -1000).`,
				fixes: [{ title: 'Set OOMScoreAdjust=-500', edits: [replaceValue(w.entry, '-500')], isPreferred: true }],
			});
			return;
		}
		// A bridge server (SecurityLabelType=ipc_t) with no score at all.
		if (w || ctx.kind !== 'container' || ctx.info.dropIn) return;
		const label = ctx.qmUnit()?.label.type;
		if (!label || label.value !== 'ipc_t' || label.entry.path !== ctx.path) return;
		const service = ctx.parsed.sections.find((s) => s.name === 'Service');
		const le = label.entry.entry;
		ctx.report({
			start: le.keyStart, end: le.valueEnd,
			severity: 'hint',
			message: 'This ipc_t bridge server serves QM clients but sets no OOMScoreAdjust=; as an ASIL service it should be protected (-1 to -1000) so that pressure from QM does not take the bridge down.',
			fixes: service ? [{ title: 'Add OOMScoreAdjust=-500 to [Service]', edits: [appendToSection(ctx.parsed, service, 'OOMScoreAdjust=-500')] }] : undefined,
		});
	},
});

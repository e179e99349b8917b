import { MCS_CATEGORY_MAX } from '../../../catalog/value-types/index';
import { levelInfo } from '../../../qm/labels';
import type { Fix } from '../../../types';
import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { levelsHere, removeFix, replaceValueFix, shown } from './support';

/**
 * Diagnostic: qm/label-level-too-broad
 * A clearance range (s0-s0:c0.c1023) or the full category set: the container dominates every
 * other container's private label, which removes the MCS separation QM relies on to keep nested
 * containers apart.
 */
export default defineRule({
	id: 'qm/label-level-too-broad',
	defaultSeverity: 'error',
	title: 'SecurityLabelLevel dominates every other container',
	why: 'A range or all categories (c0.c1023) lets the container read and write every other container\'s files and sockets; MCS categories are the only thing separating nested QM containers of the same type. Error in QM and on the boundary, warning on the host.',
	fix: 'Use one category pair shared only by the containers that must talk (SecurityLabelLevel=s0:c1,c2), or remove the key so podman picks a private pair.',
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'qm-boundary', 'asil') && ctx.kind === 'container',
	check(ctx) {
		// A host container.d drop-in also applies to qm.container: keep the error there.
		const host = ctx.domain.domain === 'asil' && !ctx.domain.alsoBoundary;
		for (const o of levelsHere(ctx)) {
			const info = levelInfo(o.value.trim());
			if (!info.parsed.wellFormed || info.parsed.issues.length > 0 || !info.broad) continue;
			const what = info.isRange
				? `is a clearance range, so the container's processes may act at any level up to ${o.value.slice(o.value.indexOf('-') + 1)}`
				: `covers every category c0..c${MCS_CATEGORY_MAX}`;
			const where = ctx.domain.domain === 'qm' ? 'every other nested QM container' : ctx.domain.domain === 'qm-boundary' ? 'every container' : 'every other host container';
			const fixes: Fix[] = ctx.domain.domain === 'qm-boundary'
				? [replaceValueFix(o, 's0', 'Change to s0 (the QM partition\'s level)')]
				: removeFix(o);
			ctx.report({
				start: o.start, end: o.end,
				severity: host ? 'warning' : undefined,
				message: `${shown(o)} ${what}: it dominates ${where}, whose files and sockets it can then read and write, defeating MCS separation. ${ctx.domain.domain === 'qm-boundary' ? 'The QM partition runs at s0.' : 'Use one category pair shared only with real peers (e.g. s0:c1,c2), or remove the key to get a private pair.'}`,
				fixes: fixes.length ? fixes : undefined,
			});
		}
	},
});

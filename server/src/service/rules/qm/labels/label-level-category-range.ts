import { MCS_CATEGORY_MAX, parseMcsLevel } from '../../../catalog/value-types/index';
import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { levelsHere, shown } from './support';

/**
 * Diagnostic: qm/label-level-category-range
 * A category above c1023, or a category range written high→low (c5.c2) or with equal ends. The
 * categories do not exist / the kernel rejects the range, so the container does not start.
 */
export default defineRule({
	id: 'qm/label-level-category-range',
	defaultSeverity: 'error',
	title: 'SecurityLabelLevel category out of range or range reversed',
	why: `The targeted policy defines categories c0..c${MCS_CATEGORY_MAX} only, and the kernel rejects a range cN.cM unless N < M; the context is invalid and the container fails to start.`,
	fix: `Keep categories between c0 and c${MCS_CATEGORY_MAX} and write ranges from low to high (c2.c5).`,
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'qm-boundary', 'asil') && ctx.kind === 'container',
	check(ctx) {
		for (const o of levelsHere(ctx)) {
			const parsed = parseMcsLevel(o.value);
			if (!parsed.wellFormed) continue;
			for (const issue of parsed.issues) {
				if (issue.kind !== 'category-range') continue;
				const start = o.start + issue.start;
				const end = o.start + issue.end;
				const contiguous = end - start === issue.end - issue.start;
				ctx.report({
					start, end,
					message: `${shown(o)}: ${issue.message}, so the label is invalid and the container will not start.${issue.replacement ? ` Write ${issue.replacement}.` : ` Use categories between c0 and c${MCS_CATEGORY_MAX}.`}`,
					fixes: issue.replacement !== undefined && contiguous
						? [{ title: `Change to ${issue.replacement}`, edits: [{ start, end, newText: issue.replacement }], isPreferred: true }]
						: undefined,
				});
			}
		}
	},
});

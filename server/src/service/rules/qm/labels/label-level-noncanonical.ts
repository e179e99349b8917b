import { GENERIC_MCS_CHECK_IN_KNOWN_DOMAINS, levelInfo } from '../../../qm/labels';
import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { levelsHere, replaceValueFix, shown } from './support';

/**
 * Diagnostic: qm/label-level-noncanonical
 * A valid level not written the way SELinux prints it: unsorted or repeated categories, a
 * two-category range (c1.c2), or a run of three or more written out. Harmless, but peers that
 * must share a level are compared by eye.
 */
export default defineRule({
	id: 'qm/label-level-noncanonical',
	defaultSeverity: 'hint',
	title: 'SecurityLabelLevel not in canonical form',
	why: 'Category sets are bitmaps, so order and repeats do not matter to SELinux, but peers that must share one level are compared by people reading the files; one spelling everywhere makes mismatches visible.',
	fix: 'Write the canonical form: categories sorted, "," for single categories and pairs, "." for runs of three or more (s0:c1,c2, s0:c0.c5).',
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'qm-boundary', 'asil') && ctx.kind === 'container',
	check(ctx) {
		for (const o of levelsHere(ctx)) {
			// quadlet/invalid-value gives the same hint for the key itself while it checks known domains.
			if (!o.fromPodmanArgs && GENERIC_MCS_CHECK_IN_KNOWN_DOMAINS) continue;
			const value = o.value.trim();
			const info = levelInfo(value);
			if (!info.parsed.wellFormed || info.parsed.issues.length > 0 || info.canonical === undefined || info.canonical === value) continue;
			ctx.report({
				start: o.start, end: o.end,
				message: `${shown(o)} is the same level as ${info.canonical}, which is how SELinux writes it (sorted, no repeats, "." only for runs of three or more). Use that spelling so peers that must share a level are easy to compare.`,
				fixes: [replaceValueFix(o, info.canonical)],
			});
		}
	},
});

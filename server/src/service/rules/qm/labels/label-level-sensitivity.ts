import { parseMcsLevel } from '../../../catalog/value-types/index';
import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { levelsHere, shown } from './support';

/**
 * Diagnostic: qm/label-level-sensitivity
 * A level with a sensitivity other than s0 (s1:c1,c2, s0-s1). QM and ASIL hosts run the targeted
 * policy, which defines the single sensitivity s0, so the context is invalid.
 */
export default defineRule({
	id: 'qm/label-level-sensitivity',
	defaultSeverity: 'error',
	title: 'SecurityLabelLevel uses a sensitivity other than s0',
	why: 'QM systems run the targeted SELinux policy (qm\'s setup installs selinux-policy-targeted), which only has sensitivity s0; any other sensitivity makes the context invalid and the container fails to start.',
	fix: 'Use s0, e.g. SecurityLabelLevel=s0:c1,c2.',
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'qm-boundary', 'asil') && ctx.kind === 'container',
	check(ctx) {
		for (const o of levelsHere(ctx)) {
			const parsed = parseMcsLevel(o.value);
			if (!parsed.wellFormed) continue;
			for (const issue of parsed.issues) {
				if (issue.kind !== 'sensitivity') continue;
				const start = o.start + issue.start;
				const end = o.start + issue.end;
				const bad = o.value.slice(issue.start, issue.end);
				ctx.report({
					start, end,
					message: `${shown(o)} uses sensitivity ${bad}, but the targeted policy on QM and ASIL hosts has only s0, so the label is invalid and the container will not start. Write s0 instead of ${bad}.`,
					fixes: end - start === issue.end - issue.start
						? [{ title: `Change ${bad} to s0`, edits: [{ start, end, newText: 's0' }], isPreferred: true }]
						: undefined,
				});
			}
		}
	},
});

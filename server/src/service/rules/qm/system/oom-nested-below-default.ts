import { defineRule } from '../../rule';
import { boundaryData } from '../../../qm/qm-data';
import { oomRequests } from '../../../qm/oom';

/**
 * Diagnostic: qm/oom-nested-below-default
 * A container inside QM asks for an OOM score from 500 to 749: allowed, but below the documented
 * nested tier (750), so it outlives its sibling containers under memory pressure.
 */
export default defineRule({
	id: 'qm/oom-nested-below-default',
	defaultSeverity: 'information',
	title: 'OOM score below the nested default (750)',
	why: 'QM\'s containers.conf gives every nested container oom_score_adj 750; a lower value makes this one survive longer than its siblings, which deserves a reason.',
	fix: 'Nothing required; document why this container is more important than its siblings.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm',
	check(ctx) {
		const { boundary: floor, nestedDefault } = boundaryData().oom;
		for (const hit of oomRequests(ctx.view, ctx.path, ctx.kind)) {
			if (hit.value < floor || hit.value >= nestedDefault) continue;
			ctx.report({
				...hit.range,
				message: `${hit.shown} is below ${nestedDefault}, the OOM score QM gives nested containers: under memory pressure this unit is killed after its siblings. That is fine if intended; say why in a comment.`,
			});
		}
	},
});

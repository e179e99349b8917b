import { isTrue } from '../../../model/unit-view';
import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { occurrencesHere, removeFix, shown } from './support';

/**
 * Diagnostic: qm/label-disable
 * SecurityLabelDisable=true or `--security-opt label=disable`: SELinux separation is switched off
 * for the container. In QM the nested process then keeps the runtime's context (qm_t); on the
 * boundary the whole partition loses qm_t confinement; on the host the container escapes MCS.
 */
export default defineRule({
	id: 'qm/label-disable',
	defaultSeverity: 'error',
	title: 'SELinux label separation disabled',
	why: 'QM\'s isolation is SELinux: with labels disabled a nested container is not put into a qm_container_* type (it keeps qm_t, inferred from go-selinux), and qm.container loses qm_t confinement. Error in QM and on the boundary, warning for host containers.',
	fix: 'Remove the line and grant the specific access the container needs (a device, a volume, a type such as qm_container_ipc_t).',
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'qm-boundary', 'asil') && ctx.kind === 'container',
	check(ctx) {
		const d = ctx.domain;
		const hostOnly = d.domain === 'asil' && !d.alsoBoundary;
		const consequence = d.domain === 'qm'
			? 'the nested container then runs with the QM runtime\'s own context (qm_t) instead of a confined qm_container_* type'
			: d.domain === 'qm-boundary' || d.alsoBoundary
				? `the QM partition then runs without qm_t confinement${d.alsoBoundary ? ' (this top-level container.d drop-in also applies to qm.container)' : ''}`
				: 'the container then runs without SELinux separation from the host and other containers';
		for (const o of occurrencesHere(ctx, 'disable')) {
			if (!o.fromPodmanArgs && !isTrue(o.value.trim())) continue;
			ctx.report({
				start: o.start, end: o.end,
				severity: hostOnly ? 'warning' : undefined,
				message: `${shown(o)} turns off SELinux labelling: ${consequence}. Remove it and grant the specific access instead (a device, a volume, or a suitable type).`,
				fixes: removeFix(o),
			});
		}
	},
});

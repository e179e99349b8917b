import { isTrue } from '../../../model/unit-view';
import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { occurrencesHere, removeFix, shown } from './support';

/**
 * Diagnostic: qm/label-nested-in-qm
 * SecurityLabelNested=true on a nested QM container. label=nested is what lets QM's own podman
 * label its children (qm.container sets it); the qm_container_* types have no policy for another
 * level of labelling.
 */
export default defineRule({
	id: 'qm/label-nested-in-qm',
	defaultSeverity: 'warning',
	title: 'SecurityLabelNested on a nested QM container',
	why: 'label=nested belongs on qm.container, where it lets the QM podman label nested containers; nested QM types have no policy for relabelling further down (inferred from qm.if).',
	fix: 'Remove the line.',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && ctx.kind === 'container',
	check(ctx) {
		for (const o of occurrencesHere(ctx, 'nested')) {
			if (!o.fromPodmanArgs && !isTrue(o.value.trim())) continue;
			ctx.report({
				start: o.start, end: o.end,
				message: `${shown(o)} asks for nested SELinux labelling inside a QM container, but only qm.container (the partition) needs it; QM's nested types have no policy for labelling another level down. Remove it.`,
				fixes: removeFix(o),
			});
		}
	},
});

import { defineRule } from '../rule';
import { lookupText, replaceFix, resolveUnit, valueSpan } from './support';

/**
 * Diagnostic: quadlet/pod-reference
 * Pod= names something other than a .pod unit file. Quadlet containers can only join pods that
 * quadlet itself manages (it needs the pod's service to order and bind them), so the generator
 * refuses a plain pod name.
 */
export default defineRule({
	id: 'quadlet/pod-reference',
	defaultSeverity: 'error',
	title: 'Pod= does not name a .pod unit',
	why: 'Pod= must name a quadlet .pod file; podman\'s generator refuses a plain pod name because it cannot tie the container to a pod service.',
	fix: 'Write the pod unit\'s file name, e.g. Pod=web.pod, and define that pod in a .pod file (PodmanArgs=--pod=NAME joins a pod quadlet does not manage).',
	appliesTo: (ctx) => ctx.kind === 'container',
	check(ctx) {
		const pod = ctx.view.last('Container', 'Pod');
		if (!pod || pod.path !== ctx.path) return;
		const { text, index } = lookupText(pod.entry);
		if (text === '' || text.endsWith('.pod')) return;
		const span = valueSpan(pod.entry, index, index + text.length);
		const candidate = `${text}.pod`;
		const exists = resolveUnit(ctx, candidate) !== undefined;
		ctx.report({
			...span,
			message: `Pod=${text} is not the file name of a .pod unit, and podman's generator refuses this unit ("pod ${text} is not Quadlet based"). ${exists ? `Write Pod=${candidate}.` : `Define the pod in a .pod file and write its file name (Pod=${candidate}), or join an external pod with PodmanArgs=--pod=${text}.`}`,
			fixes: exists ? [replaceFix(`Change to Pod=${candidate}`, span.start, span.end, candidate)] : undefined,
		});
	},
});

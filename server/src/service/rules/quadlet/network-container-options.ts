import { defineRule } from '../rule';
import { replaceFix } from './support';
import { networkRefs } from './unit-refs';

/**
 * Diagnostic: quadlet/network-container-options
 * Network=x.container:options. Joining another container's network namespace takes no network
 * options (there is no own interface to configure), and podman's generator refuses the unit.
 */
export default defineRule({
	id: 'quadlet/network-container-options',
	defaultSeverity: 'error',
	title: 'Options after Network=NAME.container',
	why: 'A container that shares another container\'s network has no interface of its own to configure; podman\'s generator refuses options after NAME.container.',
	fix: 'Remove the ":options" part (configure the network on the container that owns it).',
	appliesTo: (ctx) => ['container', 'pod', 'kube', 'build'].includes(ctx.kind),
	check(ctx) {
		for (const ref of networkRefs(ctx)) {
			if (ref.at.path !== ctx.path || !ref.options || !ref.name.endsWith('.container')) continue;
			const { start, end } = ref.options;
			ctx.report({
				start, end,
				message: `Network=${ref.name} joins the network namespace of that container, which takes no options, and podman's generator refuses this unit ("extra options are not supported when joining another container's network"). Remove "${ctx.text.slice(start, end)}"; set network options on ${ref.name} itself.`,
				fixes: [replaceFix('Remove the options', start, end, '')],
			});
		}
	},
});

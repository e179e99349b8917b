import { defineRule } from '../rule';
import { lookupText, replaceFix } from './support';

/**
 * Diagnostic: quadlet/service-type
 * [Service] Type= in a .container or .kube unit set to something other than notify or oneshot.
 * The generated service relies on sd_notify (or runs once); podman's generator refuses any other
 * service type instead of writing a unit that would misbehave.
 */
export default defineRule({
	id: 'quadlet/service-type',
	defaultSeverity: 'error',
	title: '[Service] Type= the generator refuses',
	why: 'Container and kube services are started with sd_notify (Type=notify) or run once (Type=oneshot); podman\'s generator refuses the unit for any other Type=.',
	fix: 'Remove Type= (notify is the default) or write Type=oneshot for a container that runs to completion.',
	appliesTo: (ctx) => ctx.kind === 'container' || ctx.kind === 'kube',
	check(ctx) {
		// In a known QM domain qm/service-type-invalid reports the same line.
		if (ctx.domain.domain !== 'unknown') return;
		const last = ctx.view.last('Service', 'Type');
		if (!last || last.path !== ctx.path) return;
		const value = lookupText(last.entry).text;
		if (value === 'notify' || value === 'oneshot') return;
		const { valueStart, valueEnd } = last.entry;
		ctx.report({
			start: last.entry.keyStart, end: last.entry.valueEnd,
			message: `Type=${value} cannot be used for a .${ctx.kind} unit: quadlet services signal readiness with sd_notify (notify) or run once (oneshot), and podman's generator refuses the unit ("invalid service Type '${value}'"). Write Type=notify (the default) or Type=oneshot.`,
			fixes: [replaceFix('Change to Type=notify', valueStart, valueEnd, 'notify'), replaceFix('Change to Type=oneshot', valueStart, valueEnd, 'oneshot', false)],
		});
	},
});

import { defineRule } from '../../rule';
import { lookupText, replaceFix } from '../../quadlet/support';
import { knownDomain } from './support';

/**
 * Diagnostic: qm/service-type-invalid
 * [Service] Type= of a .container (or .kube) unit other than notify or oneshot, in a file whose
 * QM domain is known. podman's generator refuses the unit ("invalid service Type"): the
 * container service signals readiness through sd_notify or runs once. Same fact as the generic
 * quadlet/service-type, which leaves files of a known domain to this rule so it is reported once.
 */
export default defineRule({
	id: 'qm/service-type-invalid',
	defaultSeverity: 'error',
	title: '[Service] Type= the generator refuses for a container',
	why: 'Container and kube services signal readiness with sd_notify (Type=notify, the default) or run once (Type=oneshot); podman\'s generator refuses the unit for any other Type=, so no service exists.',
	fix: 'Remove Type= (notify is the default) or use Type=oneshot for a container that runs to completion.',
	appliesTo: (ctx) => knownDomain(ctx) && (ctx.kind === 'container' || ctx.kind === 'kube'),
	check(ctx) {
		const last = ctx.view.last('Service', 'Type');
		if (!last || last.path !== ctx.path) return;
		const value = lookupText(last.entry).text;
		if (value === 'notify' || value === 'oneshot') return;
		const { valueStart, valueEnd } = last.entry;
		ctx.report({
			start: last.entry.keyStart, end: last.entry.valueEnd,
			message: `Type=${value} is not possible for a .${ctx.kind} unit: podman's generator refuses it ("invalid service Type '${value}'"), so there is no ${ctx.qmUnit()?.serviceName ?? 'service'} at all. A container service reports readiness through sd_notify (Type=notify, the default) or runs to completion (Type=oneshot). Remove Type= or write Type=oneshot.`,
			fixes: [replaceFix('Change to Type=notify', valueStart, valueEnd, 'notify'), replaceFix('Change to Type=oneshot', valueStart, valueEnd, 'oneshot', false)],
		});
	},
});

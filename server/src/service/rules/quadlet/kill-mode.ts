import { defineRule } from '../rule';
import { lookupText, replaceFix } from './support';

/**
 * Diagnostic: quadlet/kill-mode
 * [Service] KillMode= in a .container or .kube unit set to something other than mixed or
 * control-group. With process or none, systemd would leave conmon and the container behind on
 * stop, so podman's generator refuses the unit.
 */
export default defineRule({
	id: 'quadlet/kill-mode',
	defaultSeverity: 'error',
	title: '[Service] KillMode= the generator refuses',
	why: 'Only KillMode=mixed (the default) and control-group stop a container cleanly; podman\'s generator refuses the unit for any other value.',
	fix: 'Remove KillMode= (mixed is the default) or write KillMode=control-group.',
	appliesTo: (ctx) => ctx.kind === 'container' || ctx.kind === 'kube',
	check(ctx) {
		const last = ctx.view.last('Service', 'KillMode');
		if (!last || last.path !== ctx.path) return;
		const value = lookupText(last.entry).text;
		if (value === 'mixed' || value === 'control-group') return;
		const { valueStart, valueEnd } = last.entry;
		ctx.report({
			start: last.entry.keyStart, end: last.entry.valueEnd,
			message: `KillMode=${value} cannot be used for a .${ctx.kind} unit: podman needs systemd to stop the whole container (conmon included), and its generator refuses the unit ("invalid KillMode '${value}'"). Write KillMode=mixed (the default) or KillMode=control-group.`,
			fixes: [replaceFix('Change to KillMode=mixed', valueStart, valueEnd, 'mixed'), replaceFix('Change to KillMode=control-group', valueStart, valueEnd, 'control-group', false)],
		});
	},
});

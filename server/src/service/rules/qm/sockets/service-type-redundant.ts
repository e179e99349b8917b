import { defineRule } from '../../rule';
import { lookupText } from '../../quadlet/support';
import { entryLines, knownDomain } from './support';

/**
 * Diagnostic: qm/service-type-redundant
 * [Service] Type=notify in a .container without a Notify= key. notify is already quadlet's
 * default, and with it the container counts as ready when conmon reports it started
 * (--sdnotify=conmon), not when the application is ready, which authors writing Type=notify
 * usually expect. A client ordered after this service (QM→QM: Requires=/After=server.service)
 * can race the server's start-up unless the image calls sd_notify (Notify=true), the socket is
 * activated, or the client retries.
 */
export default defineRule({
	id: 'qm/service-type-redundant',
	defaultSeverity: 'hint',
	title: 'Type=notify is the quadlet default (and does not wait for the application)',
	why: 'Quadlet already uses Type=notify; without Notify=true readiness is signalled by conmon when the container starts, not by the application, so units ordered after it may race its start-up.',
	fix: 'Remove Type=notify, or add [Container] Notify=true when the image calls sd_notify.',
	appliesTo: (ctx) => knownDomain(ctx) && ctx.kind === 'container',
	check(ctx) {
		const last = ctx.view.last('Service', 'Type');
		if (!last || last.path !== ctx.path || lookupText(last.entry).text !== 'notify') return;
		if (ctx.view.last('Container', 'Notify')) return;
		ctx.report({
			start: last.entry.keyStart, end: last.entry.valueEnd,
			message: 'Type=notify is already what quadlet generates for a container. It does not make systemd wait for the application: without Notify= the container is reported ready by conmon as soon as it starts (--sdnotify=conmon). Remove the line; add [Container] Notify=true if the image calls sd_notify and units ordered after this one must wait until it is really ready.',
			tags: ['unnecessary'],
			fixes: [{ title: 'Remove Type=notify', edits: [{ ...entryLines(ctx, last), newText: '' }], isPreferred: true }],
		});
	},
});

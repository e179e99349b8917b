import type { Fix, RelatedLocation } from '../../../types';
import { providers, providersElsewhere, socketNames, socketTarget } from '../../../qm/sockets-index';
import { domainLabel } from '../../../qm/domain';
import { resolutionDomain, type QmUnit } from '../../../qm/model';
import { closest } from '../../../util/edit-distance';
import type { ViewEntry } from '../../../model/unit-view';
import { defineRule, type RuleContext } from '../../rule';
import { eolOf, headerIn, insertAfterEntry, knownDomain, rangeIn, relatedUnit } from './support';

/**
 * Diagnostic: qm/socket-service-unresolved
 * A socket unit whose service (Service=, else <name>.service) is provided by no unit, quadlet or
 * Alias= in the systemd that reads the socket. systemd loads the service when traffic arrives and
 * refuses to activate a socket whose service is not loaded, so clients hang or get refused.
 * The host and the QM partition run separate systemd instances: a service on the other side
 * does not count. Reported only when the workspace shows what was meant (a unit that claims the
 * socket with Sockets=, the service on the other side, a container whose ContainerName= is the
 * socket's name, a near-miss spelling): otherwise the service may come from a package outside
 * the workspace, as for a lone /etc/systemd/system/cups.socket.
 */
export default defineRule({
	id: 'qm/socket-service-unresolved',
	defaultSeverity: 'error',
	title: 'Socket activates a service that no unit provides',
	why: 'systemd refuses to activate a socket whose service unit cannot be loaded; a container that only claims the socket with Sockets= is not started by it unless its service has the socket\'s name.',
	fix: 'Rename the socket to <container>.socket, set [Socket] Service=<container>.service, or give the container [Install] Alias=<socket name>.service (as qm-dbus-broker.container does).',
	appliesTo: (ctx) => knownDomain(ctx) && ctx.kind === 'socket',
	check(ctx) {
		const socket = ctx.qmUnit();
		if (!socket || socket.virtual) return;
		const model = ctx.qm();
		const target = socketTarget(model, socket);
		if (target.units.length) return;
		// Reported on Service= where it is written (maybe a drop-in), else on the socket file.
		const here = target.serviceEntry && !target.accept ? target.serviceEntry.path : socket.file.path;
		if (here !== ctx.path) return;
		const domain = ctx.domain.domain;
		// Accept=yes on a plain container is qm/socket-accept-nontemplate's finding.
		if (target.accept && providers(model, domain, target.name.replace('@.service', '.service')).length) return;
		const names = socketNames(socket);
		const home = resolutionDomain(domain);
		const local = model.units.filter((u) => u.kind !== 'socket' && resolutionDomain(u.domain.domain) === home);
		const related: RelatedLocation[] = [];
		const fixes: Fix[] = [];
		let advice: string | undefined;
		const claimers = local.filter((u) => u.claimsSockets.some((s) => names.includes(s)));
		const elsewhere = providersElsewhere(model, domain, target.name);
		const stem = target.name.replace(/\.service$/, '').replace(/@$/, '');
		const byContainerName = local.find((u) => u.kind === 'container' && u.view.lookup('Container', 'ContainerName') === stem);
		const near = target.accept ? undefined : closest(target.name, local.flatMap((u) => [...u.names].filter((n) => n.endsWith('.service'))), 3);
		if (claimers.length) {
			const c = claimers[0];
			for (const u of claimers) related.push(relatedUnit(u, `${u.fileName} takes the socket with Sockets=, but its service is ${u.serviceName}`, 'Service'));
			advice = `${c.fileName} claims the socket with [Service] Sockets=, but its service is called ${c.serviceName}: add [Install] Alias=${target.name} to ${c.fileName}, or write Service=${c.serviceName} here.`;
			if (!target.accept) fixes.push(serviceFix(ctx, target.serviceEntry, c.serviceName));
		} else if (elsewhere.length) {
			const o = elsewhere[0];
			related.push(relatedUnit(o, `${target.name} exists only in the ${domainLabel(o.domain.domain)}`));
			advice = `${target.name} is provided by ${o.fileName}, but that unit belongs to the ${domainLabel(o.domain.domain)}, a different systemd: a socket can only start services of its own manager. Put the socket next to its service, or provide the service here.`;
		} else if (byContainerName && !target.accept) {
			related.push(relatedUnit(byContainerName, `ContainerName=${stem}; the unit is ${byContainerName.serviceName}`));
			advice = `"${stem}" is the ContainerName= of ${byContainerName.fileName}, but quadlet names the service after the file: write Service=${byContainerName.serviceName}, or give the container [Install] Alias=${target.name}.`;
			fixes.push(serviceFix(ctx, target.serviceEntry, byContainerName.serviceName));
		} else if (near) {
			const u = local.find((x) => x.names.has(near)) as QmUnit;
			related.push(relatedUnit(u, `${u.fileName} provides ${near}`));
			advice = `Did you mean ${near} (${u.fileName})? Write Service=${near}${target.serviceEntry ? '' : ', or rename the socket to match'}.`;
			fixes.push(serviceFix(ctx, target.serviceEntry, near));
		}
		// Without a hint of what was meant the service may well come from a package outside the
		// workspace (a lone /etc/systemd/system/cups.socket): nothing to report.
		if (!advice) return;
		const where = target.serviceEntry && !target.accept
			? rangeIn(target.serviceEntry, -1, -1)
			: headerIn(ctx, 'Socket');
		ctx.report({
			...where,
			message: `${socket.fileName} activates ${target.name}${target.serviceEntry ? ' (Service=)' : target.accept ? ' (one instance per connection, Accept=yes)' : ''}, but no unit, quadlet or Alias= in the ${domainLabel(domain)} provides that service: on the first connection systemd refuses to start it and the socket fails. ${advice}`,
			related: related.length ? related : undefined,
			fixes: fixes.length ? fixes : undefined,
		});
	},
});

/** Sets [Socket] Service=: replaces the value, or adds the line at the end of [Socket]. */
function serviceFix(ctx: RuleContext, entry: ViewEntry | undefined, name: string): Fix {
	const title = `Set Service=${name}`;
	if (entry && entry.path === ctx.path) {
		return { title, edits: [{ start: entry.entry.valueStart, end: entry.entry.valueEnd, newText: name }], isPreferred: true };
	}
	const sockets = ctx.parsed.sections.filter((s) => s.name === 'Socket');
	const section = sockets[sockets.length - 1];
	const eol = eolOf(ctx.text);
	if (!section) {
		const sep = ctx.text === '' || ctx.text.endsWith('\n') ? '' : eol;
		return { title, edits: [{ start: ctx.text.length, end: ctx.text.length, newText: `${sep}[Socket]${eol}Service=${name}${eol}` }], isPreferred: true };
	}
	const last = section.entries[section.entries.length - 1];
	if (last) return { title, edits: [insertAfterEntry(ctx, { path: ctx.path, entry: last }, [`Service=${name}`])], isPreferred: true };
	const line = ctx.parsed.lines[section.line];
	return { title, edits: [line.next > line.end ? { start: line.next, end: line.next, newText: `Service=${name}${eol}` } : { start: line.end, end: line.end, newText: `${eol}Service=${name}` }], isPreferred: true };
}

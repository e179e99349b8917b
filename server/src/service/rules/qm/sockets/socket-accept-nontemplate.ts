import { providers, socketTarget } from '../../../qm/sockets-index';
import { defineRule } from '../../rule';
import { knownDomain, relatedUnit } from './support';

/**
 * Diagnostic: qm/socket-accept-nontemplate
 * A socket with Accept=yes in front of a plain (non-template) container. With Accept=yes systemd
 * accepts each connection itself and starts one instance `<name>@<n>.service` per connection,
 * which only a template quadlet `<name>@.container` provides; the plain `<name>.service` is never
 * used and every connection fails.
 */
export default defineRule({
	id: 'qm/socket-accept-nontemplate',
	defaultSeverity: 'error',
	title: 'Accept=yes socket in front of a non-template container',
	why: 'Accept=yes spawns one <name>@<n>.service instance per connection; a plain <name>.container has no such template, so systemd cannot start anything for a connection.',
	fix: 'Use Accept=no (the pattern podman documents: the container receives the listening socket) or convert the quadlet into a template <name>@.container.',
	appliesTo: (ctx) => knownDomain(ctx) && ctx.kind === 'socket',
	check(ctx) {
		const socket = ctx.qmUnit();
		if (!socket || socket.virtual) return;
		const model = ctx.qm();
		const target = socketTarget(model, socket);
		if (!target.accept || target.units.length) return;
		const plainName = target.name.replace('@.service', '.service');
		const plain = providers(model, ctx.domain.domain, plainName).filter((u) => u.kind === 'container' || u.kind === 'kube');
		if (!plain.length) return;
		const accept = socket.view.last('Socket', 'Accept');
		if (!accept || accept.path !== ctx.path) return;
		const c = plain[0];
		const template = c.fileName.replace(/\.(container|kube)$/, '@.$1');
		ctx.report({
			start: accept.entry.keyStart, end: accept.entry.valueEnd,
			message: `Accept=${accept.entry.value.trim()} makes systemd accept every connection itself and start one ${target.name.replace('@.service', '@<n>.service')} instance per connection, but ${c.fileName} is not a template, so there is no such service and each connection fails. Write Accept=no so ${plainName} receives the listening socket (podman's socket-activation pattern), or rename the quadlet to ${template}.`,
			related: [relatedUnit(c, `${c.fileName} provides ${plainName}, not ${target.name}`)],
			fixes: [{ title: 'Change to Accept=no', edits: [{ start: accept.entry.valueStart, end: accept.entry.valueEnd, newText: 'no' }], isPreferred: true }],
		});
	},
});

import { isTrue } from '../../../model/unit-view';
import { deniedNestedUses, socketNames, socketTarget } from '../../../qm/sockets-index';
import { defineRule } from '../../rule';
import { entryLines, knownDomain } from './support';

/**
 * Diagnostic: qm/socket-contextfromnet-noop
 * SELinuxContextFromNet=yes on a socket that hands its listening socket (Accept=no) to a
 * container. systemd only applies it to services that receive a single connection socket
 * (Accept=yes instances, a socket on stdin) and then only takes over the MLS/MCS level of the
 * peer; for a container that receives the listening socket it does nothing. Upstream's bridge
 * sockets carry it, so it is harmless, but readers tend to think it labels the socket.
 */
export default defineRule({
	id: 'qm/socket-contextfromnet-noop',
	defaultSeverity: 'information',
	title: 'SELinuxContextFromNet=yes has no effect on a socket that activates a container',
	why: 'systemd uses the peer\'s level only for services that get a single connection socket (Accept=yes); a container activated with the listening socket (Accept=no) runs with its own label. The setting does not label the socket either.',
	fix: 'Nothing is required; remove the line to avoid suggesting that it labels the socket or the container.',
	appliesTo: (ctx) => knownDomain(ctx) && ctx.kind === 'socket',
	check(ctx) {
		const socket = ctx.qmUnit();
		if (!socket) return;
		const entry = socket.view.last('Socket', 'SELinuxContextFromNet');
		if (!entry || entry.path !== ctx.path || !isTrue(entry.entry.value.trim())) return;
		if (socket.view.lookupBool('Socket', 'Accept') === true) return;
		const model = ctx.qm();
		// A socket that qm/socket-qm-nested-client asks to delete gets that one explanation only.
		if (deniedNestedUses(model, socket).length) return;
		const names = socketNames(socket);
		const target = socketTarget(model, socket);
		const container = target.units.find((u) => u.kind === 'container' || u.kind === 'kube')
			?? model.units.find((u) => (u.kind === 'container' || u.kind === 'kube') && u.claimsSockets.some((s) => names.includes(s)) && u.domain.domain === socket.domain.domain);
		if (!container) return;
		ctx.report({
			start: entry.entry.keyStart, end: entry.entry.valueEnd,
			message: `SELinuxContextFromNet=yes does nothing here: systemd only uses it for services that receive a single connection socket (Accept=yes), and then only takes over the peer's MLS/MCS level. ${socket.fileName} passes its listening socket (Accept=no) to ${container.fileName}, which runs with its own SELinux label; the setting does not label the socket either. Harmless; you can remove the line.`,
			tags: ['unnecessary'],
			fixes: [{ title: 'Remove SELinuxContextFromNet=yes', edits: [{ ...entryLines(ctx, entry), newText: '' }], isPreferred: false }],
		});
	},
});

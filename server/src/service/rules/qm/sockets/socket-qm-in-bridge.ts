import { isUnder } from '../../../qm/paths';
import { defineRule } from '../../rule';
import { rangeIn } from './support';

/**
 * Diagnostic: qm/socket-qm-in-bridge
 * A socket unit of QM's own systemd listening under /run/ipc/. Inside QM, /run/ipc is the bind
 * mount of the host's ASIL↔QM bridge directory (ipc_var_run_t); QM's systemd runs as qm_t, which
 * may only list and mount on ipc_var_run_t (qm.if), not create sockets there. The bridge sockets
 * are created by the host's systemd.
 */
export default defineRule({
	id: 'qm/socket-qm-in-bridge',
	defaultSeverity: 'error',
	title: 'QM socket unit listens in the /run/ipc bridge',
	why: '/run/ipc inside QM is the host bridge directory (ipc_var_run_t); QM\'s systemd (qm_t) may only list and mount on it, so it cannot create the socket, and the bridge sockets belong to the ASIL side.',
	fix: 'Move the socket unit to the host (/etc/systemd/system/) for an ASIL→QM bridge; for IPC inside QM use another /run/<app>/ directory and no socket unit.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm' && ctx.kind === 'socket',
	check(ctx) {
		const socket = ctx.qmUnit();
		if (!socket) return;
		for (const l of socket.listens) {
			if (l.entry.path !== ctx.path || l.abstract || !isUnder(l.path, '/run/ipc')) continue;
			const raw = l.entry.entry.value.trim();
			ctx.report({
				...rangeIn(l.entry, -1, -1),
				message: `${l.entry.entry.key}=${raw} is ${l.path} in QM's /run, which is the host's ASIL↔QM bridge directory mounted into the partition (labelled ipc_var_run_t). This socket unit belongs to QM's systemd, which runs as qm_t and may only list and mount on ipc_var_run_t, not create sockets in it, so the socket cannot be set up. For an ASIL→QM bridge put the .socket (and its server) on the host in /etc/systemd/system/; for IPC between QM containers use another directory such as /run/${socket.fileName.replace(/\.socket$/, '')}/ and let the server container create the socket.`,
			});
		}
	},
});

import { deniedNestedUses, effectiveQmType, socketTarget, socketUses, type SocketUse } from '../../../qm/sockets-index';
import type { QmUnit } from '../../../qm/model';
import type { RelatedLocation } from '../../../types';
import { isUnder } from '../../../qm/paths';
import { defineRule } from '../../rule';
import { headerIn, rangeIn, relatedUnit } from './support';

/**
 * Diagnostic: qm/socket-qm-nested-client
 * A socket unit of QM's own systemd used by a nested container other than the service it
 * starts. QM's systemd runs as qm_t, so the socket it creates in QM's /run is a qm_file_t socket
 * owned by qm_t. Nested containers of the default type qm_container_t (and qm_container_ipc_t,
 * qm_container_init_t) may neither connect to qm_t nor write qm_file_t sockets: the client's
 * connect() is denied. (The activated server itself only accepts on the socket it inherits,
 * which QM's policy allows; qm_container_wayland_t and qm_container_kvm_t may connect to qm_t.)
 * Upstream removed exactly this QM-to-QM example from docs/docs/ipc.md in containers/qm PR #877
 * after a policy change to allow it (PR #861) was declined. One finding on the socket, with the
 * consumers as related locations: the socket is what has to go.
 */
export default defineRule({
	id: 'qm/socket-qm-nested-client',
	defaultSeverity: 'error',
	title: 'QM socket unit used by a nested container that may not connect to it',
	why: 'A socket created by QM\'s systemd (qm_t) in QM\'s /run is a qm_file_t socket of qm_t; nested qm_container_t/qm_container_ipc_t/qm_container_init_t containers may neither connect to qm_t nor write qm_file_t sockets, so clients are denied (upstream removed this pattern in containers/qm PR #877).',
	fix: 'Drop the .socket; let the server container create the socket in a shared directory (Volume=/run/<app>/:/run/<app>/ on server and client), give both the same SecurityLabelLevel=, and order the client with Requires=<server>.service and After=<server>.service.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm' && ctx.kind === 'socket',
	check(ctx) {
		const socket = ctx.qmUnit();
		if (!socket) return;
		const uses = deniedNestedUses(ctx.qm(), socket);
		if (!uses.length) return;
		// The line that has to go is the socket's listen address; report where it is written.
		const listen = socket.listens.find((l) => !l.abstract) ?? socket.listens[0];
		if (listen ? listen.entry.path !== ctx.path : socket.file.path !== ctx.path) return;
		const model = ctx.qm();
		const target = socketTarget(model, socket);
		const server = target.units[0];
		const app = socket.fileName.replace(/\.socket$/, '').replace(/@$/, '');
		const clients = unique(uses.map((u) => u.unit));
		const who = clients.map((c) => `${c.fileName} (${effectiveQmType(c)}${c.label.type ? '' : ', the default type of nested containers'})`).join(', ');
		const path = listen && !listen.abstract ? listen.path : `the socket's path`;
		const related: RelatedLocation[] = uses.map((u) => ({ path: u.at.path, ...rangeIn(u.at, u.index, u.length), message: describeUse(u, socket.fileName, target.name, app) }));
		if (server) {
			related.push(relatedUnit(server, `${server.fileName} is started by ${socket.fileName}; let it create the socket in /run/${app}/ itself`, 'Container'));
			for (const u of socketUses(model, socket)) {
				if (u.unit === server && u.how === 'dependency') related.push({ path: u.at.path, ...rangeIn(u.at, u.index, u.length), message: `${server.fileName} depends on ${socket.fileName} (${u.key}=): remove it with the socket` });
			}
		}
		const levels = [...(server ? [server] : []), ...clients].map((u) => u.label.level?.value);
		const shared = levels.length > 1 && levels[0] && levels.every((l) => l === levels[0]) ? levels[0] : undefined;
		const level = shared ? `keep the same SecurityLabelLevel= on both (they already share ${shared})` : 'give both the same SecurityLabelLevel= (e.g. s0:c1,c2)';
		ctx.report({
			...(listen ? rangeIn(listen.entry, -1, -1) : headerIn(ctx, 'Socket')),
			message: `QM's current SELinux policy blocks this socket for ${who}. ${socket.fileName} belongs to QM's own systemd, which runs as qm_t: it creates ${path}${listen && !listen.abstract && isUnder(listen.path, '/run') ? ' in QM\'s /run' : ''} as a qm_file_t socket. Nested containers of type qm_container_t (also qm_container_ipc_t and qm_container_init_t) may neither connect to qm_t nor write qm_file_t sockets, so the client's connection is denied; only the service the socket starts may accept on it. Upstream removed this QM-to-QM pattern from its IPC docs (containers/qm PR #877). Instead: delete ${socket.fileName}; let ${server ? server.fileName : 'the server container'} create the socket itself in a directory both containers mount (Volume=/run/${app}/:/run/${app}/ on server and client); ${level}; and order the client after the server with Requires=${target.name} and After=${target.name}.`,
			related,
		});
	},
});

function describeUse(u: SocketUse, socket: string, service: string, app: string): string {
	const name = u.unit.fileName;
	switch (u.how) {
		case 'dependency':
			return `${name} depends on ${socket} (${u.key}=): depend on ${service} instead`;
		case 'volume':
			return `${name} reaches the socket through this mount: mount only the shared /run/${app}/ directory`;
		case 'path':
			return `${name} connects to the socket's path`;
		default:
			return `${name} takes the socket with Sockets=`;
	}
}

function unique(units: QmUnit[]): QmUnit[] {
	return [...new Set(units)];
}

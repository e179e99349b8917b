import { domainLabel } from '../../../qm/domain';
import { resolutionDomain } from '../../../qm/model';
import { defineRule } from '../../rule';
import { knownDomain, rangeIn } from './support';

/**
 * Diagnostic: qm/socket-listen-path
 * The address of a socket unit's ListenStream=/ListenDatagram=/ListenSequentialPacket=:
 * - error: it starts with a specifier that expands to a relative name (%n, %p, %i, …), so systemd
 *   rejects the address and ignores the line. Plain relative paths ("run/app.sock") are already
 *   reported by systemd/invalid-value for every file; this rule does not repeat them.
 * - warning: an abstract socket (@name) in the QM partition or shared across the boundary:
 *   abstract sockets live in a network namespace and carry no file label, so the QM/ASIL
 *   separation, which SELinux expresses through file labels on paths (qm.fc), does not apply.
 * - hint: /var/run/…, the legacy alias systemd rewrites to /run/….
 */
export default defineRule({
	id: 'qm/socket-listen-path',
	defaultSeverity: 'error',
	title: 'Socket listen address that breaks or bypasses the QM separation',
	why: 'systemd needs an absolute socket path (or an address or abstract name); QM and ASIL are separated through SELinux labels on socket paths, which abstract sockets bypass; /var/run is only a legacy alias of /run.',
	fix: 'Listen on %t/<dir>/<name>.socket (an absolute path in the runtime directory).',
	appliesTo: (ctx) => knownDomain(ctx) && ctx.kind === 'socket',
	check(ctx) {
		const socket = ctx.qmUnit();
		if (!socket) return;
		const model = ctx.qm();
		for (const l of socket.listens) {
			if (l.entry.path !== ctx.path || l.via === 'ListenFIFO') continue;
			const raw = l.entry.entry.value.trim();
			const key = l.entry.entry.key;
			const spec = /^%([^%tSCLETVhdyYf])/.exec(raw);
			if (spec) {
				ctx.report({
					...rangeIn(l.entry, -1, -1),
					message: `${key}=${raw} starts with %${spec[1]}, which expands to a name, not to a directory: the result is a relative path, which systemd does not accept as a socket address, so it ignores the line (a socket left without a Listen line fails to start). Put it in the runtime directory: ${key}=%t/${raw}.`,
					fixes: [{ title: `Change to %t/${raw}`, edits: [{ ...rangeIn(l.entry, l.entry.entry.value.indexOf(raw), 0), newText: '%t/' }], isPreferred: true }],
				});
				continue;
			}
			if (/^\/var\/run(\/|$)/.test(raw)) {
				ctx.report({
					...rangeIn(l.entry, -1, -1),
					severity: 'hint',
					message: `${key}=${raw} uses /var/run, a legacy alias that systemd rewrites to /run (older QM policy used /var/run file contexts for the same files). Write ${raw.replace(/^\/var\/run/, '/run')}.`,
					fixes: [{ title: 'Change /var/run to /run', edits: [{ ...rangeIn(l.entry, l.entry.entry.value.indexOf('/var/run'), '/var/run'.length), newText: '/run' }], isPreferred: true }],
				});
				continue;
			}
			if (raw.startsWith('@')) {
				const home = resolutionDomain(ctx.domain.domain);
				const users = model.units.filter((u) => u !== socket && resolutionDomain(u.domain.domain) !== home && u.refs.some((r) => r.abstract && r.path.replace(/^@/, '') === raw.slice(1)));
				if (ctx.domain.domain !== 'qm' && !users.length) continue;
				const what = users.length
					? `${users[0].fileName}, in the ${domainLabel(users[0].domain.domain)}, uses it across the QM boundary`
					: 'it is meant for IPC inside the QM partition';
				ctx.report({
					...rangeIn(l.entry, -1, -1),
					severity: 'warning',
					message: `${key}=${raw} is an abstract socket, and ${what}. Abstract sockets belong to a network namespace and have no file, so no SELinux file label: the separation QM builds from labelled socket paths (qm.fc, /run/ipc) does not apply, and QM containers normally have their own network namespace (Network=private or none), where the name does not exist. Listen on a path instead, e.g. %t/${socket.fileName.replace(/\.socket$/, '')}/${raw.slice(1)}.socket.`,
					related: users.map((u) => {
						const r = u.refs.find((x) => x.abstract && x.path.replace(/^@/, '') === raw.slice(1));
						return { path: r!.entry.path, ...rangeIn(r!.entry, r!.index, r!.length), message: `${u.fileName} connects to @${raw.slice(1)}` };
					}),
				});
			}
		}
	},
});

import { defineRule } from '../../rule';
import type { RelatedLocation } from '../../../types';
import { BLUECHI_HOST_SOCKET, BLUECHI_QM_SOCKET, exposureFile, ipcBridge, listenUses, mountUses, refUses, sameSide, useRange, type PathUse } from '../../../qm/ipc-bridge';
import type { QmModel, QmUnit } from '../../../qm/model';
import { canonicalRun, expandPath, isUnder, normalizePath, overlaps } from '../../../qm/paths';
import { dirName } from '../../../unit-path';
import { inDomain } from '../support';
import { appendToSection } from './shared';

/** Per-container tmpfs roots: a path below them is private to the container unless mounted. */
const PRIVATE_ROOTS = ['/run', '/var/run', '/dev/shm', '/tmp'];
/** Sockets that always come from outside the container. */
const WELL_KNOWN: Record<'qm' | 'asil', Record<string, string>> = {
	qm: { [BLUECHI_QM_SOCKET]: 'the bluechi controller socket that the QM boundary binds into QM', '/run/dbus/system_bus_socket': 'the D-Bus system bus socket' },
	asil: { [BLUECHI_HOST_SOCKET]: 'the host bluechi controller socket', '/run/dbus/system_bus_socket': 'the D-Bus system bus socket' },
};

/**
 * Diagnostic: qm/ipc-path-not-mounted
 * A container's Environment=/Exec= names a socket or file under /run, /dev/shm or /tmp that some
 * other unit provides (a .socket, another container's bind, the QM boundary, the bluechi socket),
 * but none of the container's own Volume=/Mount= destinations covers it. /run and /tmp inside a
 * container are its own: it will not see the path.
 */
export default defineRule({
	id: 'qm/ipc-path-not-mounted',
	defaultSeverity: 'warning',
	title: 'Socket path used by a container but not mounted into it',
	why: 'A container\'s /run, /tmp and /dev/shm are private to it; a socket created by a .socket unit, another container or the QM boundary is only visible through a Volume=/Mount= of that path.',
	fix: 'Add Volume=<dir>:<dir> for the socket\'s directory (for the bluechi socket, Volume=/run/bluechi.sock:/run/bluechi.sock).',
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'asil') && !ctx.domain.alsoBoundary && ctx.kind === 'container',
	check(ctx) {
		const unit = ctx.qmUnit();
		if (!unit || unit.kind !== 'container') return;
		const model = ctx.qm();
		const side = unit.domain.domain === 'qm' ? 'qm' : 'asil';
		const covers = coveredPaths(unit, model.resolve(unit.domain.domain, unit.pod ?? '').filter((u) => u.kind === 'pod'));
		const reported = new Set<string>();
		for (const use of refUses(unit)) {
			if (use.entry.path !== ctx.path) continue;
			const p = use.path;
			if (!PRIVATE_ROOTS.some((r) => isUnder(p, r) && p !== r)) continue;
			if (covers.some((d) => overlaps(p, d))) continue;
			const source = externalSource(model, unit, side, p);
			if (!source) continue;
			const key = `${use.entry.entry.start}:${use.index}`;
			if (reported.has(key)) continue;
			reported.add(key);
			const target = mountTarget(p, use, source.fileLike);
			const edit = appendToSection(ctx, 'Container', `Volume=${target}:${target}`);
			ctx.report({
				...useRange(use),
				message: `${use.entry.entry.key}= names ${p}, ${source.what}, but this container mounts nothing there: its ${rootOf(p)} is its own ${rootOf(p) === '/tmp' ? 'directory' : 'tmpfs'}, so the path does not exist inside it. Add Volume=${target}:${target}.`,
				related: source.related,
				fixes: [{ title: `Add Volume=${target}:${target}`, edits: [edit], isPreferred: true }],
			});
		}
	},
});

function rootOf(p: string): string {
	return PRIVATE_ROOTS.find((r) => isUnder(p, r)) ?? '/run';
}

/** Destinations inside the container that something is mounted on (own, pod, tmpfs). */
function coveredPaths(unit: QmUnit, pods: QmUnit[]): string[] {
	const out: string[] = [];
	for (const u of [unit, ...pods]) {
		for (const m of u.mounts) {
			const d = canonicalRun(normalizePath(expandPath(m.dest, { userScope: u.domain.userScope, env: m.dest.includes('$') ? u.env : undefined })));
			if (d.startsWith('/')) out.push(d);
		}
		for (const t of u.view.lookupAll(u.kind === 'pod' ? 'Pod' : 'Container', 'Tmpfs')) {
			const d = t.entry.value.trim().split(':')[0];
			if (d.startsWith('/')) out.push(canonicalRun(normalizePath(d)));
		}
	}
	return out;
}

interface Source { what: string; related: RelatedLocation[]; fileLike: boolean }

/** Who provides `p` outside this container, if anyone the workspace shows. */
function externalSource(model: QmModel, unit: QmUnit, side: 'qm' | 'asil', p: string): Source | undefined {
	// A socket that activates this very unit hands it the listening fd: no mount needed.
	const own = new Set(model.socketsActivating(unit));
	for (const s of model.units) {
		if (s.kind !== 'socket' || !sameSide(s, unit) || own.has(s)) continue;
		const l = listenUses(s).find((x) => overlaps(x.path, p));
		if (l) return { what: `the socket ${s.fileName} listens on${l.path === p ? '' : ` (${l.path})`}`, related: [rel(l, `${s.fileName} creates ${l.path}`)], fileLike: l.path === p };
	}
	const bridge = ipcBridge(model);
	for (const x of bridge.exposures) {
		const there = side === 'qm' ? x.qmPath : x.hostPath;
		if (!overlaps(there, p) || PRIVATE_ROOTS.includes(there)) continue;
		return {
			what: side === 'qm' ? `which exists in QM only through the boundary bind of host ${x.hostPath}` : `which the QM boundary binds into the partition`,
			related: [rel(x.use, `${exposureFile(x)} binds host ${x.hostPath} to ${x.qmPath} in QM`)],
			fileLike: x.qmPath === p || x.hostPath === p,
		};
	}
	const known = WELL_KNOWN[side][p];
	if (known) return { what: known, related: [], fileLike: true };
	for (const o of model.units) {
		if (o === unit || !sameSide(o, unit) || (o.kind !== 'container' && o.kind !== 'pod') || o.domain.domain === 'qm-boundary') continue;
		const m = mountUses(o).find((x) => isUnder(x.path, p) || (isUnder(p, x.path) && !PRIVATE_ROOTS.includes(x.path)));
		if (m) return { what: `which ${o.fileName} shares through its ${m.entry.entry.key}= bind of ${m.path}`, related: [rel(m, `${o.fileName} binds ${m.path}`)], fileLike: m.path === p };
	}
	return undefined;
}

function rel(u: PathUse, message: string): RelatedLocation {
	return { path: u.entry.path, ...useRange(u), message };
}

/** The socket's directory, or the path itself when the directory is a tmpfs root or it is a directory. */
function mountTarget(p: string, use: PathUse, fileLike: boolean): string {
	const looksLikeFile = fileLike || use.ref?.socketLike || /\.[A-Za-z0-9]+$/.test(p.slice(p.lastIndexOf('/') + 1));
	if (!looksLikeFile) return p;
	const dir = dirName(p);
	return PRIVATE_ROOTS.includes(dir) || dir === '/run/user' ? p : dir;
}

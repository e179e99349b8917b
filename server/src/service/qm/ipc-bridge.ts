/**
 * The ASIL↔QM IPC bridge as the workspace defines it (qm-rules §5.1): which host paths the
 * effective qm.container exposes inside QM (and where), which host sockets and servers live
 * under /run/ipc, and which units of either side name a path under /run/ipc. Built only from the
 * public data of the QM model (units, mounts, refs, listens, views); the IPC rules query this.
 */
import type { ViewEntry } from '../model/unit-view';
import { valueIndexToOffset } from '../parser/parse-unit';
import type { OffsetEdit } from '../types';
import { dirName } from '../unit-path';
import { inherit, resolutionDomain, type QmModel, type QmMount, type QmPathRef, type QmUnit } from './model';
import { canonicalRun, expandPath, findPaths, isUnder, normalizePath, overlaps } from './paths';

/** The bridge directory, labelled ipc_var_run_t on the host and bound into QM at the same path. */
export const BRIDGE_DIR = '/run/ipc';
/** The bluechi controller socket on the host and where the sanctioned boundary bind puts it in QM. */
export const BLUECHI_HOST_SOCKET = '/run/bluechi/bluechi.sock';
export const BLUECHI_QM_SOCKET = '/run/bluechi.sock';
/** Host control planes under /run; exposing them is qm/volume-forbidden-source's finding, not ours. */
const CONTROL_PLANE = ['/run/systemd', '/run/udev', '/run/dbus', '/run/podman', '/run/containers'];

export function inBridge(p: string | undefined): boolean {
	return p !== undefined && isUnder(p, BRIDGE_DIR);
}

/** Where a path is named in a unit: a mount source, a path inside a value, or a socket's Listen*=. */
export interface PathUse {
	unit: QmUnit;
	/** Expanded and normalised: a QM path for QM units, a host path for host and boundary units. */
	path: string;
	/** The text as written (e.g. "%t/ipc/x.sock"). */
	raw: string;
	entry: ViewEntry;
	/** Position of `raw` in `entry.entry.value`. */
	index: number;
	length: number;
	via: 'mount' | 'ref' | 'listen';
	mount?: QmMount;
	ref?: QmPathRef;
}

/** Document range of a use in its file. */
export function useRange(u: PathUse): { start: number; end: number } {
	const e = u.entry.entry;
	return { start: valueIndexToOffset(e, u.index), end: valueIndexToOffset(e, u.index + u.length) };
}

/** Mount sources of a unit that are paths (named volumes have none). */
export function mountUses(unit: QmUnit): PathUse[] {
	const out: PathUse[] = [];
	for (const m of unit.mounts) {
		if (m.source === undefined || m.sourceIndex < 0 || !m.source.startsWith('/')) continue;
		out.push({ unit, path: m.source, raw: m.rawSource, entry: m.entry, index: m.sourceIndex, length: m.rawSource.length, via: 'mount', mount: m });
	}
	return out;
}

/**
 * Paths named in Environment=/Exec= (and the other ref keys when `vias` allows). A backslash that
 * escapes a closing quote (`--url=\"unix:path=/run/x.sock\"`) is not part of the path.
 */
export function refUses(unit: QmUnit, vias: readonly string[] = ['Environment', 'Exec']): PathUse[] {
	const out: PathUse[] = [];
	for (const r of unit.refs) {
		if (r.abstract || !vias.includes(r.via)) continue;
		let raw = r.entry.entry.value.slice(r.index, r.index + r.length);
		let path = r.path;
		while (raw.endsWith('\\')) { raw = raw.slice(0, -1); path = path.endsWith('\\') ? path.slice(0, -1) : path; }
		path = canonicalRun(normalizePath(path));
		if (!path.startsWith('/')) continue;
		out.push({ unit, path, raw, entry: r.entry, index: r.index, length: raw.length, via: 'ref', ref: r });
	}
	return out;
}

/** Socket paths a .socket unit listens on (abstract names and ports left out). */
export function listenUses(unit: QmUnit): PathUse[] {
	const out: PathUse[] = [];
	for (const l of unit.listens) {
		if (l.abstract || !l.path.startsWith('/')) continue;
		const raw = l.entry.entry.value.trimEnd();
		out.push({ unit, path: l.path, raw, entry: l.entry, index: 0, length: raw.length, via: 'listen', ref: l });
	}
	return out;
}

/**
 * Every path a unit names that a peer could share: a socket's listen paths, a service's
 * Exec*=/Environment= paths, a quadlet's mount sources and Environment=/Exec= paths.
 */
export function pathUses(unit: QmUnit): PathUse[] {
	if (unit.kind === 'socket') return listenUses(unit);
	if (unit.kind === 'service') return serviceUses(unit);
	return [...mountUses(unit), ...refUses(unit)].sort(byPosition);
}

/** Every path use of a unit under the bridge directory (mount sources and Environment/Exec paths). */
export function bridgeUses(unit: QmUnit): PathUse[] {
	return [...mountUses(unit), ...refUses(unit)].filter((u) => inBridge(u.path)).sort(byPosition);
}

function byPosition(a: PathUse, b: PathUse): number {
	const order = a.unit.view.dropIns.map((d) => d.path);
	const rank = (p: string) => (p === a.unit.view.main.path ? -1 : order.indexOf(p));
	return rank(a.entry.path) - rank(b.entry.path) || a.entry.entry.start - b.entry.entry.start || a.index - b.index;
}

export type ExposureClass = 'bridge' | 'bluechi' | 'control-plane' | 'run-root' | 'run-other' | 'other';

/** A host path the boundary (qm.container and its drop-ins) binds into the QM partition. */
export interface Exposure {
	unit: QmUnit;
	mount: QmMount;
	use: PathUse;
	hostPath: string;
	/** The destination inside QM (normalised). */
	qmPath: string;
	kind: ExposureClass;
}

/** "qm.container" or "qm.container.d/20-x.conf": the boundary file that holds a bind. */
export function exposureFile(x: Exposure): string {
	const p = x.mount.entry.path;
	return p.endsWith('.conf') ? p.split('/').slice(-2).join('/') : x.unit.fileName;
}

/** How qm-rules §4.2 classifies a boundary bind source under /run. */
export function classifyBoundarySource(host: string): ExposureClass {
	if (!isUnder(host, '/run')) return 'other';
	if (host === '/run') return 'run-root';
	if (inBridge(host)) return 'bridge';
	if (host === BLUECHI_HOST_SOCKET) return 'bluechi';
	if (CONTROL_PLANE.some((c) => isUnder(host, c))) return 'control-plane';
	return 'run-other';
}

/** Boundary mounts of one boundary unit (the file's own lines and its drop-ins). */
export function exposuresOf(unit: QmUnit): Exposure[] {
	const out: Exposure[] = [];
	for (const use of mountUses(unit)) {
		const m = use.mount as QmMount;
		const dest = canonicalRun(normalizePath(expandPath(m.dest, { env: unit.env })));
		if (!dest.startsWith('/')) continue;
		out.push({ unit, mount: m, use, hostPath: use.path, qmPath: dest, kind: classifyBoundarySource(use.path) });
	}
	return out;
}

const PRECEDENCE = [/(^|\/)run\/containers\/systemd\//, /(^|\/)etc\/containers\/systemd\//, /(^|\/)usr\/share\/containers\/systemd\//];

function precedence(u: QmUnit): number {
	const i = PRECEDENCE.findIndex((re) => re.test(u.file.path));
	return i < 0 ? PRECEDENCE.length : i;
}

export interface IpcBridge {
	/** The qm.container podman uses (a /etc copy shadows the vendor file), virtual when only drop-ins exist. */
	boundary: QmUnit | undefined;
	/** Host paths the effective boundary binds into QM. */
	exposures: Exposure[];
	/** Host sockets (asil .socket units) listening under /run/ipc. */
	hostSockets: PathUse[];
	/** Host containers and services naming /run/ipc (mount sources or paths in their values). */
	hostUsers: PathUse[];
	/** QM quadlets naming /run/ipc. */
	qmUsers: PathUse[];
	/** True when the workspace holds any host-side unit (asil or boundary). */
	hasHostSide: boolean;
}

const cache = new WeakMap<QmModel, IpcBridge>();

/** The bridge analysis of a model (cached with the model, which is rebuilt on every change). */
export function ipcBridge(model: QmModel): IpcBridge {
	let b = cache.get(model) ?? inherit(model, cache, (x, y) => contribution(x) === NONE && contribution(y) === NONE);
	if (!b) b = analyse(model);
	cache.set(model, b);
	return b;
}

function analyse(model: QmModel): IpcBridge {
	const boundaries = model.units
		.filter((u) => u.fileName === 'qm.container' && u.domain.domain === 'qm-boundary')
		.sort((a, b) => precedence(a) - precedence(b) || Number(a.virtual) - Number(b.virtual));
	const boundary = boundaries[0] ?? model.boundary();
	const exposures = boundary ? exposuresOf(boundary) : [];
	const hostSockets: PathUse[] = [];
	const hostUsers: PathUse[] = [];
	const qmUsers: PathUse[] = [];
	let hasHostSide = false;
	for (const u of model.units) {
		const side = u.domain.domain;
		if (side === 'asil' || side === 'qm-boundary') hasHostSide = true;
		const c = contribution(u);
		if (c === NONE) continue;
		hostSockets.push(...c.hostSockets);
		hostUsers.push(...c.hostUsers);
		qmUsers.push(...c.qmUsers);
	}
	return { boundary, exposures, hostSockets, hostUsers, qmUsers, hasHostSide };
}

interface Contribution { hostSockets: PathUse[]; hostUsers: PathUse[]; qmUsers: PathUse[] }
const NONE: Contribution = { hostSockets: [], hostUsers: [], qmUsers: [] };
const contributions = new WeakMap<QmUnit, Contribution>();

/** One unit's bridge uses; units outlive models (see model.ts cachedUnit), so this is kept per unit. */
function contribution(u: QmUnit): Contribution {
	let c = contributions.get(u);
	if (c) return c;
	const side = u.domain.domain;
	c = NONE;
	if (side === 'asil') {
		if (u.kind === 'socket') c = { ...NONE, hostSockets: listenUses(u).filter((l) => inBridge(l.path)) };
		else if (u.kind === 'service') c = { ...NONE, hostUsers: serviceUses(u).filter((x) => inBridge(x.path)) };
		else c = { ...NONE, hostUsers: bridgeUses(u) };
	} else if (side === 'qm' && u.kind !== 'socket' && u.kind !== 'service') {
		c = { ...NONE, qmUsers: bridgeUses(u) };
	}
	if (c.hostSockets.length + c.hostUsers.length + c.qmUsers.length === 0) c = NONE;
	contributions.set(u, c);
	return c;
}

/** Paths in a plain systemd service's Exec*=/Environment= lines (the model collects refs for quadlets only). */
export function serviceUses(unit: QmUnit): PathUse[] {
	const out: PathUse[] = [];
	for (const e of unit.view.entries('Service')) {
		if (!/^(Exec(Start|StartPre|StartPost)|Environment)$/.test(e.entry.key)) continue;
		for (const p of findPaths(e.entry.value)) {
			if (p.abstract) continue;
			const path = canonicalRun(normalizePath(expandPath(p.path, { userScope: unit.domain.userScope, env: unit.env })));
			out.push({ unit, path, raw: p.path, entry: e, index: p.index, length: p.length, via: 'ref' });
		}
	}
	return out;
}

/** The boundary bind that makes host /run/ipc visible at this QM path, if any. */
export function bridgeExposureFor(bridge: IpcBridge, qmPath: string): Exposure | undefined {
	return bridge.exposures.find((x) => overlaps(x.qmPath, qmPath) && (inBridge(x.hostPath) || isUnder(BRIDGE_DIR, x.hostPath)));
}

/** The host path a QM path shows, through the boundary's binds (undefined: QM's own file). */
export function hostPathOf(bridge: IpcBridge, qmPath: string): { host: string; exposure: Exposure } | undefined {
	for (const x of bridge.exposures) {
		if (isUnder(qmPath, x.qmPath)) return { host: x.hostPath + qmPath.slice(x.qmPath.length), exposure: x };
	}
	return undefined;
}

/** Host .socket units under /run/ipc that activate this host unit. */
export function bridgeSocketsActivating(model: QmModel, unit: QmUnit): PathUse[] {
	return model.socketsActivating(unit).flatMap((s) => listenUses(s)).filter((l) => inBridge(l.path));
}

/** Units of the same systemd (host or QM) as `unit`. */
export function sameSide(a: QmUnit, b: QmUnit): boolean {
	return resolutionDomain(a.domain.domain) === resolutionDomain(b.domain.domain);
}

/**
 * Host paths used by host units, for checking whether a QM path reaches a host server: the
 * specific paths a host container names when it names any under the bridge, else its mounts.
 */
export function hostServesBridgePath(bridge: IpcBridge, qmPath: string): PathUse[] {
	const host = hostPathOf(bridge, qmPath)?.host ?? qmPath;
	const out: PathUse[] = bridge.hostSockets.filter((s) => overlaps(s.path, host));
	const byUnit = new Map<QmUnit, PathUse[]>();
	for (const u of bridge.hostUsers) byUnit.set(u.unit, [...(byUnit.get(u.unit) ?? []), u]);
	for (const uses of byUnit.values()) {
		const refs = uses.filter((u) => u.via === 'ref');
		out.push(...(refs.length ? refs : uses).filter((u) => overlaps(u.path, host)));
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Moving a non-bridge /run path under /run/ipc on both sides.

const RUN_PREFIX = /^(\/var\/run\/|\/run\/|%t\/)/;

/** Insertion of "ipc/" right after the /run prefix of a path as written, or undefined. */
function insertBridge(entry: ViewEntry, index: number, raw: string): { path: string; edit: OffsetEdit } | undefined {
	if (entry.entry.value.slice(index, index + raw.length) !== raw) return undefined;
	const m = RUN_PREFIX.exec(raw);
	if (!m || raw.slice(m[0].length).startsWith('ipc/') || raw.length === m[0].length) return undefined;
	const at = valueIndexToOffset(entry.entry, index + m[0].length);
	return { path: entry.path, edit: { start: at, end: at, newText: 'ipc/' } };
}

/** Index of a mount's destination in its entry's value, or -1. */
function destIndex(m: QmMount): number {
	const value = m.entry.entry.value;
	// SOURCE:DEST[:OPTIONS] (Volume=, -v/--volume): the destination follows the source's colon.
	const afterSource = m.sourceIndex + m.rawSource.length;
	if (m.sourceIndex >= 0 && value[afterSource] === ':') {
		const i = afterSource + 1;
		return value.slice(i, i + m.dest.length) === m.dest ? i : -1;
	}
	const re = new RegExp(`(?:destination|target|dst)=(${m.dest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?=,|\\s|"|$)`, 'g');
	re.lastIndex = Math.max(0, m.sourceIndex);
	const found = re.exec(value) ?? (re.lastIndex = 0, re.exec(value));
	return found ? found.index + found[0].length - m.dest.length : -1;
}

/**
 * The edits that move an unsanctioned boundary bind (`/run/x:/run/x`) under /run/ipc on both
 * sides: the boundary's source and destination, host sockets and containers using the host
 * path, QM quadlets using the QM path. Undefined when some path cannot be rewritten in place
 * (variables, destinations outside /run).
 */
export function moveUnderBridgeEdits(model: QmModel, x: Exposure): Map<string, OffsetEdit[]> | undefined {
	const edits = new Map<string, OffsetEdit[]>();
	const add = (r: { path: string; edit: OffsetEdit } | undefined): boolean => {
		if (!r) return false;
		const list = edits.get(r.path) ?? [];
		if (!list.some((e) => e.start === r.edit.start)) list.push(r.edit);
		edits.set(r.path, list);
		return true;
	};
	if (!isUnder(x.qmPath, '/run') || x.qmPath === '/run') return undefined;
	const di = destIndex(x.mount);
	if (di < 0) return undefined;
	if (!add(insertBridge(x.mount.entry, x.use.index, x.use.raw))) return undefined;
	if (!add(insertBridge(x.mount.entry, di, x.mount.dest))) return undefined;
	for (const u of model.units) {
		if (u === x.unit) continue;
		const side = u.domain.domain;
		if (side !== 'asil' && side !== 'qm') continue;
		const root = side === 'asil' ? x.hostPath : x.qmPath;
		for (const use of pathUses(u)) {
			if (!isUnder(use.path, root)) continue;
			if (!add(insertBridge(use.entry, use.index, use.raw))) return undefined;
		}
	}
	return edits;
}

/** Where a new boundary drop-in goes: next to the workspace's boundary, else /etc/containers/systemd. */
export function boundaryDropInDir(model: QmModel, bridge: IpcBridge, qmFilePath: string): string {
	const b = bridge.boundary;
	if (b?.virtual) return dirName(b.file.path);
	const hostRoot = b ? /^(.*?)\/(?:run|etc|usr\/share)\/containers\/systemd\//.exec(b.file.path)?.[1] : undefined;
	if (hostRoot !== undefined) return `${hostRoot}/etc/containers/systemd/qm.container.d`;
	const prefixes = model.config.prefixes;
	let root = '';
	for (const p of [prefixes?.rwetcfs, prefixes?.rootfs, prefixes?.rwvarfs]) {
		const i = p ? qmFilePath.indexOf(p + '/') : -1;
		if (p && i >= 0) { root = qmFilePath.slice(0, i); break; }
	}
	return `${root}/etc/containers/systemd/qm.container.d`;
}

/**
 * IPC peers: containers of one domain that talk to each other through a shared socket or file
 * (qm-rules §2.2, "Peer detection"). MCS-constrained containers can only connect to sockets and
 * write files whose level they dominate, so peers need one common `SecurityLabelLevel=` unless
 * they already share a label (same pod, or one joins the other's IPC namespace).
 *
 * Two containers are peers when any of these holds:
 *  - `socket-path`: both name the same socket path in `Environment=`/`Exec=` (`unix:path=…`,
 *    `*_SOCKET*=…`, `--socket=…`) and at least one of them mounts something over that path (a
 *    socket in each container's private /run links nothing);
 *  - `run-mount`: they mount sources under `/run` (`/var/run`) or `/dev/shm` that are equal or
 *    nested (one contains the other);
 *  - `named-volume`: they mount the same named volume;
 *  - `dependency-mount`: one `Requires=`/`After=`/… the other and their mount sources overlap.
 * Shared places that need no common level are ignored: the ASIL↔QM bridge `/run/ipc` (its
 * socket is created by the host systemd at s0), the bluechi socket, paths a `.socket` unit of the
 * same domain listens on (systemd creates them as the manager, at s0), and a shared source both
 * containers mount read-only (neither can create a socket or file there).
 *
 * Usage: `peersOf(model, unit)` for one container's links with evidence locations;
 * `peerGroups(model, domain)` for the connected groups (peers of peers, pod mates included).
 */
import type { ViewEntry } from '../model/unit-view';
import { valueIndexToOffset } from '../parser/parse-unit';
import type { Domain } from '../types';
import { inherit, type QmModel, type QmMount, type QmPathRef, type QmUnit } from './model';
import { isUnder, overlaps } from './paths';
import { parsePodmanArgs } from './podman-args';

export type PeerReason = 'socket-path' | 'run-mount' | 'named-volume' | 'dependency-mount';

/** A place in a unit's files that shows the link: an Environment/Exec value, a mount source, a dependency. */
export interface PeerSite {
	/** File the text is in (the unit file or one of its drop-ins). */
	path: string;
	start: number;
	end: number;
	entry: ViewEntry;
}

export interface PeerEvidence {
	reason: PeerReason;
	/** What is shared: the socket path, the deeper of the two overlapping sources, or the volume name. */
	shared: string;
	/** Where the unit asked about shows it. */
	here: PeerSite;
	/** Where the peer shows it. */
	there: PeerSite;
}

export interface PeerLink {
	unit: QmUnit;
	peer: QmUnit;
	/** Why they are IPC peers; empty when they are only label mates (`sameLabel`). */
	evidence: PeerEvidence[];
	/**
	 * They run with one SELinux label whatever their keys say: same `Pod=`, or one joins the
	 * other's IPC namespace with `PodmanArgs=--ipc=container:<name>`. `site` is the `Pod=` or
	 * `PodmanArgs=` text that does it (in either unit's files).
	 */
	sameLabel?: { how: 'pod' | 'ipc-namespace'; site: PeerSite };
}

const cache = new WeakMap<QmModel, Map<QmUnit, PeerLink[]>>();

/**
 * The containers `unit` is linked to (IPC peers and label mates), each with the evidence in both
 * units' files. Only containers of the same domain (and manager scope) are considered; the QM
 * boundary and unknown-domain files have no peers.
 */
export function peersOf(model: QmModel, unit: QmUnit): PeerLink[] {
	let perModel = cache.get(model);
	if (!perModel) {
		perModel = new Map();
		cache.set(model, perModel);
	}
	const hit = perModel.get(unit);
	if (hit) return hit;
	const links: PeerLink[] = [];
	if (isPeerCandidate(unit)) {
		const index = peerIndex(model);
		const listened = index.listened.get(unit.domain.domain) ?? [];
		// Only units that share a path, a volume, a pod, an IPC namespace or a dependency can be
		// peers: the index finds them without comparing every pair of containers.
		for (const other of candidates(model, index, unit)) {
			if (other === unit || !isPeerCandidate(other)) continue;
			if (other.domain.domain !== unit.domain.domain || !!other.domain.userScope !== !!unit.domain.userScope) continue;
			const evidence = linkEvidence(model, unit, other, listened);
			const sameLabel = labelMates(unit, other);
			if (evidence.length > 0 || sameLabel) links.push(sameLabel ? { unit, peer: other, evidence, sameLabel } : { unit, peer: other, evidence });
		}
		links.sort((a, b) => (index.order.get(a.peer) ?? 0) - (index.order.get(b.peer) ?? 0));
	}
	perModel.set(unit, links);
	return links;
}

/**
 * Connected groups of linked containers of one domain (size ≥ 2): a server and all its clients
 * form one group even though the clients are not linked to each other.
 */
export function peerGroups(model: QmModel, domain: Domain): QmUnit[][] {
	let perModel = groupCache.get(model);
	if (!perModel) {
		perModel = new Map();
		groupCache.set(model, perModel);
	}
	const hit = perModel.get(domain);
	if (hit) return hit;
	const groups = computeGroups(model, domain);
	perModel.set(domain, groups);
	return groups;
}

const groupCache = new WeakMap<QmModel, Map<Domain, QmUnit[][]>>();

function computeGroups(model: QmModel, domain: Domain): QmUnit[][] {
	const units = model.units.filter((u) => u.domain.domain === domain && isPeerCandidate(u));
	const parent = new Map<QmUnit, QmUnit>(units.map((u) => [u, u]));
	const find = (u: QmUnit): QmUnit => {
		let r = u;
		while (parent.get(r) !== r) r = parent.get(r)!;
		parent.set(u, r);
		return r;
	};
	for (const u of units) for (const l of peersOf(model, u)) if (parent.has(l.peer)) parent.set(find(u), find(l.peer));
	const groups = new Map<QmUnit, QmUnit[]>();
	for (const u of units) {
		const r = find(u);
		const g = groups.get(r);
		if (g) g.push(u); else groups.set(r, [u]);
	}
	return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort((a, b) => (a.file.path < b.file.path ? -1 : 1)));
}

/** The group of `unit` in `peerGroups` (just the unit when it has no links). */
export function peerGroupOf(model: QmModel, unit: QmUnit): QmUnit[] {
	let byUnit = groupOfCache.get(model);
	if (!byUnit) { byUnit = new Map(); groupOfCache.set(model, byUnit); }
	if (!byUnit.has(unit)) {
		for (const g of peerGroups(model, unit.domain.domain)) for (const u of g) byUnit.set(u, g);
		if (!byUnit.has(unit)) byUnit.set(unit, [unit]);
	}
	return byUnit.get(unit) as QmUnit[];
}

const groupOfCache = new WeakMap<QmModel, Map<QmUnit, QmUnit[]>>();

/** The podman container name: `ContainerName=`, else `systemd-<unit base name>`. */
export function containerName(unit: QmUnit): string {
	const explicit = unit.view.lookup('Container', 'ContainerName');
	if (explicit) return explicit;
	return `systemd-${unit.fileName.replace(/\.container$/, '')}`;
}

/** Under the ASIL↔QM bridge directory `/run/ipc`. */
export function isBridgePath(p: string): boolean {
	return isUnder(p, '/run/ipc');
}

/** The bluechi agent socket: host `/run/bluechi/…`, QM `/run/bluechi.sock`. */
export function isBluechiSocket(p: string): boolean {
	return p === '/run/bluechi.sock' || isUnder(p, '/run/bluechi');
}

function isPeerCandidate(u: QmUnit): boolean {
	return u.kind === 'container' && (u.domain.domain === 'qm' || u.domain.domain === 'asil');
}

function ignoredShared(p: string, listened: readonly string[]): boolean {
	return isBridgePath(p) || isBluechiSocket(p) || listened.some((l) => isUnder(p, l));
}

function linkEvidence(model: QmModel, a: QmUnit, b: QmUnit, listened: readonly string[]): PeerEvidence[] {
	const out: PeerEvidence[] = [];
	// Same socket path named in values, reachable through a mount of at least one of them.
	for (const ra of a.refs) {
		if (!ra.socketLike || ra.abstract || !ra.path.startsWith('/')) continue;
		for (const rb of b.refs) {
			if (!rb.socketLike || rb.abstract || rb.path !== ra.path) continue;
			if (ignoredShared(ra.path, listened)) continue;
			if (!coveredByMount(a, ra.path) && !coveredByMount(b, rb.path)) continue;
			out.push({ reason: 'socket-path', shared: ra.path, here: refSite(ra), there: refSite(rb) });
		}
	}
	const depends = dependencySite(a, b) ?? dependencySite(b, a);
	for (const ma of a.mounts) {
		for (const mb of b.mounts) {
			if (readOnly(ma) && readOnly(mb)) continue;
			if (ma.named && mb.named) {
				const name = volumeName(model, a, ma.rawSource);
				if (name === volumeName(model, b, mb.rawSource)) out.push({ reason: 'named-volume', shared: name, here: mountSite(ma), there: mountSite(mb) });
				continue;
			}
			if (!ma.source || !mb.source || !overlaps(ma.source, mb.source)) continue;
			const deeper = ma.source.length >= mb.source.length ? ma.source : mb.source;
			if (ignoredShared(deeper, listened)) continue;
			if (runLike(ma.source) && runLike(mb.source)) out.push({ reason: 'run-mount', shared: deeper, here: mountSite(ma), there: mountSite(mb) });
			else if (depends) out.push({ reason: 'dependency-mount', shared: deeper, here: mountSite(ma), there: mountSite(mb) });
		}
	}
	return out;
}

function runLike(p: string): boolean {
	return isUnder(p, '/run') || isUnder(p, '/dev/shm');
}

function readOnly(m: QmMount): boolean {
	return m.options.includes('ro');
}

/** Container-side path covered by one of the unit's mount destinations. */
function coveredByMount(u: QmUnit, p: string): boolean {
	return u.mounts.some((m) => m.dest.startsWith('/') && isUnder(p, m.dest.replace(/\/+$/, '') || '/'));
}

/** `data.volume` → the volume's podman name (`VolumeName=` or `systemd-data`); other names as written. */
function volumeName(model: QmModel, u: QmUnit, raw: string): string {
	if (!raw.endsWith('.volume')) return raw;
	const unit = model.resolve(u.domain.domain, raw)[0];
	return unit?.view.lookup('Volume', 'VolumeName') || `systemd-${raw.replace(/\.volume$/, '')}`;
}

/** Dependencies that mean "talks to" (not Conflicts=, OnFailure=, …). */
const PEER_DEPS = new Set(['Requires', 'Requisite', 'BindsTo', 'Wants', 'After', 'PartOf', 'Upholds']);

/** `a` has a [Unit] dependency naming `b`. */
function dependencySite(a: QmUnit, b: QmUnit): PeerSite | undefined {
	for (const d of a.deps) {
		if (!PEER_DEPS.has(d.key)) continue;
		const name = d.name.endsWith('.container') ? d.name.replace(/\.container$/, '.service') : d.name;
		if (!b.names.has(name) && !b.names.has(d.name)) continue;
		const e = d.entry.entry;
		const start = valueIndexToOffset(e, d.index);
		return { path: d.entry.path, start, end: valueIndexToOffset(e, d.index + d.name.length), entry: d.entry };
	}
	return undefined;
}

function labelMates(a: QmUnit, b: QmUnit): PeerLink['sameLabel'] {
	if (a.pod && b.pod && a.pod.trim() === b.pod.trim()) {
		const e = a.view.last('Container', 'Pod');
		if (e) return { how: 'pod', site: { path: e.path, start: e.entry.valueStart, end: e.entry.valueEnd, entry: e } };
	}
	return ipcJoin(a, b) ?? ipcJoin(b, a);
}

/** `a` joins `b`'s IPC namespace (`PodmanArgs=--ipc=container:<b>`); the site is in `a`'s files. */
function ipcJoin(a: QmUnit, b: QmUnit): PeerLink['sameLabel'] {
	const names = new Set([containerName(b), ...b.names]);
	for (const e of a.view.lookupAll('Container', 'PodmanArgs')) {
		for (const arg of parsePodmanArgs(e.entry.value)) {
			if (arg.flag !== '--ipc' || !arg.value.startsWith('container:')) continue;
			if (!names.has(arg.value.slice('container:'.length))) continue;
			const start = valueIndexToOffset(e.entry, arg.valueIndex);
			return { how: 'ipc-namespace', site: { path: e.path, start, end: valueIndexToOffset(e.entry, arg.valueIndex + arg.value.length), entry: e } };
		}
	}
	return undefined;
}

function refSite(r: QmPathRef): PeerSite {
	const e = r.entry.entry;
	const start = valueIndexToOffset(e, r.index);
	return { path: r.entry.path, start, end: valueIndexToOffset(e, r.index + r.length), entry: r.entry };
}

function mountSite(m: QmMount): PeerSite {
	const e = m.entry.entry;
	if (m.sourceIndex < 0) return { path: m.entry.path, start: e.valueStart, end: e.valueEnd, entry: m.entry };
	const start = valueIndexToOffset(e, m.sourceIndex);
	return { path: m.entry.path, start, end: valueIndexToOffset(e, m.sourceIndex + m.rawSource.length), entry: m.entry };
}

interface PeerIndex {
	listened: Map<Domain, string[]>;
	/** Position of each unit in model.units: peers are listed in model order. */
	order: Map<QmUnit, number>;
	bySocketRef: Map<string, Set<QmUnit>>;
	bySource: Map<string, Set<QmUnit>>;
	byAncestor: Map<string, Set<QmUnit>>;
	byName: Map<string, Set<QmUnit>>;
	byPod: Map<string, Set<QmUnit>>;
	byDepName: Map<string, Set<QmUnit>>;
}

const indexCache = new WeakMap<QmModel, PeerIndex>();

/**
 * Lookup tables over every container of the model, built once: who names which socket path, who
 * mounts which path (and so overlaps whom), who uses which named volume, pod, container name
 * and dependency. Turns peer detection from all-pairs into near-linear work. A model derived
 * from another by swapping edited units (QmModel.derive) takes over its base's tables and
 * swaps the same units in them: typing in one container does not re-index 10,000.
 */
function peerIndex(model: QmModel): PeerIndex {
	const hit = indexCache.get(model);
	if (hit) return hit;
	// Sockets feed `listened`; any other swap is patched below.
	let index = inherit(model, indexCache, (a, b) => a.kind !== 'socket' && b.kind !== 'socket');
	if (index) {
		const { swaps, positions } = model.delta!;
		for (let i = 0; i < swaps.length; i++) {
			const [before, after] = swaps[i];
			// Name resolution is unchanged by a derive (same names), so the new model gives the old keys.
			indexUnit(index, model, before, -1);
			index.order.delete(before);
			indexUnit(index, model, after, +1);
			index.order.set(after, positions[i]);
		}
	} else {
		index = { listened: new Map(), order: new Map(model.units.map((u, i) => [u, i])), bySocketRef: new Map(), bySource: new Map(), byAncestor: new Map(), byName: new Map(), byPod: new Map(), byDepName: new Map() };
		for (const u of model.units) {
			if (u.kind === 'socket') {
				const list = index.listened.get(u.domain.domain) ?? [];
				for (const l of u.listens) if (!l.abstract) list.push(l.path);
				index.listened.set(u.domain.domain, list);
			}
			indexUnit(index, model, u, +1);
		}
	}
	indexCache.set(model, index);
	return index;
}

/** Adds (+1) or removes (-1) one container's entries. */
function indexUnit(index: PeerIndex, model: QmModel, u: QmUnit, sign: 1 | -1): void {
	if (!isPeerCandidate(u)) return;
	const put = (map: Map<string, Set<QmUnit>>, key: string) => {
		let set = map.get(key);
		if (sign < 0) {
			set?.delete(u);
			if (set && set.size === 0) map.delete(key);
			return;
		}
		if (!set) { set = new Set(); map.set(key, set); }
		set.add(u);
	};
	for (const r of u.refs) if (r.socketLike && !r.abstract) put(index.bySocketRef, r.path);
	for (const m of u.mounts) {
		if (m.named) put(index.byName, `volume:${volumeName(model, u, m.rawSource)}`);
		if (!m.source) continue;
		put(index.bySource, m.source);
		// Register under every proper ancestor so "mounts something below X" is one lookup.
		for (let p = parentOf(m.source); p !== undefined; p = parentOf(p)) put(index.byAncestor, p);
	}
	put(index.byName, `container:${containerName(u)}`);
	for (const n of u.names) put(index.byName, `container:${n}`);
	if (u.pod) put(index.byPod, u.pod.trim());
	for (const d of u.deps) put(index.byDepName, d.name.endsWith('.container') ? d.name.replace(/\.container$/, '.service') : d.name);
}

/** Units that share a path, a volume, a pod, an IPC namespace or a dependency with `unit`. */
function candidates(model: QmModel, index: PeerIndex, unit: QmUnit): Set<QmUnit> {
	const out = new Set<QmUnit>();
	const take = (set: Set<QmUnit> | undefined) => { if (set) for (const x of set) out.add(x); };
	for (const r of unit.refs) if (r.socketLike && !r.abstract) take(index.bySocketRef.get(r.path));
	for (const m of unit.mounts) {
		if (m.named) take(index.byName.get(`volume:${volumeName(model, unit, m.rawSource)}`));
		if (!m.source) continue;
		// Overlap: the other mounts this path, one of its ancestors, or something below it.
		for (let p: string | undefined = m.source; p !== undefined; p = parentOf(p)) take(index.bySource.get(p));
		take(index.byAncestor.get(m.source));
	}
	if (unit.pod) take(index.byPod.get(unit.pod.trim()));
	for (const d of unit.deps) {
		const name = d.name.endsWith('.container') ? d.name.replace(/\.container$/, '.service') : d.name;
		for (const other of model.resolve(unit.domain.domain, name)) out.add(other);
		for (const other of model.resolve(unit.domain.domain, d.name)) out.add(other);
	}
	for (const n of unit.names) take(index.byDepName.get(n));
	for (const e of unit.view.lookupAll('Container', 'PodmanArgs')) {
		for (const arg of parsePodmanArgs(e.entry.value)) {
			if (arg.flag === '--ipc' && arg.value.startsWith('container:')) take(index.byName.get(`container:${arg.value.slice('container:'.length)}`));
		}
	}
	// Containers joining this one's IPC namespace.
	for (const u of ipcJoiners(model)) if (u !== unit) out.add(u);
	return out;
}

const joinersCache = new WeakMap<QmModel, QmUnit[]>();

/** Containers whose PodmanArgs join another container's IPC namespace (rare: kept as a list). */
function ipcJoiners(model: QmModel): QmUnit[] {
	let list = joinersCache.get(model);
	if (!list) {
		const inherited = inherit(model, joinersCache, () => true);
		if (inherited) {
			// Order does not matter here: peersOf sorts its links by model order.
			const swaps = model.delta!.swaps;
			const swapped = new Set(swaps.map(([before]) => before));
			list = inherited.filter((u) => !swapped.has(u));
			for (const [, after] of swaps) if (joins(after)) list.push(after);
		} else {
			list = model.units.filter(joins);
		}
		joinersCache.set(model, list);
	}
	return list;
}

function joins(u: QmUnit): boolean {
	return isPeerCandidate(u) && u.view.lookupAll('Container', 'PodmanArgs').some((e) => /--ipc[= ]+["']?container:/.test(e.entry.value));
}

function parentOf(p: string): string | undefined {
	if (p === '/' || !p.startsWith('/')) return undefined;
	const i = p.lastIndexOf('/');
	return i <= 0 ? '/' : p.slice(0, i);
}

/**
 * Socket activation and [Unit] dependencies over the QM model (qm-rules §1.4, §3): which unit a
 * dependency word names in the systemd that reads a file, which service a socket starts, and who
 * uses a socket. Computed from the model's public data only; the socket rules query this.
 */
import { splitWordsWithOffsets, type ViewEntry } from '../model/unit-view';
import type { Domain } from '../types';
import { isUnder } from './paths';
import { resolutionDomain, type QmModel, type QmUnit } from './model';

/** systemd unit types (a dependency on a name without one of them is dropped by systemd). */
export const SYSTEMD_SUFFIXES = ['service', 'socket', 'target', 'timer', 'path', 'mount', 'automount', 'swap', 'device', 'slice', 'scope'] as const;
/** Quadlet file types the generator rewrites to service names in [Unit] dependencies. */
export const QUADLET_SUFFIXES = ['container', 'pod', 'kube', 'volume', 'network', 'image', 'build', 'artifact'] as const;

/** The [Unit] keys that name other units (same list the generator rewrites). */
export const DEPENDENCY_KEYS = ['Requires', 'Wants', 'Requisite', 'BindsTo', 'PartOf', 'Upholds', 'After', 'Before', 'Conflicts', 'OnFailure', 'OnSuccess', 'PropagatesReloadTo', 'ReloadPropagatedFrom', 'PropagatesStopTo', 'StopPropagatedFrom'] as const;
/** Keys that pull the named unit in when this one starts. */
export const PULL_KEYS: ReadonlySet<string> = new Set(['Requires', 'Wants', 'BindsTo', 'Requisite', 'Upholds']);
/** Keys whose start job fails when the named unit cannot be loaded. */
export const HARD_KEYS: ReadonlySet<string> = new Set(['Requires', 'Requisite', 'BindsTo']);

/** A dependency word of an entry, with its position in the entry's value. */
export interface DepWord {
	key: string;
	name: string;
	at: ViewEntry;
	/** Index and length of the raw word in `at.entry.value`. */
	index: number;
	length: number;
}

/** Every word of the effective [Unit] dependency keys of a view (podman/systemd reset semantics). */
export function dependencyWords(view: { lookupAll(section: string, key: string): ViewEntry[] }): DepWord[] {
	const out: DepWord[] = [];
	for (const key of DEPENDENCY_KEYS) {
		for (const at of view.lookupAll('Unit', key)) {
			for (const w of splitWordsWithOffsets(at.entry.value)) {
				out.push({ key, name: w.word, at, index: w.start, length: w.end - w.start });
			}
		}
	}
	return out;
}

/** The unit type suffix of a name, if it is one systemd or quadlet knows. */
export function unitSuffix(name: string): string | undefined {
	const dot = name.lastIndexOf('.');
	if (dot <= 0) return undefined;
	const ext = name.slice(dot + 1);
	return (SYSTEMD_SUFFIXES as readonly string[]).includes(ext) || (QUADLET_SUFFIXES as readonly string[]).includes(ext) ? ext : undefined;
}

/** `foo@bar.service` → `foo@.service` (the template that provides the instance). */
function templateOf(name: string): string | undefined {
	const m = /^([^@]+)@([^.]+)(\.[a-z]+)$/.exec(name);
	return m ? `${m[1]}@${m[3]}` : undefined;
}

/**
 * Units the systemd reading files of `domain` knows by `name` (quadlet files, generated service
 * names, aliases, socket and service units; templates provide their instances). A socket unit is
 * only ever the provider of its .socket name.
 */
export function providers(model: QmModel, domain: Domain, name: string): QmUnit[] {
	const pick = (n: string) => model.resolve(domain, n).filter((u) => u.kind !== 'socket' || n.endsWith('.socket'));
	const direct = pick(name);
	if (direct.length) return direct;
	const template = templateOf(name);
	return template ? pick(template) : [];
}

/** The same look-up in the other systemd (QM vs host). */
export function providersElsewhere(model: QmModel, domain: Domain, name: string): QmUnit[] {
	const pick = (n: string) => model.resolveElsewhere(domain, n).filter((u) => u.kind !== 'socket' || n.endsWith('.socket'));
	const direct = pick(name);
	if (direct.length) return direct;
	const template = templateOf(name);
	return template ? pick(template) : [];
}

/**
 * Units every systemd has, whichever side of the boundary: a dependency on them is never a
 * cross-domain mistake, even when the workspace happens to hold a drop-in for one side.
 */
export function isCommonSystemUnit(name: string): boolean {
	return /\.(target|slice|scope|device|swap)$/.test(name)
		|| /^(systemd-|dbus[.-]|getty@|serial-getty@|user@|user-runtime-dir@|bluechi-agent\.|auditd\.|chronyd\.|rsyslog\.)/.test(name)
		|| /^-\.(mount|slice)$/.test(name);
}

/** The names a socket unit is known by (its file name and its aliases), never its service name. */
export function socketNames(socket: QmUnit): string[] {
	return [...socket.names].filter((n) => n.endsWith('.socket'));
}

export interface SocketTarget {
	/** The service systemd starts on traffic: Service=, `<name>.service`, or `<name>@.service` for Accept=yes. */
	name: string;
	accept: boolean;
	/** The [Socket] Service= entry, when set. */
	serviceEntry: ViewEntry | undefined;
	/** Units that provide `name` in the socket's systemd. */
	units: QmUnit[];
}

/** Which service a socket activates and which units provide it. */
export function socketTarget(model: QmModel, socket: QmUnit): SocketTarget {
	const accept = socket.view.lookupBool('Socket', 'Accept') === true;
	const serviceEntry = socket.view.last('Socket', 'Service');
	const stem = socket.fileName.replace(/\.socket$/, '');
	const name = accept
		? (stem.endsWith('@') ? `${stem}.service` : `${stem.replace(/@.*$/, '')}@.service`)
		: (socket.activates ?? `${stem}.service`);
	return { name, accept, serviceEntry, units: providers(model, socket.domain.domain, name) };
}

export interface SocketUse {
	unit: QmUnit;
	how: 'dependency' | 'sockets' | 'volume' | 'path';
	at: ViewEntry;
	/** Range inside `at.entry.value`, or -1 for the whole value. */
	index: number;
	length: number;
	/** For dependencies: the key (Requires, After, …). */
	key?: string;
}

/** Absolute, non-abstract paths a socket listens on. */
export function socketPaths(socket: QmUnit): string[] {
	return socket.listens.filter((l) => !l.abstract && l.path.startsWith('/')).map((l) => l.path);
}

/**
 * Every way other units of the same systemd use a socket: dependencies on it, Sockets= claims,
 * bind mounts that carry its path into a container, and the path written in Environment=/Exec=.
 */
const usesCache = new WeakMap<QmModel, Map<QmUnit, SocketUse[]>>();

export function socketUses(model: QmModel, socket: QmUnit): SocketUse[] {
	let perModel = usesCache.get(model);
	if (!perModel) { perModel = new Map(); usesCache.set(model, perModel); }
	const hit = perModel.get(socket);
	if (hit) return hit;
	const uses = computeSocketUses(model, socket);
	perModel.set(socket, uses);
	return uses;
}

function computeSocketUses(model: QmModel, socket: QmUnit): SocketUse[] {
	const names = new Set(socketNames(socket));
	const paths = socketPaths(socket);
	const home = resolutionDomain(socket.domain.domain);
	const index = usesIndex(model);
	const found: SocketUse[] = [];
	const take = (list: SocketUse[] | undefined) => {
		if (list) for (const use of list) if (use.unit !== socket && resolutionDomain(use.unit.domain.domain) === home) found.push(use);
	};
	for (const n of names) { take(index.deps.get(n)); take(index.claims.get(n)); }
	const mountSeen = new Set<SocketUse>();
	for (const p of paths) {
		// A mount covers the socket when its source is the socket's path or one of its ancestors.
		for (let q: string | undefined = p; q !== undefined; q = parentPath(q)) {
			for (const use of index.mounts.get(q) ?? []) if (!mountSeen.has(use)) { mountSeen.add(use); take([use]); }
		}
		take(index.refs.get(p));
	}
	// Same order as a walk over the units: by unit, then dependency, claim, volume, path.
	const rank = { dependency: 0, sockets: 1, volume: 2, path: 3 } as const;
	return found.sort((x, y) => (index.order.get(x.unit) ?? 0) - (index.order.get(y.unit) ?? 0) || rank[x.how] - rank[y.how] || (index.seq.get(x) ?? 0) - (index.seq.get(y) ?? 0));
}

interface UsesIndex {
	deps: Map<string, SocketUse[]>;
	claims: Map<string, SocketUse[]>;
	mounts: Map<string, SocketUse[]>;
	refs: Map<string, SocketUse[]>;
	order: Map<QmUnit, number>;
	seq: Map<SocketUse, number>;
}

const usesIndexCache = new WeakMap<QmModel, UsesIndex>();

/** Every dependency word, Sockets= claim, mount source and path of every unit, indexed once per model. */
function usesIndex(model: QmModel): UsesIndex {
	const hit = usesIndexCache.get(model);
	if (hit) return hit;
	const index: UsesIndex = { deps: new Map(), claims: new Map(), mounts: new Map(), refs: new Map(), order: new Map(), seq: new Map() };
	let seq = 0;
	const add = (map: Map<string, SocketUse[]>, key: string, use: SocketUse) => {
		index.seq.set(use, seq++);
		const list = map.get(key);
		if (list) list.push(use); else map.set(key, [use]);
	};
	model.units.forEach((u, i) => {
		index.order.set(u, i);
		for (const d of dependencyWords(u.view)) add(index.deps, d.name, { unit: u, how: 'dependency', at: d.at, index: d.index, length: d.length, key: d.key });
		for (const at of u.view.lookupAll('Service', 'Sockets')) {
			for (const w of splitWordsWithOffsets(at.entry.value)) add(index.claims, w.word, { unit: u, how: 'sockets', at, index: w.start, length: w.end - w.start });
		}
		for (const m of u.mounts) {
			if (m.source) add(index.mounts, m.source, { unit: u, how: 'volume', at: m.entry, index: m.sourceIndex, length: m.sourceIndex >= 0 ? m.rawSource.length : -1 });
		}
		for (const r of u.refs) if (!r.abstract) add(index.refs, r.path, { unit: u, how: 'path', at: r.entry, index: r.index, length: r.length });
	});
	usesIndexCache.set(model, index);
	return index;
}

function parentPath(p: string): string | undefined {
	if (p === '/' || !p.startsWith('/')) return undefined;
	const i = p.lastIndexOf('/');
	return i <= 0 ? '/' : p.slice(0, i);
}

/** True when `unit` is (one of) the service(s) the socket starts or a unit that claims it with Sockets=. */
export function isSocketServer(model: QmModel, socket: QmUnit, unit: QmUnit): boolean {
	const target = socketTarget(model, socket);
	if (target.units.includes(unit)) return true;
	const names = socketNames(socket);
	return unit.claimsSockets.some((s) => names.includes(s));
}

/**
 * The SELinux process type a nested QM container runs with: SecurityLabelType= (or
 * --security-opt label=type:), else QM's default `qm_container_t` (qm_contexts). Undefined when
 * labelling is disabled.
 */
export function effectiveQmType(unit: QmUnit): string | undefined {
	if (unit.label.disable && /^(1|yes|true|on)$/i.test(unit.label.disable.value)) return undefined;
	return unit.label.type?.value || 'qm_container_t';
}

/** Nested QM types that may neither connect to qm_t nor write qm_file_t sockets (qm.if). */
export const DENIED_CLIENT_TYPES: ReadonlySet<string> = new Set(['qm_container_t', 'qm_container_ipc_t', 'qm_container_init_t']);

/**
 * Uses of a QM systemd socket by nested containers that QM's policy forbids to connect to it
 * (qm-rules §3.2 qm/socket-qm-nested-client): containers other than the service the socket
 * starts, whose effective type is qm_container_t, qm_container_ipc_t or qm_container_init_t.
 * Empty for sockets outside QM and for sockets in the /run/ipc bridge (another rule's case).
 */
export function deniedNestedUses(model: QmModel, socket: QmUnit): SocketUse[] {
	if (socket.kind !== 'socket' || socket.domain.domain !== 'qm') return [];
	if (socket.listens.some((l) => !l.abstract && isUnder(l.path, '/run/ipc'))) return [];
	return socketUses(model, socket).filter((use) => {
		const u = use.unit;
		if (use.how === 'dependency' && !(use.key === 'After' || PULL_KEYS.has(use.key ?? ''))) return false;
		if (u.kind !== 'container' || u.domain.domain !== 'qm') return false;
		if (isSocketServer(model, socket, u)) return false;
		const type = effectiveQmType(u);
		return type !== undefined && DENIED_CLIENT_TYPES.has(type);
	});
}

/**
 * True when `name` is unknown to the systemd reading files of `domain` but defined in the other
 * one (qm/unit-dep-cross-domain reports it; quadlet/unresolved-reference leaves it alone).
 */
export function definedOnlyElsewhere(model: QmModel, domain: Domain, name: string): boolean {
	if (domain === 'unknown' || isCommonSystemUnit(name)) return false;
	return providers(model, domain, name).length === 0 && providersElsewhere(model, domain, name).length > 0;
}

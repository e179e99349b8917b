import type { UnitKind } from '../catalog/catalog-schema';
import { PRIMARY_SECTION } from '../catalog/catalog';
import { UnitView, viewOf, splitWords, unquoteValue, type ViewEntry } from '../model/unit-view';
import type { Domain } from '../types';
import { sameItems } from '../util/same-items';
import { dirName, isQuadletKind, isUnitKind, serviceNameFor } from '../unit-path';
import { searchPrecedence, type Workspace, type WorkspaceFile } from '../workspace/workspace';
import { DEFAULT_PREFIXES, inferDomain, prefixesFromQmContainer, type DomainConfig, type DomainInfo } from './domain';
import { canonicalRun, expandPath, findPaths, normalizePath } from './paths';
import { parseMountOptions, parsePodmanArgs } from './podman-args';

/** A bind or volume mount of a container, with its source expanded. */
export interface QmMount {
	/** Expanded, normalised host (or QM) path; undefined for named/anonymous volumes. */
	source: string | undefined;
	rawSource: string;
	dest: string;
	options: string[];
	/** Named volume (`data.volume`, `myvol`) rather than a path. */
	named: boolean;
	via: 'Volume' | 'Mount' | 'PodmanArgs';
	entry: ViewEntry;
	/** Offsets of the source and of the options inside `entry.entry.value` (-1 when absent). */
	sourceIndex: number;
	optionsIndex: number;
}

/** A path named in a value: Environment=, Exec=, EnvironmentFile=, a socket's Listen*=. */
export interface QmPathRef {
	path: string;
	via: string;
	entry: ViewEntry;
	index: number;
	length: number;
	socketLike: boolean;
	abstract: boolean;
}

export interface LabelSetting {
	value: string;
	entry: ViewEntry;
	/** Came from PodmanArgs=--security-opt label=… rather than the key. */
	fromPodmanArgs?: boolean;
}

export interface QmLabel {
	type?: LabelSetting;
	level?: LabelSetting;
	fileType?: LabelSetting;
	disable?: LabelSetting;
	nested?: LabelSetting;
}

export interface QmDependency {
	key: string;
	name: string;
	entry: ViewEntry;
	/** Index of the name in the entry's value. */
	index: number;
}

export interface QmUnit {
	/** The unit file, or for drop-ins without a unit in the workspace, the first drop-in. */
	file: WorkspaceFile;
	/** True when only drop-ins of this unit are in the workspace (e.g. qm.container.d/ alone). */
	virtual: boolean;
	domain: DomainInfo;
	kind: UnitKind;
	/** Unit file name, e.g. "web.container". */
	fileName: string;
	serviceName: string;
	/** Every name systemd knows the unit by: service name, aliases, the quadlet file name. */
	names: Set<string>;
	view: UnitView;
	mounts: QmMount[];
	refs: QmPathRef[];
	/** Socket units: the paths they listen on. */
	listens: QmPathRef[];
	/** Socket units: the service they activate. */
	activates: string | undefined;
	/** [Service] Sockets= of this unit. */
	claimsSockets: string[];
	label: QmLabel;
	deps: QmDependency[];
	pod: string | undefined;
	env: Record<string, string>;
}

/**
 * For an index cached per model: the base model's value, when this model was derived from it and
 * the index does not depend on anything the swaps changed (`unaffected` holds for every swapped
 * pair). The value is moved out of the base's cache; a caller whose index refers to units must
 * swap them itself.
 */
export function inherit<T>(model: QmModel, cache: WeakMap<QmModel, T>, unaffected: (before: QmUnit, after: QmUnit) => boolean): T | undefined {
	const d = model.delta;
	if (!d) return undefined;
	const prev = cache.get(d.base);
	if (prev === undefined || !d.swaps.every(([before, after]) => unaffected(before, after))) return undefined;
	cache.delete(d.base);
	return prev;
}

/** How a derived model differs from its base: `swaps[i]` = [old unit, new unit] at `positions[i]` in `units`. */
export interface ModelDelta {
	base: QmModel;
	swaps: [QmUnit, QmUnit][];
	positions: number[];
}

const DEP_KEYS = ['Requires', 'Wants', 'Requisite', 'BindsTo', 'PartOf', 'Upholds', 'After', 'Before', 'Conflicts', 'OnFailure', 'OnSuccess', 'PropagatesReloadTo', 'ReloadPropagatedFrom', 'PropagatesStopTo', 'StopPropagatedFrom'];
const LISTEN_KEYS = ['ListenStream', 'ListenDatagram', 'ListenSequentialPacket', 'ListenFIFO'];

/**
 * The QM view of a workspace: every unit with its domain, names, mounts, referenced paths,
 * socket activation and effective SELinux label. Rules query this; they never re-parse files.
 */
export class QmModel {
	units: QmUnit[] = [];
	private byPath = new Map<string, QmUnit>();
	private byDomainName = new Map<string, QmUnit[]>();

	/**
	 * Set when this model was made from `base` by swapping the units of edited files (see
	 * `derive`): derived indexes (peers.ts) patch the base's index instead of rebuilding it.
	 */
	delta: ModelDelta | undefined;

	constructor(readonly workspace: Workspace, readonly config: DomainConfig, base?: { model: QmModel; swaps: [QmUnit, QmUnit][] }) {
		if (base) {
			this.deriveFrom(base.model, base.swaps);
			return;
		}
		const seenDropInUnits = new Set<string>();
		for (const f of workspace.all()) {
			// Engine and bluechi config files are not units.
			if (!isUnitKind(f.info.kind)) continue;
			if (!f.info.dropIn) {
				this.add(cachedUnit(f, workspace.dropInsFor(f), config));
			}
		}
		// Drop-ins whose unit is not in the workspace (e.g. a repo that only ships qm.container.d/).
		for (const f of workspace.all()) {
			if (!f.info.dropIn || f.info.dropIn.scope !== 'unit') continue;
			const unitName = f.info.unitName;
			const key = `${dirName(dirName(f.path))}\u0000${unitName}`;
			if (seenDropInUnits.has(key)) continue;
			if (workspace.unitsNamed(unitName).some((u) => workspace.dropInsFor(u).some((d) => d.path === f.path))) continue;
			seenDropInUnits.add(key);
			const siblings = workspace.dropInsInDir(f.info.dropIn.dirName).filter((d) => dirName(d.path) === dirName(f.path));
			const unit = buildUnit(siblings[0], true, siblings, config, unitName);
			this.add(unit);
			for (const s of siblings) this.byPath.set(s.path, unit);
		}
		for (const u of this.units) {
			for (const d of u.view.dropIns) if (!this.byPath.has(d.path)) this.byPath.set(d.path, u);
		}
	}

	/**
	 * Typing in a unit replaces one file per keystroke. When the edited units keep their kind,
	 * domain and names (so name resolution and every other unit's facts are unchanged), the new
	 * model is the old one with those units swapped; its tables are taken over, not rebuilt.
	 */
	static derive(base: QmModel, workspace: Workspace, changed: ReadonlySet<string>): QmModel | undefined {
		const swaps: [QmUnit, QmUnit][] = [];
		for (const path of changed) {
			const before = base.byPath.get(path);
			const file = workspace.get(path);
			if (!before || !file || before.virtual || before.file.path !== path || file.info.dropIn) return undefined;
			if (before.fileName === 'qm.container' || before.domain.domain === 'qm-boundary') return undefined; // prefixes, boundary
			const after = cachedUnit(file, workspace.dropInsFor(file), base.config);
			if (after.kind !== before.kind || after.domain.domain !== before.domain.domain || !!after.domain.userScope !== !!before.domain.userScope) return undefined;
			if (after.names.size !== before.names.size || [...after.names].some((n) => !before.names.has(n))) return undefined;
			swaps.push([before, after]);
		}
		return new QmModel(workspace, base.config, { model: base, swaps });
	}

	private deriveFrom(base: QmModel, swaps: [QmUnit, QmUnit][]): void {
		// A copy and a pointer scan per swapped unit: no per-unit map look-ups over 10,000 units.
		this.units = base.units.slice();
		const positions = swaps.map(([before, after]) => {
			const i = this.units.indexOf(before);
			this.units[i] = after;
			return i;
		});
		// The base is superseded (getQmModel keeps only the newest model), so its tables are taken
		// over and patched in place rather than copied; the base is left empty.
		this.byPath = base.byPath;
		this.byDomainName = base.byDomainName;
		base.byPath = new Map();
		base.byDomainName = new Map();
		for (const [before, after] of swaps) {
			for (const src of [before.view.main, ...before.view.dropIns]) if (this.byPath.get(src.path) === before) this.byPath.set(src.path, after);
			for (const n of after.names) {
				const key = `${resolutionDomain(after.domain.domain)}\u0000${n}`;
				const list = this.byDomainName.get(key);
				if (list) this.byDomainName.set(key, list.map((u) => (u === before ? after : u)));
			}
		}
		this.delta = { base, swaps, positions };
	}

	private add(u: QmUnit): void {
		this.units.push(u);
		this.byPath.set(u.file.path, u);
		for (const n of u.names) {
			const key = `${resolutionDomain(u.domain.domain)}\u0000${n}`;
			const list = this.byDomainName.get(key) ?? [];
			list.push(u);
			this.byDomainName.set(key, list);
		}
	}

	/** The unit a file belongs to (itself, or the unit a drop-in extends). */
	unitOf(path: string): QmUnit | undefined {
		return this.byPath.get(path);
	}

	/** Units known by `name` to the systemd that reads files of `domain`. */
	resolve(domain: Domain, name: string): QmUnit[] {
		return this.byDomainName.get(`${resolutionDomain(domain)}\u0000${name}`) ?? [];
	}

	/** Units of the other systemd (QM vs host) with this name, for cross-domain hints. */
	resolveElsewhere(domain: Domain, name: string): QmUnit[] {
		const mine = resolutionDomain(domain);
		const other = mine === 'qm' ? 'asil' : 'qm';
		return this.byDomainName.get(`${other}\u0000${name}`) ?? [];
	}

	inDomain(domain: Domain): QmUnit[] {
		return this.units.filter((u) => u.domain.domain === domain);
	}

	/** Socket units that activate this unit's service (by name, Service= or Sockets=). */
	socketsActivating(unit: QmUnit): QmUnit[] {
		const idx = (this.socketIndex ??= indexSockets(this.units));
		const rd = resolutionDomain(unit.domain.domain);
		const found = new Set<QmUnit>();
		for (const n of unit.names) for (const s of idx.byActivates.get(`${rd}\u0000${n}`) ?? []) found.add(s);
		for (const c of unit.claimsSockets) for (const s of idx.byName.get(`${rd}\u0000${c}`) ?? []) found.add(s);
		return found.size < 2 ? [...found] : [...found].sort((a, b) => idx.order.get(a)! - idx.order.get(b)!);
	}

	/** Socket units by the service they activate and by their own name: asked for every unit. */
	private socketIndex: SocketIndex | undefined;

	/** The effective qm.container of the workspace, if any (vendor file or its drop-ins). */
	boundary(): QmUnit | undefined {
		if (this.boundaryCache === undefined) {
			// Several copies: podman uses the first in its search order (/run, /etc, /usr/share).
			// Every qm.container is in the host's name table (boundary files resolve as host units).
			const copies = this.resolve('qm-boundary', 'qm.container').filter((u) => u.fileName === 'qm.container' && u.domain.domain === 'qm-boundary');
			this.boundaryCache = copies.sort((a, b) => searchPrecedence(a.file.path) - searchPrecedence(b.file.path) || Number(a.virtual) - Number(b.virtual))[0] ?? null;
		}
		return this.boundaryCache ?? undefined;
	}

	private boundaryCache: QmUnit | null | undefined;
}

interface SocketIndex {
	byActivates: Map<string, QmUnit[]>;
	byName: Map<string, QmUnit[]>;
	order: Map<QmUnit, number>;
}

function indexSockets(units: readonly QmUnit[]): SocketIndex {
	const idx: SocketIndex = { byActivates: new Map(), byName: new Map(), order: new Map() };
	const put = (map: Map<string, QmUnit[]>, key: string, s: QmUnit) => { const l = map.get(key); if (l) l.push(s); else map.set(key, [s]); };
	for (const s of units) {
		if (s.kind !== 'socket') continue;
		const rd = resolutionDomain(s.domain.domain);
		idx.order.set(s, idx.order.size);
		if (s.activates) put(idx.byActivates, `${rd}\u0000${s.activates}`, s);
		put(idx.byName, `${rd}\u0000${s.fileName}`, s);
	}
	return idx;
}

/** qm-boundary files are host units: they resolve names against the host (asil) systemd. */
export function resolutionDomain(d: Domain): 'qm' | 'asil' | 'unknown' {
	return d === 'qm' ? 'qm' : d === 'unknown' ? 'unknown' : 'asil';
}

/** The newest model of each workspace (one per configuration object in use). */
const models = new WeakMap<Workspace, { generation: number; config: DomainConfig; model: QmModel }>();

/** The model of a workspace, rebuilt only when the workspace or the configuration changes. */
export function getQmModel(workspace: Workspace, config: DomainConfig = {}): QmModel {
	const cache = models.get(workspace);
	if (cache && cache.config === config) {
		if (cache.generation === workspace.generation) return cache.model;
		const changed = workspace.changedSince(cache.generation);
		const derived = changed && changed.size <= 16 ? QmModel.derive(cache.model, workspace, changed) : undefined;
		if (derived) {
			// Only the newest model is kept: its predecessor's indexes are handed on, not shared.
			cache.model.delta = undefined;
			models.set(workspace, { generation: workspace.generation, config, model: derived });
			return derived;
		}
	}
	const model = new QmModel(workspace, effectiveConfig(config, config.prefixes ?? findPrefixes(workspace)));
	models.set(workspace, { generation: workspace.generation, config, model });
	return model;
}

const effectiveCache = new WeakMap<DomainConfig, DomainConfig>();

/** One object per configuration and prefix values: the per-unit cache keys on its identity. */
function effectiveConfig(config: DomainConfig, prefixes: DomainConfig['prefixes']): DomainConfig {
	const prev = effectiveCache.get(config);
	const p = prev?.prefixes;
	if (prev && p && prefixes && p.rootfs === prefixes.rootfs && p.rwetcfs === prefixes.rwetcfs && p.rwvarfs === prefixes.rwvarfs) return prev;
	const next = { ...config, prefixes };
	effectiveCache.set(config, next);
	return next;
}

/** ROOTFS/RWETCFS/RWVARFS as the workspace's qm.container declares them (qm-rules §1.1). */
export function findPrefixes(workspace: Workspace): DomainConfig['prefixes'] {
	for (const f of workspace.unitsNamed('qm.container')) {
		// Asked for every file validated: the answer is kept per qm.container file object.
		let p = prefixCache.get(f);
		if (p === undefined) { p = prefixesFromQmContainer(f.parsed) ?? null; prefixCache.set(f, p); }
		if (p) return p;
	}
	return DEFAULT_PREFIXES;
}

const prefixCache = new WeakMap<WorkspaceFile, DomainConfig['prefixes'] | null>();

/**
 * A unit's facts depend only on its file, its drop-ins and the domain configuration, all
 * immutable objects (an edit makes a new WorkspaceFile). Reusing them makes a model rebuild after
 * one edit cost a map lookup per unchanged unit instead of re-reading 10,000 files.
 */
const unitCache = new WeakMap<WorkspaceFile, { dropIns: readonly WorkspaceFile[]; config: DomainConfig; unit: QmUnit }>();

function cachedUnit(file: WorkspaceFile, dropIns: readonly WorkspaceFile[], config: DomainConfig): QmUnit {
	const hit = unitCache.get(file);
	if (hit && hit.config === config && sameItems(hit.dropIns, dropIns)) return hit.unit;
	const unit = buildUnit(file, false, dropIns, config);
	unitCache.set(file, { dropIns, config, unit });
	return unit;
}

function buildUnit(file: WorkspaceFile, virtual: boolean, dropIns: readonly WorkspaceFile[], config: DomainConfig, virtualName?: string): QmUnit {
	const kind = file.info.kind as UnitKind;
	const fileName = virtualName ?? file.info.fileName;
	const domain = inferDomain(virtual ? dirName(file.path) + '/' + file.info.fileName : file.path, file.parsed, config);
	const view = virtual ? new UnitView(dropIns[0], dropIns.slice(1)) : viewOf(file, dropIns);
	const primary = PRIMARY_SECTION[kind] ?? '';
	const serviceNameKey = isQuadletKind(kind) ? view.lookup(primary, 'ServiceName') : undefined;
	// A socket unit is known by its own name; the service it activates is another unit.
	const serviceName = kind === 'socket' ? fileName : serviceNameFor(fileName, serviceNameKey);
	const names = new Set<string>([serviceName, fileName]);
	for (const a of view.lookupWords('Install', 'Alias')) names.add(a);
	if (kind === 'socket' || kind === 'service') names.add(fileName);
	// Only values with a `$` need the environment, and a large unit has hundreds of Environment=
	// lines: collect them on first use.
	let env: Record<string, string> | undefined;
	const getEnv = () => (env ??= collectEnv(view, primary));
	const expand = (v: string) => canonicalRun(normalizePath(expandPath(v, { userScope: domain.userScope, env: v.includes('$') ? getEnv() : undefined })));

	const mounts: QmMount[] = [];
	const refs: QmPathRef[] = [];
	const listens: QmPathRef[] = [];
	const label: QmLabel = {};

	if (isQuadletKind(kind)) {
		for (const e of view.lookupAll(primary, 'Volume')) mounts.push(volumeMount(e, e.entry.value, 0, 'Volume', expand));
		for (const e of view.lookupAll(primary, 'Mount')) {
			const m = mountFromCsv(e, e.entry.value, 0, 'Mount', expand);
			if (m) mounts.push(m);
		}
		for (const e of view.lookupAll(primary, 'PodmanArgs')) {
			for (const arg of parsePodmanArgs(e.entry.value)) {
				if (arg.flag === '-v' || arg.flag === '--volume') mounts.push(volumeMount(e, arg.value, arg.valueIndex, 'PodmanArgs', expand));
				else if (arg.flag === '--mount') {
					const m = mountFromCsv(e, arg.value, arg.valueIndex, 'PodmanArgs', expand);
					if (m) mounts.push(m);
				} else if (arg.flag === '--security-opt') {
					const [k, v] = splitOnce(arg.value, '=');
					if (k === 'label') {
						const [lk, lv] = splitOnce(v ?? '', ':');
						const setting = { value: lv ?? '', entry: e, fromPodmanArgs: true };
						if (lk === 'type') label.type = setting;
						else if (lk === 'level') label.level = setting;
						else if (lk === 'filetype') label.fileType = setting;
						else if (lk === 'disable') label.disable = { value: 'true', entry: e, fromPodmanArgs: true };
						else if (lk === 'nested') label.nested = { value: 'true', entry: e, fromPodmanArgs: true };
					}
				}
			}
		}
		const last = (key: string): LabelSetting | undefined => {
			const e = view.last(primary, key);
			return e ? { value: unquoteValue(e.entry.value), entry: e } : undefined;
		};
		// PodmanArgs come after the generated flags on podman's command line, so they win.
		label.type = label.type ?? last('SecurityLabelType');
		label.level = label.level ?? last('SecurityLabelLevel');
		label.fileType = label.fileType ?? last('SecurityLabelFileType');
		const disable = last('SecurityLabelDisable');
		if (disable) label.disable = disable;
		const nested = last('SecurityLabelNested');
		if (nested) label.nested = nested;
		for (const key of ['Environment', 'Exec', 'EnvironmentFile', 'Rootfs', 'ContainersConfModule']) {
			for (const e of view.occurrences(primary, key)) {
				for (const p of findPaths(e.entry.value)) {
					refs.push({ path: p.abstract ? p.path : expand(p.path), via: key, entry: e, index: p.index, length: p.length, socketLike: p.socketLike, abstract: p.abstract });
				}
			}
		}
	}
	if (kind === 'socket') {
		for (const key of LISTEN_KEYS) {
			for (const e of view.lookupAll('Socket', key)) {
				const v = e.entry.value.trim();
				const abstract = v.startsWith('@');
				const isPath = v.startsWith('/') || v.startsWith('%');
				listens.push({ path: isPath ? expand(v) : v, via: key, entry: e, index: 0, length: e.entry.value.length, socketLike: true, abstract: abstract || !isPath });
			}
		}
	}
	const activates = kind === 'socket'
		? (view.lookup('Socket', 'Service') ?? fileName.replace(/\.socket$/, '.service'))
		: undefined;
	const claimsSockets = view.lookupWords('Service', 'Sockets');
	const deps: QmDependency[] = [];
	for (const key of DEP_KEYS) {
		for (const e of view.lookupAll('Unit', key)) {
			let searchFrom = 0;
			for (const w of splitWords(e.entry.value)) {
				const index = e.entry.value.indexOf(w, searchFrom);
				searchFrom = index + w.length;
				deps.push({ key, name: w, entry: e, index: Math.max(index, 0) });
			}
		}
	}
	const pod = kind === 'container' ? view.lookup('Container', 'Pod') : undefined;
	return { file, virtual, domain, kind, fileName, serviceName, names, view, mounts, refs, listens, activates, claimsSockets, label, deps, pod, get env() { return getEnv(); } };
}

/**
 * Variables systemd expands in the generated ExecStart (`${ROOTFS}` in qm.container): the
 * service's own [Service] Environment= plus the container's Environment=.
 */
function collectEnv(view: UnitView, primary: string): Record<string, string> {
	const env: Record<string, string> = {};
	for (const e of [...view.lookupAll('Service', 'Environment'), ...(primary === 'Service' ? [] : view.lookupAll(primary, 'Environment'))]) {
		for (const w of splitWords(e.entry.value)) {
			const eq = w.indexOf('=');
			if (eq > 0) env[w.slice(0, eq)] = w.slice(eq + 1);
		}
	}
	return env;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
	const i = s.indexOf(sep);
	return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** `[[SOURCE:]DEST[:OPTIONS]]` as podman splits it (SplitN on ":" into at most 3 parts). */
function volumeMount(entry: ViewEntry, value: string, base: number, via: QmMount['via'], expand: (v: string) => string): QmMount {
	const v = via === 'Volume' ? value.trimEnd() : value;
	const parts = v.split(':');
	let rawSource = '';
	let dest = '';
	let options: string[] = [];
	let sourceIndex = -1;
	let optionsIndex = -1;
	if (parts.length === 1) {
		dest = parts[0];
	} else {
		rawSource = parts[0];
		sourceIndex = base;
		dest = parts[1];
		if (parts.length > 2) {
			const optText = parts.slice(2).join(':');
			options = optText.split(',').filter((o) => o.length > 0);
			optionsIndex = base + parts[0].length + 1 + parts[1].length + 1;
		}
	}
	const isPath = rawSource.startsWith('/') || rawSource.startsWith('%') || rawSource.startsWith('$') || rawSource.startsWith('.');
	return {
		source: isPath ? expand(rawSource) : undefined,
		rawSource, dest, options,
		named: rawSource.length > 0 && !isPath,
		via, entry, sourceIndex, optionsIndex,
	};
}

function mountFromCsv(entry: ViewEntry, value: string, base: number, via: QmMount['via'], expand: (v: string) => string): QmMount | undefined {
	const fields = parseMountOptions(value);
	const type = fields.get('type')?.value ?? 'volume';
	if (type !== 'bind' && type !== 'volume' && type !== 'glob') return undefined;
	const src = fields.get('source') ?? fields.get('src');
	const dst = fields.get('destination') ?? fields.get('target') ?? fields.get('dst');
	const options: string[] = [];
	for (const [k, f] of fields) {
		if (['type', 'source', 'src', 'destination', 'target', 'dst'].includes(k)) continue;
		options.push(f.value === '' ? k : `${k}=${f.value}`);
		if (k === 'relabel') options.push(f.value === 'private' ? 'Z' : 'z');
		if (k === 'readonly' || k === 'ro') { if (f.value === '' || f.value === 'true') options.push('ro'); }
		if (k === 'bind-propagation') options.push(f.value);
	}
	const rawSource = src?.value ?? '';
	const isPath = type === 'bind' || type === 'glob' || rawSource.startsWith('/');
	return {
		source: isPath && rawSource ? expand(rawSource) : undefined,
		rawSource, dest: dst?.value ?? '', options,
		named: !isPath && rawSource.length > 0,
		via, entry, sourceIndex: src ? base + src.valueIndex : -1, optionsIndex: -1,
	};
}

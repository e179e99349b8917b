/**
 * Engine configuration next to the units (qm-rules §7.2, §7.3): podman's containers.conf (TOML)
 * and bluechi's agent/controller configuration (INI, read like bluechi's inih parser does).
 *
 * - Per-file facts for the rules, with document offsets: containers.conf `mounts` (split with
 *   parseMountOptions), `devices`, `oom_score_adj`, `default_ulimits`, …; bluechi `NodeName`,
 *   `ControllerAddress`, `ControllerHost`, `AllowedNodeNames`, ….
 * - Configuration sets: the files one engine reads, in load order (base files, then `*.conf.d/`
 *   drop-ins alphabetically; later files override, containers.conf arrays are replaced unless
 *   they carry `{append=true}`).
 * - Effective values, e.g. the OOM score QM's podman gives nested containers
 *   (qmNestedOomDefault).
 *
 * Pure: reads only the Workspace; results are cached per workspace generation.
 */
import type { ParsedUnit } from '../parser/ast';
import { appendMarker, parseContainersConf, stringItems, stringOffset, type ParsedToml, type TomlArray, type TomlEntry, type TomlString, type TomlValue } from '../parser/containers-conf';
import { baseName, dirName } from '../unit-path';
import type { Workspace, WorkspaceFile } from '../workspace/workspace';
import { DEFAULT_PREFIXES, type DomainConfig, type DomainInfo, type QmPrefixes } from './domain';
import { findPrefixes } from './model';
import { parseMountOptions } from './podman-args';

export interface Span {
	start: number;
	end: number;
}

/** A value located in a file. */
export interface Located<T> extends Span {
	value: T;
	path: string;
}

// ---------------------------------------------------------------------------------------------
// Domains

/**
 * The domain of an engine configuration file. inferDomain decides first (directive, settings
 * globs, `/etc/qm`, the QM rootfs); what it leaves unknown is placed here: QM's engine defaults
 * `/usr/share/qm/containers.conf` (copied into QM by `setup`) belong to QM, the host's
 * `/etc|/usr/share/containers/containers.conf(.d)` and `/etc/bluechi/` to the host.
 */
export function engineConfigDomain(path: string, inferred: DomainInfo): DomainInfo {
	if (inferred.domain !== 'unknown') return inferred;
	if (/(^|\/)usr\/share\/qm\/containers\.conf$/.test(path)) {
		return { domain: 'qm', reason: 'the engine defaults QM ships (/usr/share/qm/containers.conf); setup copies them to /etc/containers/containers.conf inside QM', place: 'engine-config' };
	}
	if (/(^|\/)(etc|usr\/share)\/containers\/containers\.conf(\.d\/[^/]+)?$/.test(path)) {
		return { domain: 'asil', reason: 'host container engine configuration', place: 'engine-config' };
	}
	if (/(^|\/)etc\/bluechi\//.test(path)) {
		return { domain: 'asil', reason: 'the host\'s bluechi configuration (/etc/bluechi)', place: 'other' };
	}
	return inferred;
}

// ---------------------------------------------------------------------------------------------
// containers.conf facts

export interface ConfMount {
	entry: TomlEntry;
	item: TomlString;
	/** `type=bind,source=/a,…` split with parseMountOptions (value indexes into item.value). */
	fields: Map<string, { value: string; valueIndex: number }>;
	type: string | undefined;
	source: Located<string> | undefined;
	destination: Located<string> | undefined;
	readOnly: boolean;
}

export interface ConfDevice {
	entry: TomlEntry;
	item: TomlString;
	/** `HOST[:CONTAINER][:PERMS]`. */
	host: Located<string>;
	container: string;
}

export interface ConfUlimit {
	entry: TomlEntry;
	item: TomlString;
	/** `nofile=1024:2048` → type nofile, soft 1024, hard 2048 (Infinity for -1/unlimited). */
	type: string;
	soft: number | undefined;
	hard: number | undefined;
}

export interface ContainersConfFacts {
	toml: ParsedToml;
	/** The entry of `table.key` (e.g. "containers", "oom_score_adj"). */
	entry(table: string, key: string): TomlEntry | undefined;
	/** Arrays in the file by dotted path ("containers.devices"). */
	arrays: Map<string, { entry: TomlEntry; array: TomlArray }>;
	mounts: ConfMount[];
	devices: ConfDevice[];
	defaultUlimits: ConfUlimit[];
	oomScoreAdj: { entry: TomlEntry; value: TomlValue } | undefined;
}

const factsCache = new WeakMap<WorkspaceFile, ContainersConfFacts>();

/** Facts of a containers.conf file (cached per file version). */
export function containersConfFacts(file: WorkspaceFile): ContainersConfFacts {
	let f = factsCache.get(file);
	if (!f) {
		f = buildFacts(file.path, parseContainersConf(file.text));
		factsCache.set(file, f);
	}
	return f;
}

/** Document span of `length` characters at `index` of a string's value. */
export function itemSpan(item: TomlString, index: number, length: number): Span {
	return { start: stringOffset(item, index), end: stringOffset(item, index + length) };
}

function buildFacts(path: string, toml: ParsedToml): ContainersConfFacts {
	const byPath = new Map<string, TomlEntry>();
	const arrays = new Map<string, { entry: TomlEntry; array: TomlArray }>();
	for (const e of toml.entries) {
		const key = e.path.join('.');
		byPath.set(key, e);
		if (e.value.type === 'array') arrays.set(key, { entry: e, array: e.value });
	}
	const strings = (key: string): { entry: TomlEntry; item: TomlString }[] => {
		const a = arrays.get(key);
		return a ? stringItems(a.array).map((item) => ({ entry: a.entry, item })) : [];
	};
	const located = (item: TomlString, index: number, value: string): Located<string> => ({ value, path, ...itemSpan(item, index, value.length) });

	const mounts: ConfMount[] = strings('containers.mounts').map(({ entry, item }) => {
		const fields = parseMountOptions(item.value);
		const pick = (...names: string[]) => {
			for (const n of names) {
				const f = fields.get(n);
				if (f) return located(item, f.valueIndex, f.value);
			}
			return undefined;
		};
		const ro = fields.get('ro') ?? fields.get('readonly');
		return {
			entry, item, fields,
			type: fields.get('type')?.value,
			source: pick('source', 'src'),
			destination: pick('destination', 'dst', 'target'),
			readOnly: ro !== undefined && (ro.value === '' || ro.value === 'true'),
		};
	});
	const devices: ConfDevice[] = strings('containers.devices').map(({ entry, item }) => {
		const [host, container] = item.value.split(':');
		return { entry, item, host: located(item, 0, host), container: container && container.startsWith('/') ? container : host };
	});
	const defaultUlimits: ConfUlimit[] = strings('containers.default_ulimits').map(({ entry, item }) => {
		const m = /^\s*([a-z]+)=(-?\d+|unlimited)(?::(-?\d+|unlimited))?\s*$/.exec(item.value);
		const num = (v: string | undefined) => (v === undefined ? undefined : v === 'unlimited' || v === '-1' ? Infinity : Number(v));
		return { entry, item, type: m?.[1] ?? '', soft: num(m?.[2]), hard: num(m?.[3] ?? m?.[2]) };
	});
	const oom = byPath.get('containers.oom_score_adj');
	return {
		toml,
		entry: (table, key) => byPath.get(`${table}.${key}`),
		arrays,
		mounts,
		devices,
		defaultUlimits,
		oomScoreAdj: oom ? { entry: oom, value: oom.value } : undefined,
	};
}

// ---------------------------------------------------------------------------------------------
// containers.conf sets and load order

export interface ConfMember {
	file: WorkspaceFile;
	facts: ContainersConfFacts;
	/** `containers.conf` itself (true) or a `containers.conf.d/` drop-in. */
	base: boolean;
}

export interface ContainersConfSet {
	/** "qm:<tree prefix>", "host:<prefix>", "user:<home>" or "dir:<containers dir>". */
	key: string;
	engine: 'qm' | 'host' | 'user' | 'other';
	/** Files in load order (later override earlier). */
	members: ConfMember[];
	/** Files of the set podman does not read (a same-named drop-in elsewhere wins, a template whose copy exists). */
	unread: { file: WorkspaceFile; reason: string; instead?: WorkspaceFile }[];
}

interface Placement {
	key: string;
	engine: ContainersConfSet['engine'];
	/** Base files: 0 system defaults, 1 admin file (or QM's template), 2 user file. Drop-ins: directory precedence. */
	rank: number;
	base: boolean;
	/** QM's /usr/share/qm/containers.conf: used only when its copy (/etc/qm/containers/containers.conf) is absent. */
	template?: boolean;
}

function stripSlash(p: string): string {
	return p.replace(/^\/+|\/+$/g, '');
}

function splitAt(path: string, anchor: string): { prefix: string; rest: string } | undefined {
	const p = path.startsWith('/') ? path : `/${path}`;
	const k = p.indexOf(`/${anchor}/`);
	if (k < 0) return undefined;
	return { prefix: p.slice(0, k), rest: p.slice(k + anchor.length + 2) };
}

const CONF_REST = /^containers\/containers\.conf(\.d\/[^/]+\.conf)?$/;

/** Which engine reads a containers.conf path and where it sits in the load order (undefined: nobody). */
function placeContainersConf(path: string, prefixes: QmPrefixes): Placement | undefined {
	const rootfs = stripSlash(prefixes.rootfs);
	const rwetc = stripSlash(prefixes.rwetcfs);
	const at = (anchor: string) => {
		const s = splitAt(path, anchor);
		return s && CONF_REST.test(s.rest) ? { prefix: s.prefix, dropIn: s.rest.includes('.conf.d/') } : undefined;
	};
	let s = at(`${rootfs}/usr/share`);
	if (s) return { key: `qm:${s.prefix}`, engine: 'qm', rank: 0, base: !s.dropIn };
	if (at(`${rootfs}/etc`)) return undefined; // hidden by QM's /etc bind mount
	s = at(rwetc);
	if (s) return { key: `qm:${s.prefix}`, engine: 'qm', rank: 1, base: !s.dropIn };
	const tpl = /^(.*?)\/?usr\/share\/qm\/containers\.conf$/.exec(path);
	if (tpl) return { key: `qm:${tpl[1] ? (tpl[1].startsWith('/') ? tpl[1] : `/${tpl[1]}`) : ''}`, engine: 'qm', rank: 1, base: true, template: true };
	s = at('.config');
	if (s) return { key: `user:${s.prefix}`, engine: 'user', rank: 2, base: !s.dropIn };
	s = at('usr/share');
	if (s) return { key: `host:${s.prefix}`, engine: 'host', rank: 0, base: !s.dropIn };
	s = at('etc');
	if (s) return { key: `host:${s.prefix}`, engine: 'host', rank: 1, base: !s.dropIn };
	const m = /^(.*)\/containers\/containers\.conf(\.d\/[^/]+\.conf)?$/.exec(path.startsWith('/') ? path : `/${path}`);
	if (m) return { key: `dir:${m[1]}`, engine: 'other', rank: 0, base: !m[2] };
	return undefined;
}

/** The containers.conf set a file belongs to (undefined: podman never reads it, e.g. under the QM rootfs /etc). */
export function containersConfSetOf(workspace: Workspace, path: string, config: DomainConfig = {}): ContainersConfSet | undefined {
	const model = getEngineConfig(workspace, config);
	return model.confSets.find((s) => s.members.some((m) => m.file.path === path) || s.unread.some((u) => u.file.path === path));
}

function buildConfSets(workspace: Workspace, prefixes: QmPrefixes): ContainersConfSet[] {
	const groups = new Map<string, { engine: ContainersConfSet['engine']; files: { file: WorkspaceFile; place: Placement }[] }>();
	for (const file of workspace.all()) {
		if (file.info.kind !== 'containers-conf') continue;
		const place = placeContainersConf(file.path, prefixes);
		if (!place) continue;
		const g = groups.get(place.key) ?? { engine: place.engine, files: [] };
		g.files.push({ file, place });
		groups.set(place.key, g);
	}
	const sets: ContainersConfSet[] = [];
	for (const [key, g] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
		const unread: ContainersConfSet['unread'] = [];
		const bases = g.files.filter((f) => f.place.base);
		const copies = bases.filter((f) => f.place.rank === 1 && !f.place.template);
		const usedBases = bases.filter((f) => {
			if (f.place.template && copies.length) {
				unread.push({ file: f.file, reason: 'QM reads its copy', instead: copies[0].file });
				return false;
			}
			return true;
		}).sort((a, b) => a.place.rank - b.place.rank || (a.file.path < b.file.path ? -1 : 1));
		// Drop-ins: one file per name (the directory with the higher precedence wins), applied by name.
		const byName = new Map<string, { file: WorkspaceFile; place: Placement }>();
		for (const f of g.files.filter((x) => !x.place.base).sort((a, b) => b.place.rank - a.place.rank || (a.file.path < b.file.path ? -1 : 1))) {
			const name = baseName(f.file.path);
			const winner = byName.get(name);
			if (winner) unread.push({ file: f.file, reason: `a drop-in with the same name in ${dirName(winner.file.path)} takes precedence`, instead: winner.file });
			else byName.set(name, f);
		}
		const dropIns = [...byName.values()].sort((a, b) => (baseName(a.file.path) < baseName(b.file.path) ? -1 : baseName(a.file.path) > baseName(b.file.path) ? 1 : 0));
		const members = [...usedBases, ...dropIns].map((f) => ({ file: f.file, facts: containersConfFacts(f.file), base: f.place.base }));
		sets.push({ key, engine: g.engine, members, unread });
	}
	return sets;
}

/** The winning `table.key` of a set (last file that sets it), with the file it came from. */
export function effectiveConfEntry(set: ContainersConfSet, table: string, key: string): { member: ConfMember; entry: TomlEntry } | undefined {
	for (let i = set.members.length - 1; i >= 0; i--) {
		const e = set.members[i].facts.entry(table, key);
		if (e) return { member: set.members[i], entry: e };
	}
	return undefined;
}

/**
 * For an array in `member`: the earlier files of the set whose items it throws away (it has no
 * `{append=true}`), with the items lost. Empty arrays (a deliberate reset) lose nothing.
 */
export function overriddenArrays(set: ContainersConfSet, member: ConfMember, dottedKey: string): { member: ConfMember; entry: TomlEntry; lost: string[] }[] {
	const own = member.facts.arrays.get(dottedKey);
	if (!own || appendMarker(own.array)) return [];
	const ownItems = new Set(stringItems(own.array).map((s) => s.value));
	if (ownItems.size === 0) return [];
	const index = set.members.indexOf(member);
	// What the earlier files accumulate (each either replaces or appends).
	let acc: string[] = [];
	const contributors: { member: ConfMember; entry: TomlEntry; items: string[] }[] = [];
	for (let i = 0; i < index; i++) {
		const a = set.members[i].facts.arrays.get(dottedKey);
		if (!a) continue;
		const items = stringItems(a.array).map((s) => s.value);
		if (appendMarker(a.array)) acc = [...acc, ...items];
		else { acc = items; contributors.length = 0; }
		contributors.push({ member: set.members[i], entry: a.entry, items });
	}
	const out: { member: ConfMember; entry: TomlEntry; lost: string[] }[] = [];
	for (const c of contributors) {
		const lost = c.items.filter((v) => acc.includes(v) && !ownItems.has(v));
		if (lost.length) out.push({ member: c.member, entry: c.entry, lost });
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// bluechi

/** One `Key=value` as bluechi reads it (indented continuation lines appended to the value). */
export interface BluechiEntry {
	section: string;
	key: string;
	value: string;
	keyStart: number;
	keyEnd: number;
	/** Span of the value on its first line (continuations in `parts`). */
	valueStart: number;
	valueEnd: number;
	parts: Span[];
	/** Whole entry: key to the end of its last value part. */
	start: number;
	end: number;
	line: number;
}

export interface BluechiSection {
	name: string;
	start: number;
	end: number;
	nameStart: number;
	nameEnd: number;
}

export interface BluechiFile {
	file: WorkspaceFile;
	role: 'agent' | 'controller';
	entries: BluechiEntry[];
	sections: BluechiSection[];
	/** Effective values of this file: section\0key → value (bluechi concatenates a key repeated in one file). */
	values: Map<string, { value: string; entries: BluechiEntry[] }>;
}

const bluechiCache = new WeakMap<WorkspaceFile, BluechiFile>();

/**
 * Reads a bluechi configuration file with the rules of bluechi's inih-based reader, on top of
 * parseUnit's line table (which stays the file's lossless tree): `#`/`;` comment lines, `[section]`,
 * `Key=value` or `Key: value`, an inline comment after ` ;`, and — unlike systemd — no backslash
 * continuation: an indented line continues the previous value, and a key repeated in the same
 * file is concatenated (no separator), while a later file overrides it.
 */
export function readBluechi(file: WorkspaceFile): BluechiFile {
	let b = bluechiCache.get(file);
	if (!b) {
		b = parseBluechi(file, file.parsed);
		bluechiCache.set(file, b);
	}
	return b;
}

function parseBluechi(file: WorkspaceFile, parsed: ParsedUnit): BluechiFile {
	const text = parsed.text;
	const entries: BluechiEntry[] = [];
	const sections: BluechiSection[] = [];
	let section = '';
	let last: BluechiEntry | undefined;
	parsed.lines.forEach((line, n) => {
		let cs = line.contentStart;
		let ce = line.contentEnd;
		if (n === 0 && text.charCodeAt(0) === 0xfeff && cs === 0) cs = 1;
		if (cs >= ce) return;
		const first = text[cs];
		if (first === '#' || first === ';') return;
		ce = stripInlineComment(text, cs, ce);
		if (cs > line.start && last) {
			// Indented: continues the previous value (inih's multi-line entries).
			last.parts.push({ start: cs, end: ce });
			last.value += text.slice(cs, ce);
			last.end = ce;
			return;
		}
		if (first === '[') {
			const close = text.indexOf(']', cs);
			if (close < 0 || close >= ce) return;
			section = text.slice(cs + 1, close);
			sections.push({ name: section, start: cs, end: close + 1, nameStart: cs + 1, nameEnd: close });
			last = undefined;
			return;
		}
		let sep = -1;
		for (let k = cs; k < ce; k++) if (text[k] === '=' || text[k] === ':') { sep = k; break; }
		if (sep < 0) return;
		let ke = sep;
		while (ke > cs && /\s/.test(text[ke - 1])) ke--;
		let vs = sep + 1;
		while (vs < ce && /\s/.test(text[vs])) vs++;
		const entry: BluechiEntry = {
			section, key: text.slice(cs, ke), value: text.slice(vs, ce),
			keyStart: cs, keyEnd: ke, valueStart: vs, valueEnd: ce, parts: [{ start: vs, end: ce }],
			start: cs, end: ce, line: n,
		};
		entries.push(entry);
		last = entry;
	});
	const values = new Map<string, { value: string; entries: BluechiEntry[] }>();
	for (const e of entries) {
		const k = `${e.section}\u0000${e.key}`;
		const v = values.get(k);
		if (v) { v.value += e.value; v.entries.push(e); } else values.set(k, { value: e.value, entries: [e] });
	}
	const role = /(^|\/)controller\.conf(\.d\/[^/]+)?$/.test(file.path) ? 'controller' : 'agent';
	return { file, role, entries, sections, values };
}

/** inih: `;` preceded by whitespace starts a comment; trailing blanks are trimmed. */
function stripInlineComment(text: string, cs: number, ce: number): number {
	let end = ce;
	for (let k = cs + 1; k < ce; k++) {
		if (text[k] === ';' && /\s/.test(text[k - 1])) { end = k; break; }
	}
	while (end > cs && /\s/.test(text[end - 1])) end--;
	return end;
}

export const BLUECHI_AGENT_SECTION = 'bluechi-agent';
export const BLUECHI_CONTROLLER_SECTION = 'bluechi-controller';

/**
 * Keys bluechi reads (bluechi-agent.conf(5), bluechi-controller.conf(5), libbluechi cfg.h) and
 * the pre-rename `Manager*` keys current releases ignore, with their replacements.
 */
export const BLUECHI_KEYS: Record<'agent' | 'controller', { section: string; keys: readonly string[]; renamed: Readonly<Record<string, string>> }> = {
	agent: {
		section: BLUECHI_AGENT_SECTION,
		keys: ['NodeName', 'ControllerAddress', 'ControllerHost', 'ControllerPort', 'HeartbeatInterval', 'ControllerHeartbeatThreshold',
			'LogLevel', 'LogTarget', 'LogIsQuiet', 'IPReceiveErrors', 'TCPKeepAliveTime', 'TCPKeepAliveInterval', 'TCPKeepAliveCount'],
		renamed: { ManagerHost: 'ControllerHost', ManagerPort: 'ControllerPort', ManagerAddress: 'ControllerAddress' },
	},
	controller: {
		section: BLUECHI_CONTROLLER_SECTION,
		keys: ['AllowedNodeNames', 'ControllerPort', 'UseTCP', 'UseUDS', 'HeartbeatInterval', 'NodeHeartbeatThreshold',
			'LogLevel', 'LogTarget', 'LogIsQuiet', 'IPReceiveErrors', 'TCPKeepAliveTime', 'TCPKeepAliveInterval', 'TCPKeepAliveCount'],
		renamed: { ManagerPort: 'ControllerPort' },
	},
};

/** The files one bluechi agent or controller reads, in load order. */
export interface BluechiSet {
	key: string;
	role: 'agent' | 'controller';
	/** qm: the agent inside QM (host /etc/qm/bluechi); host: /etc/bluechi; other: elsewhere. */
	engine: 'qm' | 'host' | 'other';
	/** Prefix of the tree the set lives in ("" for a real root), to pair QM and host sets. */
	tree: string;
	members: BluechiFile[];
}

/** A setting after all files of the set are applied: the value and the entries that made it. */
export interface BluechiSetting {
	value: string;
	file: BluechiFile;
	entries: BluechiEntry[];
}

/** The effective `key` of a set in `section`: the last file that sets it wins. */
export function bluechiSetting(set: BluechiSet, key: string, section = set.role === 'agent' ? BLUECHI_AGENT_SECTION : BLUECHI_CONTROLLER_SECTION): BluechiSetting | undefined {
	for (let i = set.members.length - 1; i >= 0; i--) {
		const v = set.members[i].values.get(`${section}\u0000${key}`);
		if (v) return { value: v.value, file: set.members[i], entries: v.entries };
	}
	return undefined;
}

/** Why bluechi ignores a file, if it does: not `*.conf` in a `.conf.d/`, or hidden under the QM rootfs /etc. */
export function bluechiIgnoredReason(path: string, prefixes: QmPrefixes = DEFAULT_PREFIXES): 'not-conf' | 'shadowed' | undefined {
	const rootfs = stripSlash(prefixes.rootfs);
	if (splitAt(path, `${rootfs}/etc`)) return 'shadowed';
	if (/\.conf\.d\/[^/]+$/.test(path) && !path.endsWith('.conf')) return 'not-conf';
	return undefined;
}

function placeBluechi(path: string, prefixes: QmPrefixes): { key: string; engine: BluechiSet['engine']; tree: string; role: 'agent' | 'controller'; base: boolean } | undefined {
	if (bluechiIgnoredReason(path, prefixes)) return undefined;
	const m = /^(.*)\/bluechi\/(agent|controller)\.conf(\.d\/[^/]+)?$/.exec(path.startsWith('/') ? path : `/${path}`);
	if (!m) return undefined;
	const role = m[2] as 'agent' | 'controller';
	const dir = m[1];
	const rwetc = `/${stripSlash(prefixes.rwetcfs)}`;
	let engine: BluechiSet['engine'] = 'other';
	let tree = dir;
	if (dir.endsWith(rwetc)) { engine = 'qm'; tree = dir.slice(0, -rwetc.length); }
	else if (dir.endsWith('/etc') || dir === '/etc') { engine = 'host'; tree = dir.slice(0, -'/etc'.length); }
	return { key: `${engine}:${dir}:${role}`, engine, tree, role, base: !m[3] };
}

function buildBluechiSets(workspace: Workspace, prefixes: QmPrefixes): BluechiSet[] {
	const groups = new Map<string, { set: BluechiSet; bases: BluechiFile[]; dropIns: BluechiFile[] }>();
	for (const file of workspace.all()) {
		if (file.info.kind !== 'bluechi-conf') continue;
		const p = placeBluechi(file.path, prefixes);
		if (!p) continue;
		let g = groups.get(p.key);
		if (!g) {
			g = { set: { key: p.key, role: p.role, engine: p.engine, tree: p.tree, members: [] }, bases: [], dropIns: [] };
			groups.set(p.key, g);
		}
		(p.base ? g.bases : g.dropIns).push(readBluechi(file));
	}
	const byName = (a: BluechiFile, b: BluechiFile) => (baseName(a.file.path) < baseName(b.file.path) ? -1 : baseName(a.file.path) > baseName(b.file.path) ? 1 : 0);
	return [...groups.values()]
		.map((g) => ({ ...g.set, members: [...g.bases, ...g.dropIns.sort(byName)] }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The bluechi set a file belongs to. */
export function bluechiSetOf(workspace: Workspace, path: string, config: DomainConfig = {}): BluechiSet | undefined {
	return getEngineConfig(workspace, config).bluechiSets.find((s) => s.members.some((m) => m.file.path === path));
}

/** The host set that goes with a QM set: same tree, else the only host set of that role. */
export function hostCounterpart(workspace: Workspace, set: BluechiSet, role: 'agent' | 'controller', config: DomainConfig = {}): BluechiSet | undefined {
	const hosts = getEngineConfig(workspace, config).bluechiSets.filter((s) => s.engine === 'host' && s.role === role);
	return hosts.find((h) => h.tree === set.tree) ?? (hosts.length === 1 ? hosts[0] : undefined);
}

/** The QM agent sets of the workspace. */
export function qmAgentSets(workspace: Workspace, config: DomainConfig = {}): BluechiSet[] {
	return getEngineConfig(workspace, config).bluechiSets.filter((s) => s.engine === 'qm' && s.role === 'agent');
}

// ---------------------------------------------------------------------------------------------
// The workspace model

export interface EngineConfigModel {
	confSets: ContainersConfSet[];
	bluechiSets: BluechiSet[];
}

const modelCache = new WeakMap<Workspace, { generation: number; key: string; model: EngineConfigModel }>();

/** Configuration sets of the workspace, rebuilt when the workspace or the QM prefixes change. */
export function getEngineConfig(workspace: Workspace, config: DomainConfig = {}): EngineConfigModel {
	const prefixes = config.prefixes ?? findPrefixes(workspace) ?? DEFAULT_PREFIXES;
	const key = `${prefixes.rootfs}\u0000${prefixes.rwetcfs}\u0000${prefixes.rwvarfs}`;
	const hit = modelCache.get(workspace);
	if (hit && hit.generation === workspace.generation && hit.key === key) return hit.model;
	const model = { confSets: buildConfSets(workspace, prefixes), bluechiSets: buildBluechiSets(workspace, prefixes) };
	modelCache.set(workspace, { generation: workspace.generation, key, model });
	return model;
}

/**
 * The OOM score QM's podman gives nested containers: the effective `[containers] oom_score_adj`
 * of QM's containers.conf files in the workspace (`/usr/share/qm/containers.conf`, or its copy
 * `/etc/qm/containers/containers.conf`, then `/etc/qm/containers/containers.conf.d/*.conf`; the
 * last file that sets it wins), with where it is set. Undefined when no QM containers.conf in the
 * workspace sets an integer; callers then use the documented default (750,
 * schemas/qm/boundary.json `oom.nestedDefault`).
 */
export function qmNestedOomDefault(workspace: Workspace, config: DomainConfig = {}): Located<number> | undefined {
	for (const set of getEngineConfig(workspace, config).confSets) {
		if (set.engine !== 'qm') continue;
		const w = effectiveConfEntry(set, 'containers', 'oom_score_adj');
		if (!w || w.entry.value.type !== 'integer') continue;
		return { value: w.entry.value.value, path: w.member.file.path, start: w.entry.value.start, end: w.entry.value.end };
	}
	return undefined;
}

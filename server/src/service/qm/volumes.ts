/**
 * Mount analysis for the qm/volume-* rules, computed from the QM model's public data:
 * the effective source of a mount (with `[Service] Environment=` variables and the partition
 * prefixes the model does not expand), its read-only state, where its source/destination/options
 * sit in the entry value (for precise ranges and byte-exact quick fixes), the deny/caution
 * verdict of `schemas/qm/volume-sources.json`, and what makes a path a socket file.
 */
import { splitWords } from '../model/unit-view';
import { valueIndexToOffset } from '../parser/parse-unit';
import type { Domain, OffsetEdit, Severity } from '../types';
import { DEFAULT_PREFIXES, type QmPrefixes } from './domain';
import { inherit, resolutionDomain, type QmModel, type QmMount, type QmPathRef, type QmUnit } from './model';
import { canonicalRun, expandPath, normalizePath } from './paths';
import { parsePodmanArgs } from './podman-args';
import { compilePatterns, getVolumeSources, substitutePrefixes, type PathPattern, type VolumeSourceRow, type VolumeTableDomain } from './volume-sources';

export interface CompiledRow extends VolumeSourceRow {
	match: PathPattern;
}

/** The data of volume-sources.json with patterns compiled for one set of partition prefixes. */
export interface VolumeTables {
	prefixes: QmPrefixes;
	rows: Record<VolumeTableDomain, CompiledRow[]>;
	bridge: PathPattern;
	relabelRefused: PathPattern;
	systemDirs: PathPattern;
	wellKnownSockets: PathPattern;
	runtimeProvided: PathPattern;
	sanctionedSocketBinds: Partial<Record<Domain, PathPattern>>;
	layout: { source: string; dest: string }[];
	hostToQm: { host: string; qm: string }[];
	socketSuffixes: string[];
	deviceAnnotations: { annotation: string; match: PathPattern }[];
}

const tableCache = new Map<string, VolumeTables>();

/** The tables for the model's partition prefixes (cached per prefix set). */
export function volumeTables(model: QmModel): VolumeTables {
	const prefixes = model.config.prefixes ?? DEFAULT_PREFIXES;
	const key = `${prefixes.rootfs}\u0000${prefixes.rwetcfs}\u0000${prefixes.rwvarfs}`;
	const hit = tableCache.get(key);
	if (hit) return hit;
	const data = getVolumeSources();
	const rows = (list: VolumeSourceRow[]): CompiledRow[] => list.map((r) => ({ ...r, match: compilePatterns(r.sources, prefixes) }));
	const sanctioned: Partial<Record<Domain, PathPattern>> = {};
	for (const [d, list] of Object.entries(data.sanctionedSocketBinds)) if (list) sanctioned[d as Domain] = compilePatterns(list, prefixes);
	const tables: VolumeTables = {
		prefixes,
		rows: { 'qm-boundary': rows(data.tables['qm-boundary']), qm: rows(data.tables.qm), asil: rows(data.tables.asil) },
		bridge: compilePatterns(data.bridge, prefixes),
		relabelRefused: compilePatterns(data.relabelRefused, prefixes),
		systemDirs: compilePatterns(data.systemDirs, prefixes),
		wellKnownSockets: compilePatterns(data.wellKnownSockets, prefixes),
		runtimeProvided: compilePatterns(data.runtimeProvided, prefixes),
		sanctionedSocketBinds: sanctioned,
		layout: data.boundaryLayout.map((l) => ({ source: substitutePrefixes(l.source, prefixes), dest: l.dest })),
		hostToQm: data.hostToQm.map((h) => ({ host: substitutePrefixes(h.host, prefixes), qm: h.qm })),
		socketSuffixes: data.socketSuffixes,
		deviceAnnotations: data.deviceAnnotations.map((d) => ({ annotation: d.annotation, match: compilePatterns(d.devices, prefixes) })),
	};
	tableCache.set(key, tables);
	return tables;
}

/** Replaces prefix variables in a row's text (reasons mention `${RWETCFS}`). */
export function describeWithPrefixes(text: string, tables: VolumeTables): string {
	return substitutePrefixes(text, tables.prefixes);
}

// ---------------------------------------------------------------------------------------------
// Effective source and read-only state

/** `[Service] Environment=` of a unit: what systemd expands `${VAR}` with in the generated ExecStart. */
export function serviceEnv(unit: QmUnit): Record<string, string> {
	const env: Record<string, string> = {};
	for (const e of unit.view.lookupAll('Service', 'Environment')) {
		for (const w of splitWords(e.entry.value)) {
			const eq = w.indexOf('=');
			if (eq > 0) env[w.slice(0, eq)] = w.slice(eq + 1);
		}
	}
	return env;
}

/**
 * The expanded, normalised source path of a bind mount, or undefined for named/anonymous
 * volumes, relative sources and sources with variables nobody defines (path rules skip those).
 * Variables the model left unexpanded are taken from `[Service] Environment=`; on the QM
 * boundary `${ROOTFS}`/`${RWETCFS}`/`${RWVARFS}` default to the partition prefixes.
 */
export function effectiveSource(model: QmModel, unit: QmUnit, m: QmMount): string | undefined {
	if (m.named || m.source === undefined) return undefined;
	let s = m.source;
	if (s.includes('$')) {
		const prefixes = model.config.prefixes ?? DEFAULT_PREFIXES;
		const defaults: Record<string, string> = unit.domain.domain === 'qm-boundary' ? { ROOTFS: prefixes.rootfs, RWETCFS: prefixes.rwetcfs, RWVARFS: prefixes.rwvarfs } : {};
		const env = { ...defaults, ...unit.env, ...serviceEnv(unit) };
		s = canonicalRun(normalizePath(expandPath(m.rawSource, { userScope: unit.domain.userScope, env })));
	}
	if (s.includes('$')) return undefined;
	if (!s.startsWith('/') && s !== '~') return undefined;
	return s;
}

export function isReadOnly(m: QmMount): boolean {
	return m.options.includes('ro');
}

/** `z` (shared) or `Z` (private) relabelling, if the mount asks for it. */
export function relabelOf(m: QmMount): 'z' | 'Z' | undefined {
	if (m.options.includes('Z')) return 'Z';
	if (m.options.includes('z')) return 'z';
	return undefined;
}

/** The container's effective SELinux type is the wayland stack's. */
export function isWayland(unit: QmUnit): boolean {
	return unit.label.type?.value === 'qm_container_wayland_t';
}

/** Mounts written in the file `path` (a unit file or one of its drop-ins). */
export function mountsIn(unit: QmUnit, path: string): QmMount[] {
	return unit.mounts.filter((m) => m.entry.path === path);
}

// ---------------------------------------------------------------------------------------------
// Deny / caution verdicts

export interface SourceVerdict {
	row: CompiledRow;
	/** The rule that reports this source and its severity; undefined: sanctioned. */
	finding?: { rule: string; severity: Severity };
}

/** The table of a domain: the boundary, nested QM containers, or ASIL. */
export function tableDomain(domain: Domain): VolumeTableDomain | undefined {
	return domain === 'qm-boundary' || domain === 'qm' || domain === 'asil' ? domain : undefined;
}

/** One of qm.container's own `${RWETCFS}:/etc`, `${RWVARFS}:/var`, `${RWVARFS}/tmp:/var/tmp` mounts. */
export function isLayoutMount(tables: VolumeTables, source: string, m: QmMount): boolean {
	const dest = normalizePath(m.dest);
	return tables.layout.some((l) => l.source === source && l.dest === dest);
}

/** First matching row of the domain's table (§4.2), with read-only and wayland adjustments. */
export function classifySource(tables: VolumeTables, domain: Domain, source: string, readOnly: boolean, wayland: boolean): SourceVerdict | undefined {
	const td = tableDomain(domain);
	if (!td) return undefined;
	for (const row of tables.rows[td]) {
		if (!row.match(source)) continue;
		if (readOnly && row.ifReadOnly === 'skip') continue;
		if (readOnly && row.ifReadOnly === 'sanctioned') return { row };
		let finding = row.finding;
		if (!readOnly && row.ifWritable) finding = row.ifWritable;
		if (finding && wayland && row.wayland) finding = { ...finding, severity: row.wayland };
		return finding ? { row, finding } : { row };
	}
	return undefined;
}

/** A mount of a unit with everything the volume rules need about it. */
export interface MountFacts {
	mount: QmMount;
	unit: QmUnit;
	source: string;
	readOnly: boolean;
	/** Boundary layout mount of the partition itself (exempt from the boundary table). */
	layout: boolean;
	verdict: SourceVerdict | undefined;
}

/** Bind mounts of `unit` written in `path`, evaluated against the table of `domain`. */
export function mountFacts(model: QmModel, unit: QmUnit, path: string, domain: Domain): readonly MountFacts[] {
	const tables = volumeTables(model);
	// Several volume rules ask for the same facts; they depend only on the unit (immutable, kept
	// across models), the tables (one per prefix set) and the arguments.
	let perUnit = factsCache.get(unit);
	if (!perUnit) { perUnit = new Map(); factsCache.set(unit, perUnit); }
	const key = `${path}\u0000${domain}`;
	const hit = perUnit.get(key);
	if (hit && hit.tables === tables) return hit.facts;
	const out: MountFacts[] = [];
	for (const m of mountsIn(unit, path)) {
		const source = effectiveSource(model, unit, m);
		if (source === undefined) continue;
		const readOnly = isReadOnly(m);
		const layout = domain === 'qm-boundary' && isLayoutMount(tables, source, m);
		const verdict = layout ? undefined : classifySource(tables, domain, source, readOnly, isWayland(unit));
		out.push({ mount: m, unit, source, readOnly, layout, verdict });
	}
	perUnit.set(key, { tables, facts: out });
	return out;
}

const factsCache = new WeakMap<QmUnit, Map<string, { tables: VolumeTables; facts: readonly MountFacts[] }>>();

// ---------------------------------------------------------------------------------------------
// Socket files

export type SocketEvidence =
	| { kind: 'suffix' | 'well-known' }
	| { kind: 'listen'; unit: QmUnit; ref: QmPathRef }
	| { kind: 'ref'; unit: QmUnit; ref: QmPathRef };

/**
 * Why `source` names a socket file: its name (`.sock`/`.socket`), a well-known socket path, a
 * `.socket` unit of the same systemd listening on it, or a socket path named in some
 * container's `Environment=`/`Exec=` (`SOCKET_PATH=`, `unix:path=`…) in the same domain.
 */
export function socketEvidence(model: QmModel, unit: QmUnit, source: string): SocketEvidence | undefined {
	const tables = volumeTables(model);
	const base = source.slice(source.lastIndexOf('/') + 1);
	const domain = resolutionDomain(unit.domain.domain);
	const index = socketIndex(model);
	const listen = index.listens.get(`${domain}\u0000${source}`);
	if (listen) return { kind: 'listen', unit: listen.unit, ref: listen.ref };
	const own = unit.refs.find((r) => r.socketLike && !r.abstract && r.path === source);
	if (own) return { kind: 'ref', unit, ref: own };
	const ref = index.refs.get(`${domain}\u0000${source}`);
	if (ref) return { kind: 'ref', unit: ref.unit, ref: ref.ref };
	if (tables.socketSuffixes.some((s) => base.endsWith(s) && base.length > s.length)) return { kind: 'suffix' };
	if (tables.wellKnownSockets(source)) return { kind: 'well-known' };
	return undefined;
}

interface SocketIndex {
	listens: Map<string, { unit: QmUnit; ref: QmPathRef }>;
	refs: Map<string, { unit: QmUnit; ref: QmPathRef }>;
}

const socketIndexCache = new WeakMap<QmModel, SocketIndex>();

/** Socket paths by domain, built once per model: who listens on a path, who names it first. */
function socketIndex(model: QmModel): SocketIndex {
	let index = socketIndexCache.get(model) ?? inherit(model, socketIndexCache, (a, b) => !namesSockets(a) && !namesSockets(b));
	if (index) { socketIndexCache.set(model, index); return index; }
	index = { listens: new Map(), refs: new Map() };
	for (const u of model.units) {
		const domain = resolutionDomain(u.domain.domain);
		for (const l of u.listens) {
			const key = `${domain}\u0000${l.path}`;
			if (u.kind === 'socket' && !l.abstract && !index.listens.has(key)) index.listens.set(key, { unit: u, ref: l });
		}
		for (const r of u.refs) {
			const key = `${domain}\u0000${r.path}`;
			if (r.socketLike && !r.abstract && !index.refs.has(key)) index.refs.set(key, { unit: u, ref: r });
		}
	}
	socketIndexCache.set(model, index);
	return index;
}

/** Whether a unit puts anything into the socket index (then a swap of it needs a rebuild). */
function namesSockets(u: QmUnit): boolean {
	return u.listens.length > 0 || u.refs.some((r) => r.socketLike && !r.abstract);
}

/** The qm device annotation whose device set covers `device`, if any (§6.5). */
export function deviceAnnotation(tables: VolumeTables, device: string): string | undefined {
	return tables.deviceAnnotations.find((d) => d.match(device))?.annotation;
}

/** Maps a host path under the partition's prefixes to the path QM sees (`/etc/qm/x` → `/etc/x`). */
export function hostPathInQm(tables: VolumeTables, path: string): { host: string; qm: string; replaceHost: (rawRest: string) => string } | undefined {
	for (const h of tables.hostToQm) {
		if (path === h.host || path.startsWith(h.host + '/')) {
			const rest = path.slice(h.host.length);
			const join = (r: string) => (h.qm === '/' ? (r || '/') : h.qm + r);
			return { host: h.host, qm: join(rest), replaceHost: join };
		}
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------
// Where the pieces of a mount spec are (indices into the entry value)

export interface Span {
	start: number;
	end: number;
}

export interface OptionSpan extends Span {
	/** The whole option/field text (`Z`, `ro`, `relabel=private`). */
	text: string;
	key: string;
	value: string | undefined;
}

export interface MountSpans {
	syntax: 'volume' | 'csv';
	/** The whole spec (`/a:/b:ro`, `type=bind,source=/a,…`). */
	spec: Span;
	source?: Span;
	dest?: Span;
	/** Volume syntax: index of the first option (after the second `:`), -1 without options. */
	optionsStart: number;
	/** Volume syntax: the comma-separated options; csv: every field (type/source/destination too). */
	options: OptionSpan[];
}

function splitWithIndex(text: string, sep: string, base: number): { text: string; start: number }[] {
	const out: { text: string; start: number }[] = [];
	let i = 0;
	for (const part of text.split(sep)) {
		out.push({ text: part, start: base + i });
		i += part.length + sep.length;
	}
	return out;
}

/**
 * Spans of a mount's spec inside its entry value, or undefined when they cannot be located
 * exactly (e.g. a quoted `PodmanArgs=` word): then rules report on the whole value and offer no
 * quick fix.
 */
export function mountSpans(m: QmMount): MountSpans | undefined {
	const value = m.entry.entry.value;
	let start: number;
	let text: string;
	let csv: boolean;
	if (m.via === 'Volume' || m.via === 'Mount') {
		start = 0;
		text = value.trimEnd();
		csv = m.via === 'Mount';
	} else {
		const args = parsePodmanArgs(value);
		const arg = args.find((a) => (a.flag === '-v' || a.flag === '--volume') && m.sourceIndex >= 0 && a.valueIndex === m.sourceIndex)
			?? args.find((a) => a.flag === '--mount' && m.sourceIndex >= a.valueIndex && m.sourceIndex <= a.valueIndex + a.value.length);
		if (!arg || value.slice(arg.valueIndex, arg.valueIndex + arg.value.length) !== arg.value) return undefined;
		start = arg.valueIndex;
		text = arg.value;
		csv = arg.flag === '--mount';
	}
	const spec = { start, end: start + text.length };
	if (csv) {
		const options: OptionSpan[] = splitWithIndex(text, ',', start).map((f) => {
			const eq = f.text.indexOf('=');
			return { text: f.text, start: f.start, end: f.start + f.text.length, key: (eq >= 0 ? f.text.slice(0, eq) : f.text).trim(), value: eq >= 0 ? f.text.slice(eq + 1) : undefined };
		});
		const field = (...keys: string[]): Span | undefined => {
			const f = options.find((o) => keys.includes(o.key) && o.value !== undefined);
			return f ? { start: f.end - (f.value as string).length, end: f.end } : undefined;
		};
		const source = field('source', 'src');
		if (m.sourceIndex >= 0 && source?.start !== m.sourceIndex) return undefined;
		return { syntax: 'csv', spec, source, dest: field('destination', 'target', 'dst'), optionsStart: -1, options };
	}
	const parts = splitWithIndex(text, ':', start);
	if (parts.length === 1) return { syntax: 'volume', spec, dest: { start, end: spec.end }, optionsStart: -1, options: [] };
	const source = { start: parts[0].start, end: parts[0].start + parts[0].text.length };
	if (m.sourceIndex >= 0 && source.start !== m.sourceIndex) return undefined;
	const dest = { start: parts[1].start, end: parts[1].start + parts[1].text.length };
	if (parts.length === 2) return { syntax: 'volume', spec, source, dest, optionsStart: -1, options: [] };
	const optionsStart = parts[2].start;
	const options = splitWithIndex(text.slice(optionsStart - start), ',', optionsStart).map((o) => {
		const eq = o.text.indexOf('=');
		return { text: o.text, start: o.start, end: o.start + o.text.length, key: eq >= 0 ? o.text.slice(0, eq) : o.text, value: eq >= 0 ? o.text.slice(eq + 1) : undefined };
	});
	return { syntax: 'volume', spec, source, dest, optionsStart, options };
}

/** The option span that matches, e.g. the `Z` or the `relabel=private` field. */
export function findOption(spans: MountSpans, pred: (o: OptionSpan) => boolean): OptionSpan | undefined {
	return spans.options.find(pred);
}

export function isRelabelOption(o: OptionSpan): boolean {
	return o.text === 'z' || o.text === 'Z' || (o.key === 'relabel' && o.value !== undefined);
}

export function isChownOption(o: OptionSpan): boolean {
	return o.text === 'U' || o.text === 'U=true' || o.text === 'chown' || o.text === 'chown=true';
}

export function isSharedPropagation(o: OptionSpan): boolean {
	return o.text === 'shared' || o.text === 'rshared' || (o.key === 'bind-propagation' && (o.value === 'shared' || o.value === 'rshared'));
}

/** Value-index range that removes one option together with exactly one separator. */
export function removeOptionRange(spans: MountSpans, option: OptionSpan): Span {
	const list = spans.options;
	const i = list.indexOf(option);
	if (spans.syntax === 'volume' && list.length === 1) return { start: spans.optionsStart - 1, end: option.end };
	if (i > 0) return { start: list[i - 1].end, end: option.end };
	if (list.length === 1) return { start: option.start, end: option.end };
	return { start: option.start, end: list[1].start };
}

/**
 * Value-index edit that makes a mount read-only: `:ro` after the destination, `,ro` after the
 * options (or `rw` → `ro`); for `--mount`/`Mount=` a `,readonly=true` field.
 */
export function readOnlyEdit(spans: MountSpans): Span & { newText: string } | undefined {
	if (spans.syntax === 'csv') {
		const off = spans.options.find((o) => (o.key === 'readonly' || o.key === 'ro') && o.value !== undefined && o.value !== 'true');
		if (off) return { start: off.start, end: off.end, newText: 'readonly=true' };
		return { start: spans.spec.end, end: spans.spec.end, newText: ',readonly=true' };
	}
	if (!spans.dest) return undefined;
	const rw = spans.options.find((o) => o.text === 'rw');
	if (rw) return { start: rw.start, end: rw.end, newText: 'ro' };
	if (spans.optionsStart < 0) return { start: spans.dest.end, end: spans.dest.end, newText: ':ro' };
	return { start: spans.spec.end, end: spans.spec.end, newText: ',ro' };
}

/** Turns value-index edits of a mount's entry into document edits. */
export function toDocumentEdits(m: QmMount, edits: (Span & { newText: string })[]): OffsetEdit[] {
	const e = m.entry.entry;
	return edits.map((x) => ({ start: valueIndexToOffset(e, x.start), end: valueIndexToOffset(e, x.end), newText: x.newText }));
}

/** Document range of a span of a mount's entry value. */
export function documentRange(m: QmMount, span: Span): { start: number; end: number } {
	const e = m.entry.entry;
	return { start: valueIndexToOffset(e, span.start), end: valueIndexToOffset(e, span.end) };
}

/** The key or flag the mount was written with, for messages: `Volume=`, `Mount=`, `PodmanArgs= --volume`. */
export function mountLabel(m: QmMount, spans: MountSpans | undefined): string {
	if (m.via !== 'PodmanArgs') return `${m.via}=`;
	return spans?.syntax === 'csv' ? 'PodmanArgs= --mount' : 'PodmanArgs= --volume';
}

/** The mount as written, for messages: `Volume=/a:/b:ro`, `PodmanArgs= --volume /a:/b`. */
export function mountWritten(m: QmMount, spans: MountSpans | undefined): string {
	return `${mountLabel(m, spans)}${m.via === 'PodmanArgs' ? ' ' : ''}${specText(m, spans)}`;
}

/** The spec as written (`/run/udev:/run/udev:ro,Z`), shortened for messages. */
export function specText(m: QmMount, spans: MountSpans | undefined): string {
	const value = m.entry.entry.value;
	const s = spans ? value.slice(spans.spec.start, spans.spec.end) : value.trim();
	return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

/** "`/run` (from `%t`)" when the written source differs from the expanded one. */
export function sourceText(f: { mount: QmMount; source: string }): string {
	const raw = f.mount.rawSource;
	return normalizePath(raw) === f.source || raw === f.source ? f.source : `${f.source} (written ${raw})`;
}

/** The whole physical line(s) of an entry, for "remove this line" fixes. */
export function entryLinesRange(lines: readonly { start: number; next: number }[], m: QmMount): { start: number; end: number } {
	const e = m.entry.entry;
	return { start: lines[e.firstLine].start, end: lines[e.lastLine].next };
}

/** Where a mount of a file of `domain` goes, for messages. */
export function intoWhere(domain: Domain): string {
	if (domain === 'qm-boundary') return 'into the QM partition';
	if (domain === 'qm') return 'into this nested QM container';
	return 'into this host (ASIL) container';
}

/** Host path of a QM path, when the partition's layout maps it (`/var/tmp` → `/var/qm/tmp`). */
export function qmPathOnHost(tables: VolumeTables, path: string): string | undefined {
	for (const h of tables.hostToQm) {
		if (h.qm === '/') continue;
		if (path === h.qm || path.startsWith(h.qm + '/')) return h.host + path.slice(h.qm.length);
	}
	return undefined;
}

/** Parent directory of an absolute path ("/" for top-level entries). */
export function parentDir(path: string): string {
	const i = path.lastIndexOf('/');
	return i <= 0 ? '/' : path.slice(0, i);
}

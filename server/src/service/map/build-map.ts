/**
 * The QM domain map (issue "Previews"): every unit of the workspace as a node in its domain
 * (host/ASIL, QM boundary, QM partition), with edges for socket activation, [Unit] dependencies
 * (and the implicit ones of quadlet references), shared paths and IPC.
 *
 * Edges come from the QM model (qm/model.ts, qm/ipc-bridge.ts, qm/peers.ts, qm/sockets-index.ts);
 * which of them are illegal comes only from the diagnostics of the crossing rules
 * (`CROSSING_RULES`), so the map and the Problems panel always agree: a rule that is switched
 * off or suppressed leaves no red edge. A finding is put on the edges whose evidence it points
 * at (its own range and a related location); a finding that points at two units with no edge
 * between them gets a new edge, one that names no second unit a dangling edge (`from === to`).
 *
 * Pure: reads only the workspace; diagnostics come from `validateFile` unless the host passes
 * its own (cached) provider.
 */
import { PRIMARY_SECTION } from '../catalog/catalog';
import { domainConfig, validateFile } from '../features/validate';
import { lineAt } from '../parser/cursor-context';
import { valueIndexToOffset } from '../parser/parse-unit';
import type { ViewEntry } from '../model/unit-view';
import { ipcBridge, hostServesBridgePath, pathUses, useRange, type Exposure, type IpcBridge, type PathUse } from '../qm/ipc-bridge';
import { getQmModel, resolutionDomain, type QmModel, type QmUnit } from '../qm/model';
import { isUnder, overlaps } from '../qm/paths';
import { peersOf, type PeerReason, type PeerSite } from '../qm/peers';
import { dependencyWords, isCommonSystemUnit, isSocketServer, providers, providersElsewhere, socketTarget, socketUses } from '../qm/sockets-index';
import type { Diagnostic, RelatedLocation, ServiceOptions } from '../types';
import type { Workspace } from '../workspace/workspace';
import { DOMAIN_ORDER, KIND_ORDER, layoutMap } from './layout';
import type { DomainMap, EdgeKind, MapEdge, MapFinding, MapNode } from './types';

export interface MapOptions {
	/** The settings the diagnostics are computed with (the same object the host validates with). */
	serviceOptions?: ServiceOptions;
	/**
	 * A file of the workspace: the map is limited to the install root it lies under (the folder
	 * holding its etc/, usr/ … tree) and its unit becomes `focus`.
	 */
	focus?: string;
	/** Diagnostics of one file; default `validateFile(workspace, path, serviceOptions)`. */
	diagnostics?: (path: string) => Diagnostic[];
}

/**
 * Rules whose findings are illegal crossings, with the edge kinds a finding may mark and the
 * kind of the edge it gets when no edge of the model matches.
 */
export const CROSSING_RULES: Readonly<Record<string, { kinds: readonly EdgeKind[]; create: EdgeKind }>> = {
	'qm/ipc-asil-qm-outside-bridge': { kinds: ['ipc', 'shared-path'], create: 'ipc' },
	'qm/ipc-bridge-not-mounted-into-qm': { kinds: ['ipc'], create: 'ipc' },
	'qm/ipc-qm-qm-in-bridge': { kinds: ['ipc'], create: 'ipc' },
	'qm/ipc-localhost-crossing': { kinds: ['ipc'], create: 'ipc' },
	'qm/ipc-namespace-shared-host': { kinds: ['ipc'], create: 'ipc' },
	'qm/socket-qm-in-bridge': { kinds: ['ipc'], create: 'ipc' },
	'qm/socket-qm-nested-client': { kinds: ['ipc', 'dependency', 'shared-path'], create: 'ipc' },
	'qm/unit-dep-cross-domain': { kinds: ['dependency'], create: 'dependency' },
	'qm/volume-qm-path-in-asil': { kinds: ['shared-path', 'ipc'], create: 'shared-path' },
};

/** Where a piece of evidence is written: a range of one file. */
interface Site {
	path: string;
	start: number;
	end: number;
}

interface Draft {
	from: QmUnit;
	to: QmUnit;
	kind: EdgeKind;
	labels: string[];
	sites: Site[];
	crossing?: 'within' | 'bridge' | 'illegal';
	findings: (MapFinding & { order: number })[];
	dangling?: boolean;
}

const INSTALL_ROOT = /^(.*?)\/(?:etc\/(?:qm|containers|systemd)|usr\/share\/containers|usr\/lib\/(?:qm|systemd)|run\/(?:containers|systemd)|var\/qm)(?:\/|$)/;

/** The folder an installed tree starts at: "/x/demo" for "/x/demo/etc/qm/containers/systemd/a.container", "" for "/etc/…"; undefined when the path is not at an install path. */
export function installRootOf(path: string): string | undefined {
	const m = INSTALL_ROOT.exec(path);
	return m ? m[1] : undefined;
}

/** Builds the map of the whole workspace (or of the install root of `options.focus`). */
export function buildDomainMap(workspace: Workspace, options: MapOptions = {}): DomainMap {
	const serviceOptions = options.serviceOptions ?? {};
	const model = getQmModel(workspace, domainConfig(workspace, serviceOptions));
	const scope = options.focus !== undefined ? installRootOf(options.focus) : undefined;
	const inScope = (u: QmUnit) => scope === undefined || u.file.path.startsWith(scope + '/');
	const units = model.units.filter(inScope).sort(byUnitOrder);
	const included = new Set(units);

	const drafts = new Builder(model, included);
	activationEdges(drafts, model, units);
	dependencyEdges(drafts, model, units);
	peerEdges(drafts, model, units);
	socketUseEdges(drafts, model, units);
	boundaryEdges(drafts, model, ipcBridge(model), units);

	const diagnostics = options.diagnostics ?? ((p: string) => validateFile(workspace, p, serviceOptions));
	applyFindings(drafts, model, units, diagnostics);

	const nodes = units.map(toNode);
	const edges = drafts.finish();
	const focusUnit = options.focus !== undefined ? model.unitOf(options.focus) : undefined;
	const map: DomainMap = { version: 1, nodes, edges, layout: layoutMap(nodes, edges) };
	if (scope !== undefined) map.scope = scope === '' ? '/' : scope;
	if (focusUnit && included.has(focusUnit)) map.focus = focusUnit.file.path;
	return map;
}

function byUnitOrder(a: QmUnit, b: QmUnit): number {
	return DOMAIN_ORDER.indexOf(a.domain.domain) - DOMAIN_ORDER.indexOf(b.domain.domain)
		|| KIND_ORDER.indexOf(a.kind as MapNode['kind']) - KIND_ORDER.indexOf(b.kind as MapNode['kind'])
		|| cmp(a.fileName, b.fileName) || cmp(a.file.path, b.file.path);
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function toNode(u: QmUnit): MapNode {
	const node: MapNode = {
		id: u.file.path,
		label: u.fileName,
		kind: u.kind as MapNode['kind'],
		domain: u.domain.domain,
		path: u.file.path,
		line: u.file.parsed.sections[0]?.line ?? 0,
	};
	const disabled = u.label.disable && /^(1|yes|true|on)$/i.test(u.label.disable.value);
	if (u.label.type?.value && !disabled) node.label_type = u.label.type.value;
	if (u.label.level?.value && !disabled) node.level = u.label.level.value;
	if (u.virtual) node.virtual = true;
	return node;
}

/** Collects edges; one edge per (from, to, kind), with the labels and evidence of every source merged. */
class Builder {
	private readonly byKey = new Map<string, Draft>();
	/** "from\0to" of every activation and dependency edge. */
	private readonly pairs = { activation: new Set<string>(), dependency: new Set<string>() };

	constructor(readonly model: QmModel, readonly included: ReadonlySet<QmUnit>) {}

	add(from: QmUnit, to: QmUnit, kind: EdgeKind, label: string, sites: Site[]): Draft | undefined {
		if (!this.included.has(from) || !this.included.has(to) || from === to) return undefined;
		const key = `${from.file.path}\u0000${to.file.path}\u0000${kind}`;
		let d = this.byKey.get(key);
		if (!d) {
			d = { from, to, kind, labels: [], sites: [], findings: [] };
			this.byKey.set(key, d);
			if (kind === 'activation' || kind === 'dependency') this.pairs[kind].add(`${from.file.path}\u0000${to.file.path}`);
		}
		if (label && !d.labels.includes(label)) d.labels.push(label);
		d.sites.push(...sites);
		return d;
	}

	/** An edge made for a finding (never merged into the model's edges). */
	addFinding(from: QmUnit, to: QmUnit, kind: EdgeKind, label: string, ruleId: string): Draft {
		const a = from.file.path < to.file.path || from === to ? from : to;
		const b = a === from ? to : from;
		const key = `${a.file.path}\u0000${b.file.path}\u0000${kind}\u0000${ruleId}`;
		let d = this.byKey.get(key);
		if (!d) {
			d = { from, to, kind, labels: [], sites: [], findings: [], crossing: 'illegal', ...(from === to ? { dangling: true } : {}) };
			this.byKey.set(key, d);
		}
		if (label && !d.labels.includes(label)) d.labels.push(label);
		return d;
	}

	all(): Draft[] {
		return [...this.byKey.values()];
	}

	/** True when the two units are linked by socket activation (activation is never a crossing). */
	activationLinked(a: QmUnit, b: QmUnit): boolean {
		return this.linked('activation', a, b) || this.linked('activation', b, a);
	}

	/** An edge of this kind goes from `a` to `b`. */
	linked(kind: 'activation' | 'dependency', a: QmUnit, b: QmUnit): boolean {
		return this.pairs[kind].has(`${a.file.path}\u0000${b.file.path}`);
	}

	finish(): MapEdge[] {
		const edges: MapEdge[] = [];
		for (const d of this.all()) {
			const e: MapEdge = { from: d.from.file.path, to: d.to.file.path, kind: d.kind, label: mergeLabels(d.labels) };
			const illegal = d.findings.length > 0;
			if (illegal) {
				const findings = [...d.findings].sort((x, y) => x.order - y.order);
				e.crossing = 'illegal';
				e.ruleId = findings[0].ruleId;
				e.findings = findings.map(({ order: _order, ...f }) => f);
			} else if (d.kind === 'ipc' || d.kind === 'shared-path') {
				e.crossing = d.crossing ?? (d.from.domain.domain === d.to.domain.domain ? 'within' : 'bridge');
			}
			if (d.dangling) e.dangling = true;
			edges.push(e);
		}
		return edges.sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || EDGE_KINDS.indexOf(a.kind) - EDGE_KINDS.indexOf(b.kind) || cmp(a.ruleId ?? '', b.ruleId ?? '') || cmp(a.label, b.label));
	}
}

const EDGE_KINDS: readonly EdgeKind[] = ['activation', 'dependency', 'ipc', 'shared-path'];

/** Paths: keep the most specific ones (a path that lies above another one is dropped); other labels as they are. */
function mergeLabels(labels: string[]): string {
	const kept = labels.filter((l) => !(l.startsWith('/') && labels.some((o) => o !== l && o.startsWith('/') && isUnder(o, l.replace(/\/+$/, '') || '/'))));
	return [...new Set(kept.map((l) => (l.length > 1 && l.startsWith('/') ? l.replace(/\/+$/, '') : l)))].join(', ');
}

// ---------------------------------------------------------------------------------------------
// Evidence sites.

function fileSite(u: QmUnit): Site {
	return { path: u.file.path, start: 0, end: u.file.text.length };
}

function useSite(u: PathUse): Site {
	return { path: u.entry.path, ...useRange(u) };
}

function peerSite(s: PeerSite): Site {
	return { path: s.path, start: s.start, end: s.end };
}

function entrySite(at: { path: string; entry: { start: number; end: number } }): Site {
	return { path: at.path, start: at.entry.start, end: at.entry.end };
}

/** The whole unit: its file and its drop-ins. */
function unitSites(u: QmUnit): Site[] {
	return [fileSite(u), ...u.view.dropIns.map((d) => ({ path: d.path, start: 0, end: d.parsed.lines.length ? d.parsed.lines[d.parsed.lines.length - 1].next : 0 }))];
}

function hits(s: Site, l: { path: string; start: number; end: number }): boolean {
	return s.path === l.path && s.start <= l.end && l.start <= s.end;
}

// ---------------------------------------------------------------------------------------------
// Edges of the model.

/** socket → the service it starts (Service=, <name>.service, the template for Accept=yes) or that claims it with Sockets=. */
function activationEdges(b: Builder, model: QmModel, units: QmUnit[]): void {
	for (const s of units) {
		if (s.kind !== 'socket') continue;
		const target = socketTarget(model, s);
		const servers = new Set(target.units);
		for (const u of model.units) if (u !== s && resolutionDomain(u.domain.domain) === resolutionDomain(s.domain.domain) && isSocketServer(model, s, u)) servers.add(u);
		const listen = s.listens.find((l) => !l.abstract && l.path.startsWith('/'))?.path ?? s.listens[0]?.entry.entry.value.trim() ?? '';
		for (const u of servers) {
			b.add(s, u, 'activation', listen, [...s.listens.map((l) => entrySite(l.entry)), ...unitSites(u)]);
		}
	}
}

/** [Unit] dependencies (in the unit's own systemd, or in the other one: unit-dep-cross-domain's case) and quadlet references. */
function dependencyEdges(b: Builder, model: QmModel, units: QmUnit[]): void {
	for (const u of units) {
		const domain = u.domain.domain;
		for (const d of dependencyWords(u.view)) {
			if (isCommonSystemUnit(d.name)) continue;
			let targets = providers(model, domain, d.name);
			if (!targets.length && domain !== 'unknown') targets = providersElsewhere(model, domain, d.name);
			const site = { path: d.at.path, start: valueOffset(d.at, d.index), end: valueOffset(d.at, d.index + d.length) };
			for (const t of targets) b.add(u, t, 'dependency', d.key, [site, ...unitSites(t)]);
		}
		for (const r of quadletReferences(u)) {
			for (const t of model.resolve(domain, r.name)) {
				if (t.kind === 'socket' || t.kind === 'service') continue;
				b.add(u, t, 'dependency', `${r.key}=`, [entrySite(r.at), ...unitSites(t)]);
			}
		}
	}
}

/** Offset in the file of a position in an entry's value (through continuation lines). */
function valueOffset(at: ViewEntry, index: number): number {
	return valueIndexToOffset(at.entry, Math.max(0, index));
}

/** Pod=, Volume=/Mount= sources, Network=, Image= that name another quadlet (podman adds Requires=/After= on it). */
function quadletReferences(u: QmUnit): { key: string; name: string; at: { path: string; entry: { start: number; end: number } } }[] {
	const primary = PRIMARY_SECTION[u.kind];
	if (!primary || u.kind === 'socket' || u.kind === 'service') return [];
	const out: { key: string; name: string; at: { path: string; entry: { start: number; end: number } } }[] = [];
	const pod = u.view.last(primary, 'Pod');
	if (pod && /\.pod$/.test(pod.entry.value.trim())) out.push({ key: 'Pod', name: pod.entry.value.trim(), at: pod });
	for (const m of u.mounts) {
		if (m.named && /\.(volume|image|artifact)$/.test(m.rawSource)) out.push({ key: m.via === 'Mount' ? 'Mount' : 'Volume', name: m.rawSource, at: m.entry });
	}
	for (const e of u.view.lookupAll(primary, 'Network')) {
		const name = e.entry.value.trim().split(':')[0];
		if (/\.(network|container)$/.test(name)) out.push({ key: 'Network', name, at: e });
	}
	const image = u.view.last(primary, 'Image');
	if (image && /\.(image|build)$/.test(image.entry.value.trim())) out.push({ key: 'Image', name: image.entry.value.trim(), at: image });
	return out;
}

const IPC_REASONS: ReadonlySet<PeerReason> = new Set(['socket-path', 'run-mount']);

/** IPC peers of one domain (qm/peers.ts): a shared socket or /run directory is IPC, a shared volume or directory a shared path. */
function peerEdges(b: Builder, model: QmModel, units: QmUnit[]): void {
	const seen = new Set<string>();
	for (const u of units) {
		for (const link of peersOf(model, u)) {
			if (!link.evidence.length) continue;
			const pair = [u.file.path, link.peer.file.path].sort().join('\u0000');
			if (seen.has(pair)) continue;
			seen.add(pair);
			const [from, to] = orient(b, u, link.peer);
			for (const ev of link.evidence) {
				b.add(from, to, IPC_REASONS.has(ev.reason) ? 'ipc' : 'shared-path', ev.shared, [peerSite(ev.here), peerSite(ev.there)]);
			}
		}
	}
}

/** Client first: the unit that depends on the other one; else by path. */
function orient(b: Builder, x: QmUnit, y: QmUnit): [QmUnit, QmUnit] {
	const dep = (p: QmUnit, q: QmUnit) => b.linked('dependency', p, q);
	if (dep(x, y) && !dep(y, x)) return [x, y];
	if (dep(y, x) && !dep(x, y)) return [y, x];
	return x.file.path <= y.file.path ? [x, y] : [y, x];
}

/** Units that reach a socket of their own systemd through its path (not the service it starts). */
function socketUseEdges(b: Builder, model: QmModel, units: QmUnit[]): void {
	for (const s of units) {
		if (s.kind !== 'socket') continue;
		const listenSites = s.listens.map((l) => entrySite(l.entry));
		const path = s.listens.find((l) => !l.abstract && l.path.startsWith('/'))?.path ?? '';
		for (const use of socketUses(model, s)) {
			if (use.how !== 'volume' && use.how !== 'path') continue;
			if (isSocketServer(model, s, use.unit)) continue;
			const at = use.index >= 0
				? { path: use.at.path, start: valueOffset(use.at, use.index), end: valueOffset(use.at, use.index + use.length) }
				: entrySite(use.at);
			b.add(use.unit, s, 'ipc', path, [at, ...listenSites]);
		}
	}
}

/**
 * Crossings through the QM boundary: a QM unit that uses a path the effective qm.container binds
 * from the host, to the host units that serve that path (the host socket when there is one), or
 * to the boundary itself when no host unit of the workspace uses it. Through /run/ipc this is the
 * bridge; other binds are marked by qm/ipc-asil-qm-outside-bridge.
 */
function boundaryEdges(b: Builder, model: QmModel, bridge: IpcBridge, units: QmUnit[]): void {
	const hostUnits = model.units.filter((u) => u.domain.domain === 'asil');
	for (const u of units) {
		if (u.domain.domain !== 'qm') continue;
		// The unit's uses per boundary bind (or per /run/ipc when the boundary binds nothing there).
		const groups = new Map<Exposure | undefined, PathUse[]>();
		for (const use of pathUses(u)) {
			const exposures = bridge.exposures.filter((x) => overlaps(use.path, x.qmPath));
			if (!exposures.length && !isUnder(use.path, '/run/ipc')) continue;
			const x = exposures.find((e) => isUnder(use.path, e.qmPath)) ?? exposures[0];
			groups.set(x, [...(groups.get(x) ?? []), use]);
		}
		for (const [x, uses] of groups) {
			// A container that mounts all of /run/ipc but names one socket in it talks to that socket only.
			const named = uses.filter((p) => p.via !== 'mount');
			const evidence = uses.map(useSite);
			const via = x ? [useSite(x.use)] : [];
			for (const use of named.length ? named : uses) {
				const host = x ? (isUnder(use.path, x.qmPath) ? x.hostPath + use.path.slice(x.qmPath.length) : x.hostPath) : use.path;
				const served = isUnder(use.path, '/run/ipc') || (x && isUnder(x.hostPath, '/run/ipc')) ? hostServesBridgePath(bridge, use.path) : hostUsesOf(hostUnits, host);
				const sockets = served.filter((s) => s.via === 'listen');
				const targets = sockets.length ? sockets : served;
				const kind: EdgeKind = use.ref?.socketLike || isUnder(host, '/run') || isUnder(host, '/dev/shm') ? 'ipc' : 'shared-path';
				for (const t of targets) {
					// Every use of the path in the target is evidence, not only the one that picked it.
					const theirs = pathUses(t.unit).filter((p) => overlaps(p.path, host)).map(useSite);
					b.add(u, t.unit, kind, use.path, [...evidence, useSite(t), ...theirs, ...via]);
				}
				if (!targets.length && x) b.add(u, x.unit, kind, use.path, [...evidence, ...via]);
			}
		}
	}
}

/** Host units naming a path that overlaps `host`: their Environment/Exec paths when they name any there, else their mounts. */
function hostUsesOf(hostUnits: QmUnit[], host: string): PathUse[] {
	const out: PathUse[] = [];
	for (const h of hostUnits) {
		const uses = pathUses(h).filter((p) => overlaps(p.path, host));
		const refs = uses.filter((p) => p.via !== 'mount');
		out.push(...(refs.length ? refs : uses));
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Findings of the crossing rules → illegal edges.

function applyFindings(b: Builder, model: QmModel, units: QmUnit[], diagnostics: (path: string) => Diagnostic[]): void {
	const files = new Set<string>();
	for (const u of units) {
		files.add(u.file.path);
		for (const d of u.view.dropIns) files.add(d.path);
	}
	let order = 0;
	for (const path of [...files].sort()) {
		const file = model.workspace.get(path);
		const here = model.unitOf(path);
		if (!file || !here) continue;
		for (const d of diagnostics(path)) {
			const rule = CROSSING_RULES[d.code];
			if (!rule) continue;
			const finding = { ruleId: d.code, severity: d.severity, message: d.message, path, line: lineAt(file.parsed, d.start), order: order++ };
			const at = { path, start: d.start, end: d.end };
			const related = d.related ?? [];
			// Edges of the model whose evidence the finding points at: its own range and a related location.
			const matched = b.all().filter((e) => rule.kinds.includes(e.kind) && !b.activationLinked(e.from, e.to) && matches(e, at, related));
			for (const e of matched) e.findings.push(finding);
			if (matched.length) continue;
			const others = unique(related.map((r) => model.unitOf(r.path)).filter((o): o is QmUnit => o !== undefined && o !== here && b.included.has(o) && !b.activationLinked(here, o)));
			const label = textAt(file.text, d.start, d.end);
			if (!others.length) {
				b.addFinding(here, here, rule.create, label, d.code).findings.push(finding);
				continue;
			}
			for (const o of others) {
				const r = related.find((x) => model.unitOf(x.path) === o);
				const otherFile = r ? model.workspace.get(r.path) : undefined;
				const otherLabel = otherFile && r ? textAt(otherFile.text, r.start, r.end) : '';
				const [from, to] = towardsHost(here, o);
				b.addFinding(from, to, rule.create, pathLike(label) ? label : pathLike(otherLabel) ? otherLabel : label, d.code).findings.push(finding);
			}
		}
	}
}

/** The finding's range hits one evidence site of the edge and a related location hits another (or the finding has none). */
function matches(e: Draft, at: Site, related: readonly RelatedLocation[]): boolean {
	const mine = e.sites.filter((s) => hits(s, at));
	if (!mine.length) return false;
	if (!related.length) return true;
	return related.some((r) => e.sites.some((s) => !mine.includes(s) && hits(s, r)));
}

/** Cross-domain edges made for findings point from the QM side towards the host. */
function towardsHost(a: QmUnit, b: QmUnit): [QmUnit, QmUnit] {
	const rank = (u: QmUnit) => (u.domain.domain === 'qm' ? 0 : u.domain.domain === 'qm-boundary' ? 1 : 2);
	return rank(a) <= rank(b) ? [a, b] : [b, a];
}

function pathLike(s: string): boolean {
	return /^(\/|%t\/|\$\{?\w+\}?\/)/.test(s);
}

/** The diagnosed text as an edge label: first line, without a trailing `:ro`-style suffix, at most 48 characters. */
function textAt(text: string, start: number, end: number): string {
	const t = text.slice(start, end).split(/\r?\n/)[0].trim();
	return t.length > 48 ? t.slice(0, 47) + '…' : t;
}

function unique<T>(xs: T[]): T[] {
	return [...new Set(xs)];
}


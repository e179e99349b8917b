/**
 * Deterministic layout of the domain map (no network, no randomness): regions side by side
 * (host | QM boundary | QM partition | unknown), nodes in rows inside their region.
 *
 * Rows are layers shared by all regions, so a QM client sits level with the host socket it
 * reaches. Layers follow start order: a socket above the service it activates, a unit below the
 * units it depends on, an IPC client below its server (activation arrows point down, dependency
 * and IPC arrows up). Arcs that would close a cycle are ignored, activation and dependency arcs
 * taking precedence over IPC ones. Inside a (region, layer) cell nodes are sorted by kind then
 * name (within a kind, nodes linked to the rows above first and to the rows below last) and wrap
 * into sub-rows of at most `columns` nodes. Node sizes come from label lengths
 * (`textWidth`, DejaVu Sans metrics, the widest common system-ui face on Linux).
 */
import type { Domain } from '../types';
import type { MapEdge, MapLayout, MapNode } from './types';

/** Region order, left to right. */
export const DOMAIN_ORDER: readonly Domain[] = ['asil', 'qm-boundary', 'qm', 'unknown'];
/** Node order inside a region: sockets first, then what they start, then resources. */
export const KIND_ORDER: readonly MapNode['kind'][] = ['socket', 'service', 'container', 'pod', 'kube', 'volume', 'network', 'image', 'build', 'artifact'];

export const TITLE_FONT = 13;
export const SUBTITLE_FONT = 11;
export const EDGE_FONT = 11;
export const NODE_HEIGHT = 44;
const NODE_PAD_X = 14;
const NODE_MIN_WIDTH = 120;
const REGION_PAD = 16;
const REGION_TITLE = 30;
const COLUMN_GAP = 24;
const SUBROW_GAP = 16;
const LAYER_GAP = 58;
const MARGIN = 16;
const MIN_REGION_GAP = 90;
const MAX_REGION_GAP = 260;

export const REGION_TITLES: Record<Domain, string> = {
	asil: 'Host (ASIL)',
	'qm-boundary': 'QM boundary',
	qm: 'QM partition',
	unknown: 'Unknown domain',
};

/** Advance widths of DejaVu Sans in em (printable ASCII); anything else counts as a wide letter. */
const WIDTHS: Record<string, number> = {
	' ': 0.318, '!': 0.4, '"': 0.46, '#': 0.838, $: 0.636, '%': 0.95, '&': 0.78, "'": 0.275, '(': 0.39, ')': 0.39, '*': 0.5, '+': 0.838,
	',': 0.318, '-': 0.361, '.': 0.318, '/': 0.337, ':': 0.337, ';': 0.337, '<': 0.838, '=': 0.838, '>': 0.838, '?': 0.531, '@': 1.0,
	'[': 0.39, '\\': 0.337, ']': 0.39, '^': 0.838, _: 0.5, '`': 0.5, '{': 0.636, '|': 0.337, '}': 0.636, '~': 0.838,
	a: 0.613, b: 0.635, c: 0.55, d: 0.635, e: 0.615, f: 0.352, g: 0.635, h: 0.634, i: 0.278, j: 0.278, k: 0.579, l: 0.278, m: 0.974,
	n: 0.634, o: 0.612, p: 0.635, q: 0.635, r: 0.411, s: 0.521, t: 0.392, u: 0.634, v: 0.592, w: 0.818, x: 0.592, y: 0.592, z: 0.525,
	A: 0.684, B: 0.686, C: 0.698, D: 0.77, E: 0.632, F: 0.575, G: 0.775, H: 0.752, I: 0.295, J: 0.295, K: 0.656, L: 0.557, M: 0.863,
	N: 0.748, O: 0.787, P: 0.603, Q: 0.787, R: 0.695, S: 0.635, T: 0.611, U: 0.732, V: 0.684, W: 0.989, X: 0.685, Y: 0.611, Z: 0.685,
};

/** Estimated width of `text` at `px` (bold about 8 % wider). */
export function textWidth(text: string, px: number, bold = false): number {
	let em = 0;
	for (const ch of text) em += WIDTHS[ch] ?? (/\d/.test(ch) ? 0.636 : 0.7);
	return Math.ceil(em * px * (bold ? 1.08 : 1));
}

/**
 * Second line of a node box: kind, SELinux type and level; for a file name that occurs more
 * than once in the map (a /etc copy of qm.container next to the vendor file), its directory.
 */
export function nodeSubtitle(n: MapNode, duplicates?: ReadonlySet<string>): string {
	const parts: string[] = [n.virtual ? `${n.kind} (drop-ins only)` : n.kind];
	if (duplicates?.has(n.label)) parts.push(shortDir(n.path));
	if (n.label_type) parts.push(n.label_type);
	if (n.level) parts.push(n.level);
	return parts.join(' · ');
}

/** Labels that more than one node has. */
export function duplicateLabels(nodes: readonly MapNode[]): Set<string> {
	const seen = new Set<string>();
	const dup = new Set<string>();
	for (const n of nodes) (seen.has(n.label) ? dup : seen).add(n.label);
	return dup;
}

/** The directory of a unit from its install root on ("/etc/containers/systemd"), else its last three segments. */
function shortDir(path: string): string {
	const dir = path.slice(0, path.lastIndexOf('/')).replace(/\/[^/]+\.d$/, '');
	const m = /\/(?:etc|usr|run|var)\/.*$/.exec(dir);
	const s = m ? m[0] : dir.split('/').slice(-3).join('/');
	return s.length > 40 ? '…' + s.slice(-39) : s;
}

/** What an edge shows as its label: the rule id for an illegal crossing, else its own label. */
export function edgeCaption(e: MapEdge): string {
	return e.crossing === 'illegal' && e.ruleId ? e.ruleId : e.label;
}

export interface LayoutOptions {
	/** Nodes per sub-row of a (region, layer) cell; default: 1 for up to 5 nodes in a region, 2 up to 14, else 3. */
	columns?: number;
}

export function nodeSize(n: MapNode, duplicates?: ReadonlySet<string>): { width: number; height: number } {
	const w = Math.max(textWidth(n.label, TITLE_FONT, true), textWidth(nodeSubtitle(n, duplicates), SUBTITLE_FONT)) + 2 * NODE_PAD_X;
	return { width: Math.max(NODE_MIN_WIDTH, w), height: NODE_HEIGHT };
}

export function layoutMap(nodes: readonly MapNode[], edges: readonly MapEdge[], options: LayoutOptions = {}): MapLayout {
	const sorted = [...nodes].sort(nodeOrder);
	const layer = layers(sorted, edges);
	const domains = DOMAIN_ORDER.filter((d) => sorted.some((n) => n.domain === d));
	const layerCount = Math.max(1, ...sorted.map((n) => layer.get(n.id)! + 1));
	const duplicates = duplicateLabels(sorted);
	const size = new Map(sorted.map((n) => [n.id, nodeSize(n, duplicates)]));
	const domainOf = new Map(sorted.map((n) => [n.id, n.domain]));

	interface Cell { nodes: MapNode[] }
	interface Region { domain: Domain; columns: number; colWidth: number; cells: Cell[] }
	const regions: Region[] = domains.map((domain) => {
		const mine = sorted.filter((n) => n.domain === domain);
		const columns = options.columns ?? (mine.length <= 5 ? 1 : mine.length <= 14 ? 2 : 3);
		const cells: Cell[] = Array.from({ length: layerCount }, () => ({ nodes: [] }));
		for (const n of mine) cells[layer.get(n.id)!].nodes.push(n);
		// Inside a kind, a node linked to the rows above comes first and one linked to the rows
		// below last, so that edges inside the region do not have to pass its neighbours.
		const pull = (n: MapNode) => {
			let p = 0;
			for (const e of edges) {
				const other = e.from === n.id ? e.to : e.to === n.id ? e.from : undefined;
				if (other === undefined || other === n.id || domainOf.get(other) !== domain) continue;
				p += Math.sign(layer.get(other)! - layer.get(n.id)!);
			}
			return p;
		};
		for (const c of cells) {
			const rank = new Map(c.nodes.map((n, i) => [n.id, { i, pull: pull(n) }]));
			c.nodes.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || rank.get(a.id)!.pull - rank.get(b.id)!.pull || rank.get(a.id)!.i - rank.get(b.id)!.i);
		}
		const widest = Math.max(...cells.map((c) => c.nodes.length));
		return { domain, columns: Math.max(1, Math.min(columns, widest)), colWidth: Math.max(...mine.map((n) => size.get(n.id)!.width)), cells };
	});

	// Layer bands: as tall as the tallest cell of that layer in any region.
	const subRows = (r: Region, k: number) => Math.ceil(r.cells[k].nodes.length / r.columns);
	const bandHeight = Array.from({ length: layerCount }, (_, k) => {
		const rows = Math.max(1, ...regions.map((r) => subRows(r, k)));
		return rows * NODE_HEIGHT + (rows - 1) * SUBROW_GAP;
	});
	const top = MARGIN + REGION_TITLE + REGION_PAD;
	const bandTop: number[] = [];
	let y = top;
	for (let k = 0; k < layerCount; k++) {
		bandTop.push(y);
		y += bandHeight[k] + (k < layerCount - 1 ? LAYER_GAP : 0);
	}
	const regionBottom = y + REGION_PAD;

	// Gaps between regions: wide enough for the captions of the edges that cross them.
	const regionIndex = new Map(domains.map((d, i) => [d, i]));
	const gaps = domains.slice(1).map(() => MIN_REGION_GAP);
	for (const e of edges) {
		const a = regionIndex.get(domainOf.get(e.from)!);
		const b = regionIndex.get(domainOf.get(e.to)!);
		if (a === undefined || b === undefined) continue;
		const need = Math.min(MAX_REGION_GAP, textWidth(edgeCaption(e), EDGE_FONT, e.crossing === 'illegal') + 28);
		if (a === b) {
			if (!e.dangling || gaps.length === 0) continue;
			// A dangling stub leaves towards the neighbouring region (the QM side, or the host side from QM).
			const g = a < gaps.length ? a : a - 1;
			gaps[g] = Math.max(gaps[g], need + 40);
			continue;
		}
		const lo = Math.min(a, b);
		const hi = Math.max(a, b);
		const per = hi - lo === 1 ? need : Math.ceil(need / (hi - lo));
		for (let g = lo; g < hi; g++) gaps[g] = Math.max(gaps[g], per);
	}

	const out: MapLayout = { width: 0, height: regionBottom + MARGIN, regions: [], nodes: {} };
	let x = MARGIN;
	regions.forEach((r, i) => {
		const titleWidth = textWidth(REGION_TITLES[r.domain], TITLE_FONT, true) + 2 * REGION_PAD;
		const inner = r.columns * r.colWidth + (r.columns - 1) * COLUMN_GAP;
		const width = Math.max(inner + 2 * REGION_PAD, titleWidth);
		const left = x + (width - inner) / 2;
		out.regions.push({ domain: r.domain, x, y: MARGIN, width, height: regionBottom - MARGIN, title: REGION_TITLES[r.domain] });
		r.cells.forEach((cell, k) => {
			const rows = subRows(r, k);
			// Center the cell's sub-rows in the band.
			const cellHeight = rows * NODE_HEIGHT + (rows - 1) * SUBROW_GAP;
			const y0 = bandTop[k] + (bandHeight[k] - cellHeight) / 2;
			cell.nodes.forEach((n, j) => {
				const row = Math.floor(j / r.columns);
				const inRow = Math.min(r.columns, cell.nodes.length - row * r.columns);
				const col = j % r.columns;
				const s = size.get(n.id)!;
				const rowInner = inRow * r.colWidth + (inRow - 1) * COLUMN_GAP;
				const cx = left + (inner - rowInner) / 2 + col * (r.colWidth + COLUMN_GAP) + r.colWidth / 2;
				out.nodes[n.id] = { x: Math.round(cx - s.width / 2), y: Math.round(y0 + row * (NODE_HEIGHT + SUBROW_GAP)), width: s.width, height: s.height };
			});
		});
		x += width + (i < gaps.length ? gaps[i] : 0);
	});
	out.width = Math.round(x + MARGIN);
	out.height = Math.round(out.height);
	for (const r of out.regions) { r.x = Math.round(r.x); r.width = Math.round(r.width); }
	return out;
}

function nodeOrder(a: MapNode, b: MapNode): number {
	return DOMAIN_ORDER.indexOf(a.domain) - DOMAIN_ORDER.indexOf(b.domain)
		|| KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
		|| (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
		|| (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A dependency edge that only says Before=: the unit with the key starts first. */
function startsFirst(e: MapEdge): boolean {
	return e.label.split(', ').every((k) => k === 'Before');
}

/**
 * Longest-path layers over "must be above" arcs: activation from → to, dependency to → from,
 * IPC/shared path to (server) → from (client). An arc that would close a cycle is skipped.
 */
function layers(nodes: readonly MapNode[], edges: readonly MapEdge[]): Map<string, number> {
	const ids = new Set(nodes.map((n) => n.id));
	const below = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
	const reaches = (from: string, to: string): boolean => {
		const stack = [from];
		const seen = new Set<string>();
		while (stack.length) {
			const v = stack.pop()!;
			if (v === to) return true;
			if (seen.has(v)) continue;
			seen.add(v);
			stack.push(...below.get(v)!);
		}
		return false;
	};
	const priority = (e: MapEdge) => (e.kind === 'activation' ? 0 : e.kind === 'dependency' ? 1 : 2);
	const arcs = [...edges]
		.filter((e) => e.from !== e.to && ids.has(e.from) && ids.has(e.to))
		.sort((a, b) => priority(a) - priority(b) || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0))
		.map((e) => (e.kind === 'activation' || (e.kind === 'dependency' && startsFirst(e)) ? [e.from, e.to] : [e.to, e.from]));
	for (const [upper, lower] of arcs) {
		if (below.get(upper)!.includes(lower) || reaches(lower, upper)) continue;
		below.get(upper)!.push(lower);
	}
	// Longest path from the sources, in a deterministic topological order.
	const indegree = new Map(nodes.map((n) => [n.id, 0]));
	for (const list of below.values()) for (const v of list) indegree.set(v, indegree.get(v)! + 1);
	const layer = new Map(nodes.map((n) => [n.id, 0]));
	const queue = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
	while (queue.length) {
		const v = queue.shift()!;
		for (const w of below.get(v)!) {
			layer.set(w, Math.max(layer.get(w)!, layer.get(v)! + 1));
			indegree.set(w, indegree.get(w)! - 1);
			if (indegree.get(w) === 0) queue.push(w);
		}
	}
	return layer;
}

/**
 * Turns the server's domain map (already laid out) into a flat list of shapes for the webview to
 * draw as SVG: regions, edges (clipped to the node boxes, coloured by crossing), nodes. The
 * webview script only creates elements from this; every text goes in as text, never as markup.
 * Pure: no `vscode` import.
 */
import type { Domain, DomainMap } from './protocol';

export type EdgeClass = 'within' | 'bridge' | 'illegal' | 'plain';

export interface SceneRegion { domain: Domain; x: number; y: number; width: number; height: number; title: string }
export interface SceneNode {
	id: string;
	x: number; y: number; width: number; height: number;
	domain: Domain;
	label: string;
	/** Second line: kind and, when set, SELinux type and level. */
	detail: string;
	/** Tooltip. */
	title: string;
	path: string;
	line: number;
	/** The node of the file the map was asked for. */
	focus: boolean;
	/** Only drop-ins of the unit exist. */
	virtual: boolean;
}
export interface SceneEdge {
	x1: number; y1: number; x2: number; y2: number;
	cls: EdgeClass;
	kind: string;
	/** Text drawn along the edge: the rule id for illegal crossings, else the edge's label. */
	label: string;
	/** Where the label goes (parallel edges stagger their labels so they do not overlap). */
	lx: number;
	ly: number;
	title: string;
}
export interface Scene {
	width: number;
	height: number;
	regions: SceneRegion[];
	edges: SceneEdge[];
	nodes: SceneNode[];
	/** Nodes without a layout box (not drawn). */
	unplaced: string[];
}

interface Box { x: number; y: number; width: number; height: number }

/** Length of the stub drawn for a dangling finding. */
const STUB = 48;
/** Distance between parallel edges of one pair of units. */
const PARALLEL_GAP = 16;
/** How far apart (as a fraction of the edge) the labels of parallel edges sit. */
const LABEL_STAGGER = 0.3;

/** Where the segment from the centre of `box` towards (tx, ty) leaves the box. */
export function clipToBox(box: Box, tx: number, ty: number): { x: number; y: number } {
	const cx = box.x + box.width / 2;
	const cy = box.y + box.height / 2;
	const dx = tx - cx;
	const dy = ty - cy;
	if (dx === 0 && dy === 0) return { x: cx, y: cy };
	const sx = dx === 0 ? Infinity : (box.width / 2) / Math.abs(dx);
	const sy = dy === 0 ? Infinity : (box.height / 2) / Math.abs(dy);
	const s = Math.min(sx, sy, 1);
	return { x: cx + dx * s, y: cy + dy * s };
}

export function edgeClass(crossing: string | undefined): EdgeClass {
	return crossing === 'within' || crossing === 'bridge' || crossing === 'illegal' ? crossing : 'plain';
}

export function buildScene(map: DomainMap): Scene {
	const boxes = map.layout.nodes;
	const nodes: SceneNode[] = [];
	const unplaced: string[] = [];
	for (const n of map.nodes) {
		const b = boxes[n.id];
		if (!b) { unplaced.push(n.id); continue; }
		const detail = [n.kind, n.label_type, n.level].filter((s) => s).join(' · ');
		nodes.push({
			id: n.id, x: b.x, y: b.y, width: b.width, height: b.height, domain: n.domain,
			label: n.label, detail, title: `${n.virtual ? 'drop-ins only: ' : ''}${n.path}:${n.line + 1}`, path: n.path, line: n.line,
			focus: n.id === map.focus, virtual: n.virtual === true,
		});
	}
	const edges: SceneEdge[] = [];
	const pairs = new Map<string, number>();
	for (const e of map.edges) {
		if (e.from !== e.to && boxes[e.from] && boxes[e.to]) {
			const pair = [e.from, e.to].sort().join('\0');
			pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
		}
	}
	const seen = new Map<string, number>();
	for (const e of map.edges) {
		const a = boxes[e.from];
		const b = boxes[e.to];
		if (!a || !b) continue;
		const cls = edgeClass(e.crossing);
		const label = cls === 'illegal' && e.ruleId ? e.ruleId : e.label;
		const what = cls === 'illegal' ? `illegal crossing${e.ruleId ? ` (${e.ruleId})` : ''}` : cls === 'bridge' ? 'through the /run/ipc bridge' : cls === 'within' ? 'within one domain' : e.kind;
		const findings = (e.findings ?? []).map((f) => `\n${f.severity} ${f.ruleId}: ${f.message}`).join('');
		const title = `${e.kind}: ${e.label} — ${what}${findings}`;
		if (e.from === e.to) {
			// A finding that names no second unit: a stub leaving the node to the right.
			if (!e.dangling) continue;
			const y = a.y + a.height / 2;
			edges.push({ x1: a.x + a.width, y1: y, x2: a.x + a.width + STUB, y2: y, cls, kind: e.kind, label, title, lx: a.x + a.width + STUB / 2, ly: y - 4 });
			continue;
		}
		const p = clipToBox(a, b.x + b.width / 2, b.y + b.height / 2);
		const q = clipToBox(b, a.x + a.width / 2, a.y + a.height / 2);
		// Several edges between the same two units are drawn side by side, not on top of each other.
		const pair = [e.from, e.to].sort().join('\0');
		const k = seen.get(pair) ?? 0;
		seen.set(pair, k + 1);
		const rank = k - ((pairs.get(pair) ?? 1) - 1) / 2;
		const shift = rank * PARALLEL_GAP;
		const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
		// The normal of the pair's canonical direction, so both directions shift the same way.
		const sign = e.from < e.to ? 1 : -1;
		const nx = (-(q.y - p.y) / len) * sign * shift;
		const ny = ((q.x - p.x) / len) * sign * shift;
		// Staggered along the pair's canonical direction, so opposite edges do not meet at one point.
		const t = 0.5 + rank * LABEL_STAGGER * sign;
		const x1 = p.x + nx, y1 = p.y + ny, x2 = q.x + nx, y2 = q.y + ny;
		edges.push({ x1, y1, x2, y2, cls, kind: e.kind, label, title, lx: x1 + (x2 - x1) * t, ly: y1 + (y2 - y1) * t - 4 });
	}
	return {
		width: Math.max(map.layout.width, ...edges.map((e) => Math.max(e.x1, e.x2) + 8)),
		height: map.layout.height,
		regions: map.layout.regions.map((r) => ({ ...r })),
		edges,
		nodes,
		unplaced,
	};
}

/**
 * The domain map as one self-contained SVG: no external fonts, images or styles (system-ui),
 * regions, node boxes at their layout positions, edges as curves between box sides, a caption
 * per edge placed where it hits no box and no other caption, and a legend. Deterministic.
 *
 * Colours: activation dark, dependency grey dashed; IPC and shared paths by crossing: within a
 * domain grey, through the /run/ipc bridge green, illegal red with the rule id as caption.
 */
import type { Domain } from '../types';
import { duplicateLabels, edgeCaption, EDGE_FONT, nodeSubtitle, SUBTITLE_FONT, textWidth, TITLE_FONT } from './layout';
import type { DomainMap, MapEdge } from './types';

export interface SvgOptions {
	/** A heading above the map (e.g. the folder it shows). */
	title?: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

const REGION_STYLE: Record<Domain, { fill: string; stroke: string; title: string; node: string }> = {
	asil: { fill: '#eef3fb', stroke: '#a9c0e3', title: '#23446f', node: '#5a7fb5' },
	'qm-boundary': { fill: '#fdf5e4', stroke: '#e6c47f', title: '#6f4c0c', node: '#b88a2c' },
	qm: { fill: '#f4f0fb', stroke: '#c0aee0', title: '#4a3578', node: '#8a6cc4' },
	unknown: { fill: '#f3f4f6', stroke: '#c4c8ce', title: '#4b5159', node: '#8c959f' },
};

export const EDGE_COLORS = {
	activation: '#24292f',
	dependency: '#6e7781',
	within: '#8c959f',
	bridge: '#1a7f37',
	illegal: '#cf222e',
} as const;

type ColorName = keyof typeof EDGE_COLORS;

interface Box { x: number; y: number; width: number; height: number }

const LABEL_H = 15;
const LEGEND_ROW = 26;

export function renderSvg(map: DomainMap, options: SvgOptions = {}): string {
	const { layout } = map;
	const head = options.title ? 34 : 0;
	const legend = legendItems(map);
	// A narrow map gets its legend as a list beside it; a wide one as rows below it.
	const beside = layout.width < 640 && legend.length * LEGEND_ROW + 16 <= layout.height;
	const legendWidth = Math.max(...legend.map((i) => i.width));
	const legendRows = beside ? legend.map((i) => [i]) : wrapLegend(legend, Math.max(layout.width, 560) - 32);
	const width = beside ? layout.width + legendWidth + 24 : Math.max(layout.width, 560);
	const height = head + (beside ? layout.height : layout.height + legendRows.length * LEGEND_ROW + 12);
	const out: string[] = [];
	out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}' font-size="12">`);
	out.push(`<title>${esc(options.title ?? 'QM domain map')}</title>`);
	out.push('<defs>');
	for (const [name, color] of Object.entries(EDGE_COLORS)) {
		out.push(`<marker id="arrow-${name}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`);
	}
	out.push('</defs>');
	out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
	if (options.title) out.push(`<text x="16" y="23" font-size="15" font-weight="600" fill="#24292f">${esc(options.title)}</text>`);
	out.push(`<g transform="translate(0,${head})">`);

	for (const r of layout.regions) {
		const st = REGION_STYLE[r.domain];
		out.push(`<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" rx="10" fill="${st.fill}" stroke="${st.stroke}" stroke-width="1.5"/>`);
		out.push(`<text x="${r.x + 14}" y="${r.y + 21}" font-size="${TITLE_FONT}" font-weight="700" fill="${st.title}">${esc(r.title)}</text>`);
	}

	const boxes = new Map(Object.entries(layout.nodes));
	const nodeBoxes = [...boxes.values()];
	const placed: Box[] = [];
	const edgeSvg: string[] = [];
	const labelSvg: string[] = [];
	const groups = parallelGroups(map.edges);
	const plans = new Map<string, { bend: number; lanes: { x: number; y: number }[] }>();
	const lanesUsed = new Map<number, number[]>();
	// Draw grey edges first, so that green and red ones stay on top.
	const drawOrder = [...map.edges].sort((a, b) => rank(a) - rank(b));
	for (const e of drawOrder) {
		const a = boxes.get(e.from);
		const b = boxes.get(e.to);
		if (!a || !b) continue;
		const color = colorOf(e);
		const style = strokeStyle(e);
		const tip = `${e.kind}${e.crossing ? ` (${e.crossing})` : ''}: ${e.label}${e.findings?.length ? `\n${e.findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n')}` : ''}`;
		if (e.dangling || e.from === e.to) {
			const node = map.nodes.find((n) => n.id === e.from);
			const left = node?.domain === 'qm' || node?.domain === 'unknown';
			const y = a.y + a.height / 2;
			const x0 = left ? a.x : a.x + a.width;
			const x1 = left ? x0 - 46 : x0 + 46;
			edgeSvg.push(`<g><title>${esc(tip)}</title><path d="M${x0},${y} L${x1},${y}" fill="none" stroke="${EDGE_COLORS[color]}" ${style} marker-end="url(#arrow-${color})"/><circle cx="${x1 + (left ? -5 : 5)}" cy="${y}" r="4" fill="none" stroke="${EDGE_COLORS[color]}" stroke-width="1.5"/></g>`);
			const lines = captionLines(e);
			const w = Math.max(...lines.map((l, i) => textWidth(l, EDGE_FONT, i === 0 && e.crossing === 'illegal')));
			const lx = left ? x0 - 8 - w : x0 + 8;
			const box = { x: lx - 2, y: y - 6 - LABEL_H * lines.length, width: w + 4, height: LABEL_H * lines.length + 2 };
			placed.push(box);
			labelSvg.push(label(lines, lx, box.y + 12, EDGE_COLORS[color], e.crossing === 'illegal', 'start'));
			continue;
		}
		const key = pairKey(e);
		const group = groups.get(key)!;
		const index = group.indexOf(e);
		const offset = (index - (group.length - 1) / 2) * 18;
		// One bend for the whole group, so that side-by-side edges never cross each other.
		let plan = plans.get(key);
		if (plan === undefined) {
			const offsets = group.map((_, i) => (i - (group.length - 1) / 2) * 18);
			// Host ↔ QM edges pass the boundary region in a free horizontal lane between its boxes.
			const lanes = lanesBetween(a, b, e, map, lanesUsed);
			plan = lanes.length ? { bend: 0, lanes } : { bend: avoid(a, b, offsets, nodeBoxes.filter((o) => o !== a && o !== b)), lanes };
			plans.set(key, plan);
		}
		const curve = plan.lanes.length ? routeVia(a, b, offset, plan.lanes) : route(a, b, offset, plan.bend);
		// Captions of side-by-side edges go on their outer side, clear of the neighbour line.
		const side = Math.sign(offset);
		// An edge inside one region keeps its caption inside that region.
		const domainOf = (id: string) => map.nodes.find((n) => n.id === id)?.domain;
		const region = domainOf(e.from) === domainOf(e.to) ? layout.regions.find((r) => r.domain === domainOf(e.from)) : undefined;
		const marker = e.kind === 'shared-path' ? '' : ` marker-end="url(#arrow-${color})"`;
		edgeSvg.push(`<path d="${curve.d}" fill="none" stroke="${EDGE_COLORS[color]}" ${style}${marker}><title>${esc(tip)}</title></path>`);
		const lines = captionLines(e);
		if (!lines.length) continue;
		const w = Math.max(...lines.map((l, i) => textWidth(l, EDGE_FONT, i === 0 && e.crossing === 'illegal')));
		const h = LABEL_H * lines.length;
		let best: Box | undefined;
		for (const t of [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82]) {
			const p = curve.at(t);
			const dx = curve.vertical ? side * (w / 2 + 8) : 0;
			const dy = curve.vertical ? 0 : side * (h / 2 + 4);
			const box = { x: p.x + dx - w / 2 - 3, y: p.y + dy - h / 2 - 1, width: w + 6, height: h + 2 };
			if (region) box.x = Math.max(region.x + 4, Math.min(box.x, region.x + region.width - box.width - 4));
			if (![...nodeBoxes, ...placed].some((o) => intersects(o, box))) { best = box; break; }
		}
		if (!best) {
			// No free spot on the curve: next to its midpoint, above or below, whichever is free.
			const p = curve.at(0.5);
			const candidates = [0, -1, 1, -2, 2, -3, 3].map((k) => ({ x: p.x - w / 2 - 3, y: p.y - h / 2 - 1 + k * (h + 4), width: w + 6, height: h + 2 }));
			best = candidates.find((c) => ![...nodeBoxes, ...placed].some((o) => intersects(o, c))) ?? candidates[0];
		}
		placed.push(best);
		labelSvg.push(label(lines, best.x + best.width / 2, best.y + 12, EDGE_COLORS[color], e.crossing === 'illegal', 'middle'));
	}
	out.push(...edgeSvg);

	const duplicates = duplicateLabels(map.nodes);
	for (const n of map.nodes) {
		const b = boxes.get(n.id);
		if (!b) continue;
		const st = REGION_STYLE[n.domain];
		const focus = map.focus === n.id;
		const dash = n.virtual ? ' stroke-dasharray="5 3"' : '';
		out.push(`<g><title>${esc(`${n.path}:${n.line + 1}`)}</title>`);
		out.push(`<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="6" fill="#ffffff" stroke="${st.node}" stroke-width="${focus ? 3 : 1.5}"${dash}/>`);
		out.push(`<text x="${b.x + 14}" y="${b.y + 18}" font-size="${TITLE_FONT}" font-weight="600" fill="#1f2328">${esc(n.label)}</text>`);
		out.push(`<text x="${b.x + 14}" y="${b.y + 34}" font-size="${SUBTITLE_FONT}" fill="#57606a">${esc(nodeSubtitle(n, duplicates))}</text>`);
		out.push('</g>');
	}
	out.push(...labelSvg);
	out.push('</g>');

	// Legend.
	let ly = beside ? head + 18 : head + layout.height + 4;
	for (const row of legendRows) {
		let lx = beside ? layout.width + 8 : 16;
		for (const item of row) {
			out.push(item.draw(lx, ly + 13));
			lx += item.width + 22;
		}
		ly += LEGEND_ROW;
	}
	out.push('</svg>');
	return out.join('\n') + '\n';
}

function rank(e: MapEdge): number {
	return e.crossing === 'illegal' ? 3 : e.crossing === 'bridge' ? 2 : e.kind === 'activation' ? 1 : 0;
}

function colorOf(e: MapEdge): ColorName {
	if (e.crossing === 'illegal') return 'illegal';
	if (e.kind === 'ipc' || e.kind === 'shared-path') return e.crossing === 'bridge' ? 'bridge' : 'within';
	return e.kind === 'activation' ? 'activation' : 'dependency';
}

function strokeStyle(e: MapEdge): string {
	const w = e.kind === 'ipc' ? 2.4 : e.kind === 'shared-path' ? 2.2 : e.kind === 'activation' ? 1.8 : 1.4;
	const dash = e.kind === 'dependency' ? ' stroke-dasharray="6 4"' : e.kind === 'shared-path' ? ' stroke-dasharray="1 5" stroke-linecap="round"' : '';
	return `stroke-width="${e.crossing === 'illegal' ? Math.max(w, 2.4) : w}"${dash}`;
}

/** Caption lines: the rule id (and the path) for an illegal edge, else the label. */
function captionLines(e: MapEdge): string[] {
	const caption = edgeCaption(e);
	const lines = caption ? [caption] : [];
	if (e.crossing === 'illegal' && e.label && e.label !== caption) lines.push(e.label);
	return lines.map((l) => (l.length > 44 ? l.slice(0, 43) + '…' : l));
}

function label(lines: string[], x: number, y: number, color: string, bold: boolean, anchor: 'start' | 'middle'): string {
	const first = color === EDGE_COLORS.within || color === EDGE_COLORS.dependency ? '#57606a' : color;
	return lines.map((l, i) => `<text x="${x}" y="${y + i * LABEL_H}" text-anchor="${anchor}" font-size="${EDGE_FONT}"${bold && i === 0 ? ' font-weight="700"' : ''} fill="${i === 0 ? first : '#57606a'}" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${esc(l)}</text>`).join('');
}

function pairKey(e: MapEdge): string {
	return e.from < e.to ? `${e.from}\u0000${e.to}` : `${e.to}\u0000${e.from}`;
}

/** Edges between the same two nodes, in a stable order, so that they can be drawn side by side. */
function parallelGroups(edges: readonly MapEdge[]): Map<string, MapEdge[]> {
	const groups = new Map<string, MapEdge[]>();
	for (const e of edges) {
		const k = pairKey(e);
		groups.set(k, [...(groups.get(k) ?? []), e]);
	}
	return groups;
}

interface Curve { d: string; vertical: boolean; at(t: number): { x: number; y: number } }

/**
 * A cubic curve from the side of `a` that faces `b` to the facing side of `b`: top/bottom when
 * the boxes overlap horizontally, left/right otherwise. `offset` moves parallel edges apart
 * (`sign` keeps the two directions of a pair on the same side of each other).
 */
function route(a: Box, b: Box, offset: number, bend: number): Curve {
	const acx = a.x + a.width / 2;
	const bcx = b.x + b.width / 2;
	const acy = a.y + a.height / 2;
	const bcy = b.y + b.height / 2;
	const o = offset;
	let p0: { x: number; y: number };
	let p3: { x: number; y: number };
	let c1: { x: number; y: number };
	let c2: { x: number; y: number };
	const vertical = Math.abs(acx - bcx) < (a.width + b.width) / 2 && Math.abs(acy - bcy) > 1;
	if (vertical) {
		const down = bcy > acy;
		p0 = { x: acx + o, y: down ? a.y + a.height : a.y };
		p3 = { x: bcx + o, y: down ? b.y : b.y + b.height };
		const dy = (p3.y - p0.y) * 0.45;
		c1 = { x: p0.x + o * 1.5 + bend, y: p0.y + dy };
		c2 = { x: p3.x + o * 1.5 + bend, y: p3.y - dy };
	} else {
		const right = bcx > acx;
		p0 = { x: right ? a.x + a.width : a.x, y: acy + o };
		p3 = { x: right ? b.x : b.x + b.width, y: bcy + o };
		const dx = (p3.x - p0.x) * 0.45;
		c1 = { x: p0.x + dx, y: p0.y + o * 1.5 + bend };
		c2 = { x: p3.x - dx, y: p3.y + o * 1.5 + bend };
	}
	const r = (n: number) => Math.round(n * 10) / 10;
	return {
		d: `M${r(p0.x)},${r(p0.y)} C${r(c1.x)},${r(c1.y)} ${r(c2.x)},${r(c2.y)} ${r(p3.x)},${r(p3.y)}`,
		vertical,
		at(t: number) {
			const u = 1 - t;
			return {
				x: u * u * u * p0.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * p3.x,
				y: u * u * u * p0.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * p3.y,
			};
		},
	};
}

/**
 * Waypoints for an edge between regions that are not neighbours: one per region in between, at
 * its centre, at the free height (clear of its boxes and of lanes already taken) nearest to the
 * straight line.
 */
function lanesBetween(a: Box, b: Box, e: MapEdge, map: DomainMap, used: Map<number, number[]>): { x: number; y: number }[] {
	const regions = map.layout.regions;
	const regionOf = (id: string) => regions.findIndex((r) => r.domain === map.nodes.find((n) => n.id === id)?.domain);
	const ra = regionOf(e.from);
	const rb = regionOf(e.to);
	if (ra < 0 || rb < 0 || Math.abs(ra - rb) < 2) return [];
	const ax = a.x + a.width / 2;
	const ay = a.y + a.height / 2;
	const bx = b.x + b.width / 2;
	const by = b.y + b.height / 2;
	const out: { x: number; y: number }[] = [];
	const step = ra < rb ? 1 : -1;
	for (let k = ra + step; k !== rb; k += step) {
		const r = regions[k];
		const x = r.x + r.width / 2;
		const want = ay + ((by - ay) * (x - ax)) / (bx - ax);
		const blocked = Object.entries(map.layout.nodes)
			.filter(([id]) => map.nodes.find((n) => n.id === id)?.domain === r.domain)
			.map(([, n]) => [n.y - 16, n.y + n.height + 16] as const);
		const taken = used.get(k) ?? [];
		const top = r.y + 40;
		const bottom = r.y + r.height - 12;
		const free = (y: number) => y >= top && y <= bottom && !blocked.some(([lo, hi]) => y > lo && y < hi) && !taken.some((t) => Math.abs(t - y) < 14);
		let y = want;
		for (let d = 0; d <= r.height; d += 2) {
			if (free(want - d)) { y = want - d; break; }
			if (free(want + d)) { y = want + d; break; }
		}
		used.set(k, [...taken, y]);
		out.push({ x, y });
	}
	return out;
}

/** A smooth path from the side of `a` through the waypoints (horizontal there) to the side of `b`. */
function routeVia(a: Box, b: Box, offset: number, lanes: readonly { x: number; y: number }[]): Curve {
	const right = b.x > a.x;
	const points = [
		{ x: right ? a.x + a.width : a.x, y: a.y + a.height / 2 + offset },
		...lanes.map((w) => ({ x: w.x, y: w.y + offset })),
		{ x: right ? b.x : b.x + b.width, y: b.y + b.height / 2 + offset },
	];
	const segments = points.slice(1).map((end, i) => {
		const start = points[i];
		const half = (end.x - start.x) / 2;
		return [start, { x: start.x + half, y: start.y }, { x: end.x - half, y: end.y }, end];
	});
	const r = (n: number) => Math.round(n * 10) / 10;
	return {
		d: `M${r(points[0].x)},${r(points[0].y)} ` + segments.map(([, c1, c2, e]) => `C${r(c1.x)},${r(c1.y)} ${r(c2.x)},${r(c2.y)} ${r(e.x)},${r(e.y)}`).join(' '),
		vertical: false,
		at(t: number) {
			const n = segments.length;
			const i = Math.min(n - 1, Math.floor(t * n));
			const lt = t * n - i;
			const [p0, c1, c2, p3] = segments[i];
			const u = 1 - lt;
			return {
				x: u * u * u * p0.x + 3 * u * u * lt * c1.x + 3 * u * lt * lt * c2.x + lt * lt * lt * p3.x,
				y: u * u * u * p0.y + 3 * u * u * lt * c1.y + 3 * u * lt * lt * c2.y + lt * lt * lt * p3.y,
			};
		},
	};
}

/** The least bend that takes the curves from `a` to `b` (one per offset) past every other node box (or, failing that, past the most). */
function avoid(a: Box, b: Box, offsets: readonly number[], others: readonly Box[]): number {
	let best: { bend: number; hits: number } | undefined;
	for (const bend of [0, -40, 40, -80, 80, -120, 120, -170, 170, -230, 230]) {
		let hitCount = 0;
		for (const offset of offsets) {
			const curve = route(a, b, offset, bend);
			for (let i = 1; i < 40; i++) {
				const p = curve.at(i / 40);
				if (others.some((o) => p.x > o.x - 6 && p.x < o.x + o.width + 6 && p.y > o.y - 6 && p.y < o.y + o.height + 6)) hitCount++;
			}
		}
		if (hitCount === 0) return bend;
		if (!best || hitCount < best.hits) best = { bend, hits: hitCount };
	}
	return best!.bend;
}

function intersects(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

interface LegendItem { width: number; draw(x: number, y: number): string }

function legendItems(map: DomainMap): LegendItem[] {
	const illegal = map.edges.filter((e) => e.crossing === 'illegal').length;
	const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
	const summary = `${count(map.nodes.length, 'unit')} · ${count(map.edges.length, 'edge')} · ${illegal} illegal`;
	const items: LegendItem[] = [{ width: textWidth(summary, 12, true), draw: (x, y) => `<text x="${x}" y="${y + 4}" font-size="12" font-weight="600" fill="#24292f">${esc(summary)}</text>` }];
	const line = (text: string, color: ColorName, style: string, arrow: boolean): LegendItem => ({
		width: 34 + 6 + textWidth(text, 12),
		draw: (x, y) => `<path d="M${x},${y} L${x + 30},${y}" stroke="${EDGE_COLORS[color]}" ${style} fill="none"${arrow ? ` marker-end="url(#arrow-${color})"` : ''}/><text x="${x + 40}" y="${y + 4}" font-size="12" fill="#24292f">${esc(text)}</text>`,
	});
	items.push(line('socket activation', 'activation', 'stroke-width="1.8"', true));
	items.push(line('[Unit] dependency', 'dependency', 'stroke-width="1.4" stroke-dasharray="6 4"', true));
	items.push(line('IPC within a domain', 'within', 'stroke-width="2.4"', true));
	items.push(line('crossing through /run/ipc (or another sanctioned bind)', 'bridge', 'stroke-width="2.4"', true));
	items.push(line('shared path', 'within', 'stroke-width="2.2" stroke-dasharray="1 5" stroke-linecap="round"', false));
	items.push(line('illegal crossing (rule id)', 'illegal', 'stroke-width="2.4"', true));
	return items;
}

function wrapLegend(items: LegendItem[], width: number): LegendItem[][] {
	const rows: LegendItem[][] = [[]];
	let used = 0;
	for (const it of items) {
		if (used > 0 && used + it.width > width) { rows.push([]); used = 0; }
		rows[rows.length - 1].push(it);
		used += it.width + 22;
	}
	return rows;
}

function esc(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

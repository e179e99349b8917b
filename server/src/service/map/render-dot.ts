/**
 * The domain map as Graphviz dot: one cluster per domain (host, QM boundary, QM partition,
 * unknown), node labels with kind and SELinux label, edges styled like the SVG (activation dark,
 * dependency dashed, IPC/shared paths grey within a domain, green through /run/ipc, red with the
 * rule id when illegal). Dependency and IPC edges are written provider first with dir=back, so
 * that dot ranks a unit below what it needs while the arrow still points at the provider.
 */
import type { Domain } from '../types';
import { DOMAIN_ORDER, duplicateLabels, edgeCaption, nodeSubtitle, REGION_TITLES } from './layout';
import { EDGE_COLORS } from './render-svg';
import type { DomainMap, MapEdge } from './types';

const CLUSTER_STYLE: Record<Domain, { fill: string; stroke: string }> = {
	asil: { fill: '#eef3fb', stroke: '#a9c0e3' },
	'qm-boundary': { fill: '#fdf5e4', stroke: '#e6c47f' },
	qm: { fill: '#f4f0fb', stroke: '#c0aee0' },
	unknown: { fill: '#f3f4f6', stroke: '#c4c8ce' },
};

export function renderDot(map: DomainMap, options: { title?: string } = {}): string {
	const out: string[] = [];
	out.push(`digraph ${q(options.title ?? 'QM domain map')} {`);
	out.push('\tgraph [rankdir=TB, newrank=true, nodesep=0.4, ranksep=0.6, fontname="sans-serif", fontsize=12, labelloc=t];');
	out.push('\tnode [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="sans-serif", fontsize=11];');
	out.push('\tedge [fontname="sans-serif", fontsize=9];');
	if (options.title) out.push(`\tlabel=${q(options.title)};`);
	const duplicates = duplicateLabels(map.nodes);
	for (const domain of DOMAIN_ORDER) {
		const nodes = map.nodes.filter((n) => n.domain === domain);
		if (!nodes.length) continue;
		const st = CLUSTER_STYLE[domain];
		out.push(`\tsubgraph ${q(`cluster_${domain}`)} {`);
		out.push(`\t\tlabel=${q(REGION_TITLES[domain])}; style="rounded,filled"; fillcolor=${q(st.fill)}; color=${q(st.stroke)};`);
		for (const n of nodes) {
			const attrs = [`label=${q(`${n.label}\n${nodeSubtitle(n, duplicates)}`)}`, `tooltip=${q(`${n.path}:${n.line + 1}`)}`];
			if (n.virtual) attrs.push('style="rounded,filled,dashed"');
			if (map.focus === n.id) attrs.push('penwidth=2.5');
			out.push(`\t\t${q(n.id)} [${attrs.join(', ')}];`);
		}
		out.push('\t}');
	}
	let stub = 0;
	for (const e of map.edges) {
		const attrs = edgeAttrs(e);
		if (e.dangling || e.from === e.to) {
			const id = `${e.from}#dangling-${stub++}`;
			out.push(`\t${q(id)} [shape=point, width=0.08, color=${q(EDGE_COLORS.illegal)}, label=""];`);
			out.push(`\t${q(e.from)} -> ${q(id)} [${attrs.join(', ')}];`);
			continue;
		}
		if (e.kind === 'activation') out.push(`\t${q(e.from)} -> ${q(e.to)} [${attrs.join(', ')}];`);
		else out.push(`\t${q(e.to)} -> ${q(e.from)} [${[...attrs, 'dir=back'].join(', ')}];`);
	}
	out.push('}');
	return out.join('\n') + '\n';
}

function edgeAttrs(e: MapEdge): string[] {
	const illegal = e.crossing === 'illegal';
	const color = illegal ? EDGE_COLORS.illegal
		: e.kind === 'ipc' || e.kind === 'shared-path' ? (e.crossing === 'bridge' ? EDGE_COLORS.bridge : EDGE_COLORS.within)
			: e.kind === 'activation' ? EDGE_COLORS.activation : EDGE_COLORS.dependency;
	const style = e.kind === 'dependency' ? 'dashed' : e.kind === 'shared-path' ? 'dotted' : 'solid';
	const width = e.kind === 'ipc' || e.kind === 'shared-path' || illegal ? 2 : 1.2;
	const label = illegal && e.ruleId && e.label ? `${edgeCaption(e)}\n${e.label}` : edgeCaption(e);
	const attrs = [`color=${q(color)}`, `fontcolor=${q(illegal ? EDGE_COLORS.illegal : '#57606a')}`, `style=${style}`, `penwidth=${width}`, `label=${q(label)}`];
	if (e.kind === 'shared-path') attrs.push('arrowhead=none', 'arrowtail=none');
	if (e.findings?.length) attrs.push(`tooltip=${q(e.findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n'))}`);
	return attrs;
}

/** A dot quoted string: backslashes and quotes escaped, newlines as \n. */
function q(s: string): string {
	return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

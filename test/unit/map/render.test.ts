import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { buildDomainMap } from '../../../server/src/service/map/build-map';
import { layoutMap } from '../../../server/src/service/map/layout';
import { renderDot } from '../../../server/src/service/map/render-dot';
import { renderSvg } from '../../../server/src/service/map/render-svg';
import type { DomainMap, MapEdge, MapNode } from '../../../server/src/service/map/types';
import { Workspace } from '../../../server/src/service/workspace/workspace';
import { readTree } from '../../helpers/tree';

function mapOf(scenario: string): DomainMap {
	const ws = new Workspace();
	for (const [p, text] of Object.entries(readTree(`map/${scenario}`))) ws.set(p, text);
	return buildDomainMap(ws);
}

/** Tags balance (a small well-formedness check without an XML parser). */
function assertBalanced(svg: string): void {
	const stack: string[] = [];
	for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
		if (m[3]) continue;
		if (m[1]) assert.equal(stack.pop(), m[2], `closing </${m[2]}>`);
		else stack.push(m[2]);
	}
	assert.deepEqual(stack, []);
	assert.ok(!/&(?!amp;|lt;|gt;|quot;|#\d+;)/.test(svg), 'ampersands escaped');
}

test('SVG: self-contained, system-ui, one box per node, red edges captioned with the rule id, legend', () => {
	const map = mapOf('illegal-run');
	const svg = renderSvg(map, { title: 'illegal-run' });
	assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/);
	assertBalanced(svg);
	assert.match(svg, /font-family='system-ui,/);
	assert.equal((svg.match(/https?:\/\//g) ?? []).length, 1, 'no URL but the SVG namespace');
	assert.ok(!/<image|<link|@import|@font-face|xlink:href|href=/.test(svg), 'no external resources');
	assert.equal((svg.match(/<rect [^>]*fill="#ffffff" stroke=/g) ?? []).length, map.nodes.length);
	for (const n of map.nodes) assert.ok(svg.includes(`>${n.label}</text>`));
	assert.match(svg, /font-weight="700" fill="#cf222e"[^>]*>qm\/ipc-asil-qm-outside-bridge<\/text>/);
	assert.match(svg, />qm\/unit-dep-cross-domain<\/text>/);
	assert.match(svg, /stroke="#cf222e"/);
	for (const t of ['socket activation', '[Unit] dependency', 'IPC within a domain', 'crossing through /run/ipc (or another sanctioned bind)', 'illegal crossing (rule id)', '3 units · 2 edges · 2 illegal']) assert.ok(svg.includes(esc(t)), t);
	assert.equal(svg, renderSvg(map, { title: 'illegal-run' }), 'deterministic');
});

test('SVG: bridge edges are green, edges within a domain grey, a dangling edge is a stub', () => {
	const bridge = renderSvg(mapOf('bridge'));
	assert.match(bridge, /<path d="M[^"]+" fill="none" stroke="#1a7f37"/);
	assert.ok(!/<path d="M[^"]+" fill="none" stroke="#cf222e"/.test(bridge));
	const peers = renderSvg(mapOf('qm-peers'));
	assert.match(peers, /<path d="M[^"]+" fill="none" stroke="#8c959f" stroke-width="2.4"/);
	assert.match(peers, /stroke-dasharray="1 5"/, 'shared path dotted');

	const node = (id: string, domain: MapNode['domain']): MapNode => ({ id, label: `${id.slice(1)} & <x>.container`, kind: 'container', domain, path: id, line: 0 });
	const nodes = [node('/b', 'qm-boundary'), node('/q', 'qm')];
	const edges: MapEdge[] = [{ from: '/b', to: '/b', kind: 'ipc', crossing: 'illegal', ruleId: 'qm/ipc-asil-qm-outside-bridge', label: '/run/"x"', dangling: true }];
	const svg = renderSvg({ version: 1, nodes, edges, layout: layoutMap(nodes, edges) });
	assertBalanced(svg);
	assert.ok(svg.includes('b &amp; &lt;x&gt;.container'));
	assert.ok(svg.includes('/run/&quot;x&quot;'));
	assert.match(svg, /<circle /);
});

test('dot: a cluster per domain, node labels, styled edges, illegal ones red with the rule id', () => {
	const dot = renderDot(mapOf('illegal-run'), { title: 'illegal "run"' });
	assert.match(dot, /^digraph "illegal \\"run\\"" \{\n/);
	assert.match(dot, /subgraph "cluster_asil" \{\n\t\tlabel="Host \(ASIL\)";/);
	assert.match(dot, /subgraph "cluster_qm-boundary"/);
	assert.match(dot, /subgraph "cluster_qm" \{/);
	assert.match(dot, /"\/etc\/qm\/containers\/systemd\/cluster-ui.container" \[label="cluster-ui.container\\ncontainer"/);
	// Dependencies are written provider first with dir=back (dot ranks the provider above).
	assert.match(dot, /"\/etc\/containers\/systemd\/vehicle-state.container" -> "\/etc\/qm\/containers\/systemd\/cluster-ui.container" \[color="#cf222e", fontcolor="#cf222e", style=dashed, penwidth=2, label="qm\/unit-dep-cross-domain\\nRequires, After"/);
	assert.match(dot, /label="qm\/ipc-asil-qm-outside-bridge\\n\/run\/vehicle\/state.sock"/);
	assert.ok(dot.trimEnd().endsWith('}'));

	const activated = renderDot(mapOf('socket-activated'));
	assert.match(activated, /"\/etc\/systemd\/system\/diag.socket" -> "\/etc\/containers\/systemd\/diag.container" \[color="#24292f"/);
});

test('dot output is accepted by Graphviz (when dot is installed)', (t) => {
	const probe = spawnSync('dot', ['-V'], { encoding: 'utf8' });
	if (probe.error || probe.status !== 0) { t.skip('Graphviz dot is not installed'); return; }
	for (const s of ['bridge', 'illegal-run', 'qm-peers', 'socket-activated', 'qm-socket-client']) {
		const r = spawnSync('dot', ['-Tsvg'], { input: renderDot(mapOf(s)), encoding: 'utf8' });
		assert.equal(r.status, 0, `${s}: ${r.stderr}`);
		assert.equal(r.stderr, '', s);
	}
});

function esc(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

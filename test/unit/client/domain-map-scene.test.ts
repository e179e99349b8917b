import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildScene, clipToBox, edgeClass } from '../../../client/src/domain-map-scene';
import { DomainMapSchema, type DomainMap } from '../../../client/src/protocol';

const MAP: DomainMap = {
	version: 1,
	nodes: [
		{ id: '/etc/systemd/system/telemetry.socket', label: 'telemetry.socket', kind: 'socket', domain: 'asil', path: '/etc/systemd/system/telemetry.socket', line: 0 },
		{ id: '/etc/qm/containers/systemd/client.container', label: 'client.container', kind: 'container', domain: 'qm', path: '/etc/qm/containers/systemd/client.container', line: 4, label_type: 'qm_container_ipc_t', level: 's0' },
		{ id: '/etc/qm/containers/systemd/leak.container', label: 'leak.container', kind: 'container', domain: 'qm', path: '/etc/qm/containers/systemd/leak.container', line: 0 },
		{ id: '/nowhere.container', label: 'nowhere.container', kind: 'container', domain: 'unknown', path: '/nowhere.container', line: 0 },
	],
	edges: [
		{ from: '/etc/systemd/system/telemetry.socket', to: '/etc/qm/containers/systemd/client.container', kind: 'ipc', crossing: 'bridge', label: '/run/ipc/telemetry.sock' },
		{ from: '/etc/systemd/system/telemetry.socket', to: '/etc/qm/containers/systemd/leak.container', kind: 'shared-path', crossing: 'illegal', ruleId: 'qm/ipc-asil-qm-outside-bridge', label: '/run/leak' },
		{ from: '/etc/qm/containers/systemd/client.container', to: '/etc/qm/containers/systemd/leak.container', kind: 'dependency', crossing: 'within', label: 'After=' },
		{ from: '/etc/qm/containers/systemd/client.container', to: '/nowhere.container', kind: 'dependency', label: 'Wants=' },
	],
	layout: {
		width: 800, height: 400,
		regions: [{ domain: 'asil', x: 0, y: 0, width: 300, height: 400, title: 'Host (ASIL)' }, { domain: 'qm', x: 400, y: 0, width: 400, height: 400, title: 'QM partition' }],
		nodes: {
			'/etc/systemd/system/telemetry.socket': { x: 50, y: 50, width: 100, height: 40 },
			'/etc/qm/containers/systemd/client.container': { x: 450, y: 50, width: 100, height: 40 },
			'/etc/qm/containers/systemd/leak.container': { x: 450, y: 250, width: 100, height: 40 },
		},
	},
};

test('the contract schema accepts the map and rejects broken answers', () => {
	assert.equal(DomainMapSchema.safeParse(MAP).success, true);
	assert.equal(DomainMapSchema.safeParse({ ...MAP, version: 2 }).success, false);
	assert.equal(DomainMapSchema.safeParse({ ...MAP, nodes: [{ ...MAP.nodes[0], line: -1 }] }).success, false);
	assert.equal(DomainMapSchema.safeParse({ ...MAP, layout: { ...MAP.layout, width: Number.NaN } }).success, false);
	assert.equal(DomainMapSchema.safeParse({ ...MAP, edges: [{ ...MAP.edges[0], crossing: 'sideways' }] }).success, false);
	assert.equal(DomainMapSchema.safeParse(null).success, false);
});

test('edges are clipped to the node boxes and coloured by crossing; illegal ones carry the rule id', () => {
	const s = buildScene(MAP);
	assert.equal(s.width, 800);
	assert.deepEqual(s.regions.map((r) => r.title), ['Host (ASIL)', 'QM partition']);
	assert.deepEqual(s.unplaced, ['/nowhere.container']);
	assert.deepEqual(s.nodes.map((n) => [n.label, n.detail, n.title]), [
		['telemetry.socket', 'socket', '/etc/systemd/system/telemetry.socket:1'],
		['client.container', 'container · qm_container_ipc_t · s0', '/etc/qm/containers/systemd/client.container:5'],
		['leak.container', 'container', '/etc/qm/containers/systemd/leak.container:1'],
	]);
	assert.deepEqual(s.edges.map((e) => [e.cls, e.label]), [
		['bridge', '/run/ipc/telemetry.sock'],
		['illegal', 'qm/ipc-asil-qm-outside-bridge'],
		['within', 'After='],
	]);
	const bridge = s.edges[0];
	assert.deepEqual([bridge.x1, bridge.y1, bridge.x2, bridge.y2], [150, 70, 450, 70]);
	assert.match(s.edges[1].title, /illegal crossing \(qm\/ipc-asil-qm-outside-bridge\)/);
});

test('the focused node is marked; a dangling finding is a stub with its rule id and messages', () => {
	const s = buildScene({
		...MAP,
		focus: '/etc/qm/containers/systemd/client.container',
		nodes: MAP.nodes.map((n) => (n.id.endsWith('leak.container') ? { ...n, virtual: true } : n)),
		edges: [{
			from: '/etc/qm/containers/systemd/leak.container', to: '/etc/qm/containers/systemd/leak.container', kind: 'shared-path', crossing: 'illegal',
			ruleId: 'qm/volume-host-path-in-qm', label: '/run/x', dangling: true,
			findings: [{ ruleId: 'qm/volume-host-path-in-qm', severity: 'error', message: 'host path in QM', path: '/etc/qm/containers/systemd/leak.container', line: 3 }],
		}],
	});
	assert.deepEqual(s.nodes.filter((n) => n.focus).map((n) => n.label), ['client.container']);
	assert.deepEqual(s.nodes.filter((n) => n.virtual).map((n) => n.label), ['leak.container']);
	assert.match(s.nodes.find((n) => n.virtual)!.title, /^drop-ins only: /);
	assert.equal(s.edges.length, 1);
	const stub = s.edges[0];
	assert.deepEqual([stub.x1, stub.y1, stub.x2, stub.y2, stub.cls, stub.label, stub.lx, stub.ly], [550, 270, 598, 270, 'illegal', 'qm/volume-host-path-in-qm', 574, 266]);
	assert.match(stub.title, /\nerror qm\/volume-host-path-in-qm: host path in QM$/);
	// A self-edge that is not dangling is not drawn.
	assert.equal(buildScene({ ...MAP, edges: [{ ...MAP.edges[0], to: MAP.edges[0].from }] }).edges.length, 0);
});

test('edges between the same two units are drawn side by side', () => {
	const [a, b] = [MAP.nodes[0].id, MAP.nodes[1].id];
	const s = buildScene({ ...MAP, edges: [
		{ from: a, to: b, kind: 'activation', label: 'one' },
		{ from: b, to: a, kind: 'dependency', label: 'two' },
	] });
	// Horizontal pair at y = 70: one edge above, one below, 16 px apart.
	assert.deepEqual(s.edges.map((e) => [e.y1, e.y2]), [[78, 78], [62, 62]]);
	assert.deepEqual(s.edges.map((e) => [e.x1, e.x2]), [[150, 450], [450, 150]]);
	// Their labels are staggered along the edge, not stacked at the middle.
	assert.deepEqual(s.edges.map((e) => [e.lx, e.ly]), [[345, 74], [255, 58]]);
});

test('clipping and classes', () => {
	const box = { x: 0, y: 0, width: 100, height: 40 };
	assert.deepEqual(clipToBox(box, 50, 500), { x: 50, y: 40 });
	assert.deepEqual(clipToBox(box, 1000, 20), { x: 100, y: 20 });
	assert.deepEqual(clipToBox(box, 50, 20), { x: 50, y: 20 });
	assert.equal(edgeClass(undefined), 'plain');
	assert.equal(edgeClass('illegal'), 'illegal');
	assert.equal(edgeClass('<script>'), 'plain');
});

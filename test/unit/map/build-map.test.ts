import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDomainMap, CROSSING_RULES, installRootOf } from '../../../server/src/service/map/build-map';
import type { DomainMap, MapEdge } from '../../../server/src/service/map/types';
import { validateFile } from '../../../server/src/service/features/validate';
import type { ServiceOptions } from '../../../server/src/service/types';
import { Workspace } from '../../../server/src/service/workspace/workspace';
import { readTree } from '../../helpers/tree';

const name = (id: string) => id.slice(id.lastIndexOf('/') + 1);

/** The map of one fixture tree under test/fixtures/map/. */
function mapOf(scenario: string, options: ServiceOptions = {}, extra: Record<string, string> = {}): { map: DomainMap; ws: Workspace } {
	const ws = new Workspace();
	for (const [p, text] of Object.entries({ ...readTree(`map/${scenario}`), ...extra })) ws.set(p, text);
	return { map: buildDomainMap(ws, { serviceOptions: options }), ws };
}

/** "kind from -> to [crossing ruleId] label", file names only: comparable sets. */
function edgeLines(map: DomainMap): string[] {
	const label = (id: string) => map.nodes.find((n) => n.id === id)?.label ?? name(id);
	return map.edges.map((e) => `${e.kind} ${label(e.from)} -> ${label(e.to)}${e.crossing ? ` ${e.crossing}` : ''}${e.ruleId ? ` ${e.ruleId}` : ''} "${e.label}"`).sort();
}

function nodeLines(map: DomainMap): string[] {
	return map.nodes.map((n) => `${n.domain} ${n.kind} ${n.label}${n.label_type ? ` ${n.label_type}` : ''}${n.level ? ` ${n.level}` : ''}${n.virtual ? ' virtual' : ''}`);
}

test('bridge done right: host socket and ipc_t server, boundary drop-in, QM client; green crossings, nothing illegal', () => {
	const { map } = mapOf('bridge');
	assert.deepEqual(nodeLines(map), [
		'asil socket gnss.socket',
		'asil container gnss.container ipc_t s0',
		'qm-boundary container qm.container virtual',
		'qm container navigation.container qm_container_ipc_t',
	]);
	assert.deepEqual(edgeLines(map), [
		'activation gnss.socket -> gnss.container "/run/ipc/gnss.sock"',
		'dependency gnss.container -> gnss.socket "Requires, After"',
		'dependency qm.container -> gnss.socket "Wants, After"',
		'ipc navigation.container -> gnss.socket bridge "/run/ipc/gnss.sock"',
		'ipc qm.container -> gnss.socket bridge "/run/ipc/gnss.sock"',
	]);
	const boundary = map.nodes.find((n) => n.label === 'qm.container')!;
	assert.equal(boundary.id, '/etc/containers/systemd/qm.container.d/10-ipc.conf', 'a drop-in-only unit is known by its first drop-in');
	assert.equal(map.nodes.find((n) => n.label === 'gnss.container')!.line, 0);
	assert.equal(map.scope, undefined);
});

test('illegal /run crossing: red edges carry the rule ids, every finding of the Problems panel is on an edge', () => {
	const { map, ws } = mapOf('illegal-run');
	assert.deepEqual(edgeLines(map), [
		'dependency cluster-ui.container -> vehicle-state.container illegal qm/unit-dep-cross-domain "Requires, After"',
		'ipc cluster-ui.container -> vehicle-state.container illegal qm/ipc-asil-qm-outside-bridge "/run/vehicle/state.sock"',
	]);
	const ipc = map.edges.find((e) => e.kind === 'ipc')!;
	// The boundary bind, the host server's two uses and the QM client's two uses: one crossing.
	assert.deepEqual(ipc.findings!.map((f) => `${name(f.path)}:${f.line}`).sort(), ['20-vehicle.conf:1', 'cluster-ui.container:8', 'cluster-ui.container:9', 'vehicle-state.container:6', 'vehicle-state.container:7']);
	assert.ok(ipc.findings!.every((f) => f.ruleId === 'qm/ipc-asil-qm-outside-bridge' && f.severity === 'error' && f.message.includes('/run/ipc')));

	// Agreement: each crossing-rule diagnostic of each file is a finding of some edge, and back.
	const fromDiagnostics = new Set<string>();
	for (const f of ws.all()) {
		for (const d of validateFile(ws, f.path)) if (CROSSING_RULES[d.code]) fromDiagnostics.add(`${d.code} ${f.path} ${d.message}`);
	}
	const onEdges = new Set(map.edges.flatMap((e) => e.findings ?? []).map((f) => `${f.ruleId} ${f.path} ${f.message}`));
	assert.deepEqual([...onEdges].sort(), [...fromDiagnostics].sort());
	assert.ok(fromDiagnostics.size >= 7);
});

test('the map follows the rule settings and suppression comments, like the Problems panel', () => {
	const off = mapOf('illegal-run', { rules: { 'qm/ipc-asil-qm-outside-bridge': 'off' } }).map;
	const ipc = off.edges.find((e) => e.kind === 'ipc')!;
	assert.equal(ipc.ruleId, undefined);
	assert.equal(ipc.crossing, 'bridge', 'a crossing no rule objects to is drawn as a sanctioned one');
	assert.equal(off.edges.find((e) => e.kind === 'dependency')!.ruleId, 'qm/unit-dep-cross-domain');

	const client = readTree('map/illegal-run')['/etc/qm/containers/systemd/cluster-ui.container'];
	const suppressed = mapOf('illegal-run', {}, { '/etc/qm/containers/systemd/cluster-ui.container': `# qm-quadlet-disable qm/unit-dep-cross-domain\n${client}` }).map;
	const dep = suppressed.edges.find((e) => e.kind === 'dependency')!;
	assert.equal(dep.crossing, undefined);
	assert.equal(dep.ruleId, undefined);
	assert.equal(suppressed.edges.find((e) => e.kind === 'ipc')!.ruleId, 'qm/ipc-asil-qm-outside-bridge');
});

test('QM↔QM peers: a shared /run directory is IPC within the domain, a shared volume a shared path', () => {
	const { map } = mapOf('qm-peers');
	assert.ok(map.nodes.every((n) => n.domain === 'qm'));
	assert.deepEqual(edgeLines(map), [
		'dependency media-indexer.container -> media.volume "Volume="',
		'dependency radio-ui.container -> radio.container "Requires, After"',
		'dependency radio.container -> media.volume "Volume="',
		'ipc radio-ui.container -> radio.container within "/run/radio/radio.sock"',
		'shared-path media-indexer.container -> radio.container within "media"',
	]);
	assert.ok(map.edges.every((e) => e.crossing !== 'illegal'));
	assert.equal(map.nodes.find((n) => n.label === 'radio.container')!.level, 's0:c3,c9');
});

test('socket-activated container: activation edge from the socket, its own Requires= is not a crossing', () => {
	const { map } = mapOf('socket-activated');
	assert.deepEqual(edgeLines(map), [
		'activation diag.socket -> diag.container "/run/diag/diag.sock"',
		'dependency diag-store.container -> diag-db.volume "Volume="',
		'dependency diag-store.container -> diag.container "Before"',
		'dependency diag.container -> diag.socket "Requires, After"',
	]);
	assert.deepEqual(map.nodes.map((n) => n.kind), ['socket', 'container', 'container', 'volume'], 'sorted by kind, then name');
});

test('a QM systemd socket used by a nested client: only the client edge is red, not the activation of its server', () => {
	const { map } = mapOf('qm-socket-client');
	assert.deepEqual(edgeLines(map), [
		'activation sensor_hub.socket -> sensor_hub.container "/run/sensors/hub.sock"',
		'dependency sensor_hub.container -> sensor_hub.socket "Requires, After"',
		'ipc dashboard.container -> sensor_hub.socket illegal qm/socket-qm-nested-client "/run/sensors/hub.sock"',
	]);
});

test('a finding that names no second unit becomes a dangling edge on its unit', () => {
	const ws = new Workspace();
	ws.set('/etc/containers/systemd/qm.container.d/20-asil.conf', '[Container]\nVolume=/run/asilservice:/run/asilservice\n');
	ws.set('/etc/qm/containers/systemd/app.container', '[Container]\nImage=registry.example.com/a/app:1\n');
	const map = buildDomainMap(ws);
	assert.equal(map.edges.length, 1);
	const e: MapEdge = map.edges[0];
	assert.equal(e.from, '/etc/containers/systemd/qm.container.d/20-asil.conf');
	assert.equal(e.to, e.from);
	assert.equal(e.dangling, true);
	assert.equal(e.crossing, 'illegal');
	assert.equal(e.ruleId, 'qm/ipc-asil-qm-outside-bridge');
	assert.equal(e.label, '/run/asilservice');
});

test('focus: the map of the install tree a file lies in, with its node marked', () => {
	const ws = new Workspace();
	for (const [p, text] of Object.entries(readTree('map/illegal-run'))) ws.set(`/work/car1${p}`, text);
	for (const [p, text] of Object.entries(readTree('map/qm-peers'))) ws.set(`/work/car2${p}`, text);
	assert.equal(buildDomainMap(ws).nodes.length, 7);
	const focus = '/work/car2/etc/qm/containers/systemd/radio-ui.container';
	const map = buildDomainMap(ws, { focus });
	assert.equal(map.scope, '/work/car2');
	assert.equal(map.focus, focus);
	assert.equal(map.nodes.length, 4);
	assert.ok(map.nodes.every((n) => n.id.startsWith('/work/car2/')));
	assert.ok(map.edges.every((e) => e.from.startsWith('/work/car2/') && e.to.startsWith('/work/car2/')));
	// A drop-in focuses its unit.
	const dropIn = buildDomainMap(ws, { focus: '/work/car1/etc/containers/systemd/qm.container.d/20-vehicle.conf' });
	assert.equal(dropIn.focus, '/work/car1/etc/containers/systemd/qm.container.d/20-vehicle.conf');
	assert.equal(dropIn.nodes.length, 3);
});

test('installRootOf: the folder an installed tree starts at', () => {
	assert.equal(installRootOf('/x/demo/etc/qm/containers/systemd/a.container'), '/x/demo');
	assert.equal(installRootOf('/etc/containers/systemd/qm.container.d/10.conf'), '');
	assert.equal(installRootOf('/ws/usr/share/containers/systemd/qm.container'), '/ws');
	assert.equal(installRootOf('/ws/etc/systemd/system/a.socket'), '/ws');
	assert.equal(installRootOf('/repo/units/a.container'), undefined);
});

test('the diagnostics provider is used as given (the LSP passes its cached doValidation)', () => {
	const ws = new Workspace();
	for (const [p, text] of Object.entries(readTree('map/bridge'))) ws.set(p, text);
	const asked: string[] = [];
	const map = buildDomainMap(ws, {
		diagnostics: (p) => {
			asked.push(p);
			// A made-up crossing finding on the client, pointing at the host socket.
			if (!p.endsWith('navigation.container')) return [];
			const text = ws.get(p)!.text;
			const start = text.indexOf('/run/ipc/gnss.sock');
			const socket = ws.get('/etc/systemd/system/gnss.socket')!.text;
			const at = socket.indexOf('%t/ipc/gnss.sock');
			return [{ code: 'qm/ipc-bridge-not-mounted-into-qm', severity: 'error', message: 'm', start, end: start + 18, related: [{ path: '/etc/systemd/system/gnss.socket', start: at, end: at + 16, message: 'r' }] }];
		},
	});
	assert.deepEqual(asked, [...asked].sort());
	assert.equal(asked.length, 4);
	const red = map.edges.filter((e) => e.crossing === 'illegal');
	assert.deepEqual(red.map((e) => `${name(e.from)} -> ${name(e.to)} ${e.kind} ${e.ruleId}`), ['navigation.container -> gnss.socket ipc qm/ipc-bridge-not-mounted-into-qm']);
});

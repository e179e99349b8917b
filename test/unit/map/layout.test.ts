import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDomainMap } from '../../../server/src/service/map/build-map';
import { layoutMap, nodeSize, textWidth, TITLE_FONT } from '../../../server/src/service/map/layout';
import type { DomainMap, MapLayout } from '../../../server/src/service/map/types';
import { Workspace } from '../../../server/src/service/workspace/workspace';
import { readTree } from '../../helpers/tree';

const SCENARIOS = ['bridge', 'illegal-run', 'qm-peers', 'socket-activated', 'qm-socket-client'];

function mapOf(files: Record<string, string>, reverse = false): DomainMap {
	const ws = new Workspace();
	const entries = Object.entries(files);
	for (const [p, text] of reverse ? entries.reverse() : entries) ws.set(p, text);
	return buildDomainMap(ws);
}

type Box = { x: number; y: number; width: number; height: number };

function overlap(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(a: Box, outer: Box): boolean {
	return a.x >= outer.x && a.y >= outer.y && a.x + a.width <= outer.x + outer.width && a.y + a.height <= outer.y + outer.height;
}

/** Boxes pairwise disjoint, every node inside its region, regions disjoint and left to right host | boundary | QM. */
function assertSane(map: DomainMap): void {
	const { layout } = map;
	const ids = Object.keys(layout.nodes);
	assert.deepEqual([...ids].sort(), map.nodes.map((n) => n.id).sort(), 'one box per node');
	for (let i = 0; i < ids.length; i++) {
		for (let j = i + 1; j < ids.length; j++) {
			assert.ok(!overlap(layout.nodes[ids[i]], layout.nodes[ids[j]]), `${ids[i]} overlaps ${ids[j]}`);
		}
	}
	for (const n of map.nodes) {
		const region = layout.regions.find((r) => r.domain === n.domain);
		assert.ok(region, `region for ${n.domain}`);
		assert.ok(inside(layout.nodes[n.id], region), `${n.id} inside its region`);
		assert.ok(layout.nodes[n.id].width >= textWidth(n.label, TITLE_FONT, true), 'the label fits its box');
	}
	for (let i = 1; i < layout.regions.length; i++) {
		const a = layout.regions[i - 1];
		const b = layout.regions[i];
		assert.ok(a.x + a.width < b.x, `${a.domain} left of ${b.domain}`);
	}
	const order = ['asil', 'qm-boundary', 'qm', 'unknown'];
	assert.deepEqual(layout.regions.map((r) => r.domain), order.filter((d) => map.nodes.some((n) => n.domain === d)));
	for (const r of layout.regions) assert.ok(r.x + r.width <= layout.width && r.y + r.height <= layout.height, 'regions inside the canvas');
	for (const v of [layout.width, layout.height, ...Object.values(layout.nodes).flatMap((b) => [b.x, b.y, b.width, b.height])]) {
		assert.ok(Number.isInteger(v) && v >= 0, 'integer coordinates');
	}
}

for (const s of SCENARIOS) {
	test(`layout of ${s}: deterministic (also for another file order) and no overlapping boxes`, () => {
		const files = readTree(`map/${s}`);
		const a = mapOf(files);
		const b = mapOf(files);
		const reversed = mapOf(files, true);
		assert.equal(JSON.stringify(a), JSON.stringify(b));
		assert.equal(JSON.stringify(a), JSON.stringify(reversed));
		assertSane(a);
	});
}

test('layers follow start order: a socket above the service it activates, a unit below what it depends on', () => {
	const map = mapOf(readTree('map/socket-activated'));
	const box = (label: string): Box => map.layout.nodes[map.nodes.find((n) => n.label === label)!.id];
	assert.ok(box('diag.socket').y < box('diag.container').y);
	assert.ok(box('diag-store.container').y < box('diag.container').y, 'Before=diag.service: diag-store starts first');
	assert.ok(box('diag-db.volume').y < box('diag-store.container').y);

	const bridge = mapOf(readTree('map/bridge'));
	const b = (label: string): Box => bridge.layout.nodes[bridge.nodes.find((n) => n.label === label)!.id];
	assert.ok(b('gnss.socket').y < b('gnss.container').y);
	assert.ok(b('gnss.socket').y < b('navigation.container').y, 'the QM client sits below the host socket it reaches');
	assert.ok(b('gnss.socket').x < b('qm.container').x && b('qm.container').x < b('navigation.container').x);
});

test('a big workspace: many units per region wrap into columns without overlaps; cycles do not hang the layering', () => {
	const files: Record<string, string> = {};
	for (let i = 0; i < 24; i++) {
		const next = (i + 1) % 24;
		files[`/etc/qm/containers/systemd/app${i}.container`] = `[Unit]\nWants=app${next}.service\nAfter=app${next}.service\n[Container]\nImage=registry.example.com/a/app${i}:1\nVolume=/run/app${i % 4}/:/run/app${i % 4}/\n`;
	}
	for (let i = 0; i < 9; i++) {
		files[`/etc/containers/systemd/host-service-with-a-long-name-${i}.container`] = `[Container]\nImage=registry.example.com/a/h${i}:1\n`;
		files[`/etc/systemd/system/s${i}.socket`] = `[Socket]\nListenStream=%t/ipc/s${i}.sock\nService=host-service-with-a-long-name-${i}.service\n`;
	}
	files['/etc/containers/systemd/qm.container.d/10-ipc.conf'] = '[Container]\nVolume=/run/ipc/:/run/ipc/\n';
	files['/srv/units/stray.container'] = '[Container]\nImage=registry.example.com/a/stray:1\n';
	const map = mapOf(files);
	assert.equal(map.nodes.length, 24 + 18 + 2);
	assert.ok(map.edges.length > 40);
	assertSane(map);
	assert.equal(JSON.stringify(map), JSON.stringify(mapOf(files, true)));
	const qm = map.layout.regions.find((r) => r.domain === 'qm')!;
	assert.ok(qm.width < 3 * 4 * 200, 'QM nodes wrap into a few columns');
	assert.ok(map.layout.regions.some((r) => r.domain === 'unknown'));
});

test('layoutMap is a pure function of nodes and edges; sizes grow with the label', () => {
	const map = mapOf(readTree('map/qm-peers'));
	const again: MapLayout = layoutMap(map.nodes, map.edges);
	assert.deepEqual(again, map.layout);
	const base = { id: '/a', label: 'a.container', kind: 'container' as const, domain: 'qm' as const, path: '/a', line: 0 };
	assert.ok(nodeSize({ ...base, label: 'a-much-longer-unit-name-than-before.container' }).width > nodeSize(base).width);
	assert.ok(nodeSize({ ...base, label_type: 'qm_container_wayland_t', level: 's0:c1,c2' }).width >= nodeSize(base).width);
	const empty = layoutMap([], []);
	assert.deepEqual(empty.regions, []);
	assert.deepEqual(empty.nodes, {});
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DomainMap } from '../../server/src/service/map/types';
import { FIXTURES, REPO } from '../helpers/paths';

const CLI = resolve(REPO, 'dist', 'cli.js');
const MAP = resolve(FIXTURES, 'map');

function run(args: string[], cwd = MAP) {
	const r = spawnSync(process.execPath, [CLI, 'map', ...args], { cwd, encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('map --format json: the DomainMap of the tree under --root, ids as installed paths, paths as given', () => {
	const r = run(['--format', 'json', '--root', 'illegal-run', 'illegal-run']);
	assert.equal(r.code, 0, r.stderr);
	assert.equal(r.stderr, '');
	const map = JSON.parse(r.stdout) as DomainMap;
	assert.equal(map.version, 1);
	assert.deepEqual(map.nodes.map((n) => `${n.domain} ${n.id} ${n.path}`), [
		'asil /etc/containers/systemd/vehicle-state.container illegal-run/etc/containers/systemd/vehicle-state.container',
		'qm-boundary /etc/containers/systemd/qm.container.d/20-vehicle.conf illegal-run/etc/containers/systemd/qm.container.d/20-vehicle.conf',
		'qm /etc/qm/containers/systemd/cluster-ui.container illegal-run/etc/qm/containers/systemd/cluster-ui.container',
	]);
	assert.deepEqual(map.edges.map((e) => `${e.kind} ${e.crossing} ${e.ruleId}`).sort(), ['dependency illegal qm/unit-dep-cross-domain', 'ipc illegal qm/ipc-asil-qm-outside-bridge']);
	assert.ok(map.edges.flatMap((e) => e.findings ?? []).every((f) => f.path.startsWith('illegal-run/')));
	assert.ok(map.layout.width > 0 && Object.keys(map.layout.nodes).length === 3);
});

test('map without --root: files are taken at their own paths (the domains still come from the install-path anchors)', () => {
	const r = run(['--format', 'json', 'bridge']);
	assert.equal(r.code, 0, r.stderr);
	const map = JSON.parse(r.stdout) as DomainMap;
	assert.equal(map.nodes.length, 4);
	assert.ok(map.nodes.every((n) => n.id === resolve(MAP, n.path)));
	assert.equal(map.edges.filter((e) => e.crossing === 'bridge').length, 2);
});

test('map --format svg (the default) and dot; -o writes a file', () => {
	const svg = run(['--root', 'bridge', '--title', 'bridge & co', 'bridge']);
	assert.equal(svg.code, 0, svg.stderr);
	assert.match(svg.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
	assert.ok(svg.stdout.includes('>bridge &amp; co</text>'));
	assert.ok(svg.stdout.trimEnd().endsWith('</svg>'));

	const dot = run(['--format=dot', '--root=qm-socket-client', 'qm-socket-client']);
	assert.equal(dot.code, 0, dot.stderr);
	assert.match(dot.stdout, /^digraph "QM domain map" \{/);
	assert.match(dot.stdout, /label="qm\/socket-qm-nested-client\\n\/run\/sensors\/hub.sock"/);

	const dir = mkdtempSync(join(tmpdir(), 'qmq-map-'));
	try {
		const file = join(dir, 'map.svg');
		const r = run(['-o', file, '--root', 'socket-activated', 'socket-activated']);
		assert.equal(r.code, 0, r.stderr);
		assert.equal(r.stdout, '');
		assert.match(readFileSync(file, 'utf8'), /diag\.socket<\/text>/);
	} finally { rmSync(dir, { recursive: true, force: true }); }
});

test('map usage errors and I/O errors exit 2; --help exits 0', () => {
	const bad = run(['--format', 'png', 'bridge']);
	assert.equal(bad.code, 2);
	assert.match(bad.stderr, /--format must be svg, dot or json, not "png"/);
	assert.match(bad.stderr, /Usage: qm-quadlet map/);
	assert.equal(run([]).code, 2);
	assert.match(run(['--bogus', 'x']).stderr, /unknown option "--bogus"/);
	const missing = run(['--format', 'json', 'bridge', 'no-such-dir']);
	assert.equal(missing.code, 2);
	assert.match(missing.stderr, /no-such-dir/);
	assert.equal((JSON.parse(missing.stdout) as DomainMap).nodes.length, 4, 'the readable paths are still mapped');
	const help = run(['--help']);
	assert.equal(help.code, 0);
	assert.match(help.stdout, /--format svg\|dot\|json/);
	const top = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
	assert.match(top.stdout, /qm-quadlet map \[--format svg\|dot\|json\]/);
});

// Smoke test of the benchmark (bench/run.mjs): it runs end to end on a tiny tree and writes valid
// JSON. It never looks at the timings: speed is the benchmark's business, not the test suite's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO } from '../helpers/paths';

test('bench runs on a 50-file tree and writes valid JSON', { timeout: 300_000 }, () => {
	const out = mkdtempSync(join(tmpdir(), 'qmq-bench-test-'));
	try {
		const r = spawnSync(process.execPath, [
			resolve(REPO, 'bench', 'run.mjs'),
			'--sizes', '50', '--runs', '1', '--spawns', '2', '--edits', '3', '--requests', '5', '--dependents', '10', '--out', out,
		], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20 });
		assert.equal(r.status, 0, `bench failed:\n${r.stderr}`);
		assert.match(r.stdout, /## Targets/);

		const latest = join(out, 'latest.json');
		assert.ok(existsSync(latest), 'latest.json written');
		assert.ok(existsSync(join(out, 'latest.md')), 'latest.md written');
		const res = JSON.parse(readFileSync(latest, 'utf8'));
		assert.equal(typeof res.machine.cores, 'number');
		assert.equal(typeof res.machine.cpuModel, 'string');
		assert.equal(res.machine.node, process.version);
		assert.equal(typeof res.machine.totalMemoryMB, 'number');

		const cli = res.cli['50'];
		assert.ok(cli.files >= 50, `tree has ${cli.files} files`);
		for (const m of [cli.cli, cli.floorRead, cli.floorIni]) {
			assert.equal(m.runs.length, 1);
			assert.ok(Number.isFinite(m.medianMs));
		}
		assert.ok(Number.isFinite(cli.ratioToFloor));

		assert.equal(res.lsp.pull.index.files, res.lsp.treeFiles);
		assert.equal(res.lsp.pull.editsPull.n, 3);
		assert.equal(res.lsp.push.editsPush.n, 3);
		assert.equal(res.lsp.pull.completion.n, 5);
		assert.equal(res.lsp.pull.hover.n, 5);
		assert.ok(Array.isArray(res.targets) && res.targets.length > 0);
		for (const t of res.targets) assert.ok(typeof t.ok === 'boolean' || t.ok === null, `target ${t.target}: ok is ${t.ok}`);

		// Generated trees (logged as "generated … at <dir>/root") are deleted afterwards.
		const roots = [...r.stderr.matchAll(/ at (\S+)\/root$/gm)].map((m) => m[1]);
		assert.ok(roots.length > 0, 'the bench logs where it generated its trees');
		for (const dir of roots) assert.ok(!existsSync(dir), `${dir} was removed`);
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
});

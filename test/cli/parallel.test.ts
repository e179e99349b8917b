// `lint --jobs`: worker threads must not change a byte of the output or the exit status, and a
// failing worker must neither hang the CLI nor lose files. QM_QUADLET_TEST_WORKERS (see
// server/src/cli/parallel.ts) makes the workers do the validating (`workers-only`) and fail while
// holding claimed files (`throw`, `exit`), so the small trees here exercise the worker path for sure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO } from '../helpers/paths';
import { parallelMinFiles, threadCount } from '../../server/src/cli/parallel';

const CLI = resolve(REPO, 'dist', 'cli.js');
// A run that hangs fails the test instead of the suite.
const TIMEOUT = 120_000;

function run(args: string[], env: Record<string, string> = {}) {
	const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', timeout: TIMEOUT, maxBuffer: 256 << 20, env: { ...process.env, ...env } });
	assert.equal(r.error, undefined, `${args.join(' ')}: ${r.error?.message}`);
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertSame(args: string[], env: Record<string, string>, jobs: string[]) {
	const one = run(['lint', '--jobs', '1', ...args]);
	for (const j of jobs) {
		const many = run(['lint', ...(j === 'default' ? [] : ['--jobs', j]), ...args], env);
		const what = `${j === 'default' ? 'default jobs' : `--jobs ${j}`} ${args.join(' ')} ${JSON.stringify(env)}`;
		assert.equal(many.code, one.code, `${what}: exit status`);
		assert.equal(many.stderr, one.stderr, `${what}: stderr`);
		assert.ok(many.stdout === one.stdout, `${what}: stdout differs from --jobs 1`);
	}
	return one;
}

const WORKERS_ONLY = { QM_QUADLET_TEST_WORKERS: 'workers-only' };

test('examples/: every format is byte-identical with worker threads', () => {
	for (const format of ['text', 'json', 'sarif']) {
		const r = assertSame(['--format', format, 'examples'], WORKERS_ONLY, ['2', '3']);
		assert.equal(r.code, 1, 'examples hold a broken unit');
	}
	// The main thread taking part too (whatever the split).
	assertSame(['--format', 'json', 'examples'], {}, ['2']);
});

test('test fixture trees: byte-identical with worker threads, with and without --root', () => {
	assertSame(['--format', 'json', 'test/fixtures'], WORKERS_ONLY, ['2', '4']);
	assertSame(['test/fixtures/qm', 'test/fixtures/map'], WORKERS_ONLY, ['2']);
	for (const root of ['test/fixtures/qm/boundary-network/bad', 'test/fixtures/map/bridge', 'test/fixtures/qm/ipc-asil-qm-outside-bridge/bad']) {
		assertSame(['--format', 'sarif', '--root', root, root], WORKERS_ONLY, ['2']);
	}
	// I/O errors (exit 2) and duplicate installed paths are reported the same way.
	assertSame(['--format', 'json', '--root', 'test/fixtures/qm/boundary-network/bad', 'test/fixtures/qm/boundary-network/bad', 'test/fixtures/qm/boundary-network/bad/etc', 'no-such-dir'], WORKERS_ONLY, ['2']);
});

test('a generated 1,600-file tree: --jobs 2 (main thread and worker share the files) matches --jobs 1', { timeout: 300_000 }, () => {
	const dir = mkdtempSync(join(tmpdir(), 'qmq-jobs-'));
	try {
		const g = spawnSync(process.execPath, [resolve(REPO, 'bench', 'generate.mjs'), '1600', dir], { encoding: 'utf8' });
		assert.equal(g.status, 0, g.stderr);
		assertSame(['--format', 'json', dir], {}, ['2']);
		assertSame([dir], WORKERS_ONLY, ['2']);
	} finally { rmSync(dir, { recursive: true, force: true }); }
});

test('default thread count: workers only for large trees, more CPUs lower the bar, --jobs decides alone', () => {
	assert.equal(threadCount(undefined, 1_499, 8), 1);
	assert.equal(threadCount(undefined, 1_500, 4), 2);
	assert.equal(threadCount(undefined, 100_000, 16), 2, 'at most 2 threads by default');
	assert.equal(threadCount(undefined, 39_999, 2), 1);
	assert.equal(threadCount(undefined, 40_000, 2), 2);
	assert.equal(threadCount(undefined, 100_000, 1), 1);
	assert.equal(threadCount(1, 100_000, 8), 1);
	assert.equal(threadCount(3, 10, 1), 3, 'an explicit --jobs is obeyed, also on small trees');
	assert.equal(threadCount(8, 3, 8), 3, 'but never more threads than files');
	assert.ok(parallelMinFiles(2) > parallelMinFiles(4));
	// Below the bar no worker starts (a failing one would say so on stderr).
	const small = run(['lint', '--format', 'json', 'examples'], { QM_QUADLET_TEST_WORKERS: 'workers-only,throw' });
	assert.equal(small.stderr, '');
});

test('a worker that throws or exits holding files: same output, the main thread lints its files', () => {
	const one = run(['lint', '--jobs', '1', '--format', 'json', 'test/fixtures/qm']);
	for (const fault of ['throw', 'exit']) {
		for (const jobs of ['2', '3']) {
			const r = run(['lint', '--jobs', jobs, '--format', 'json', 'test/fixtures/qm'], { QM_QUADLET_TEST_WORKERS: `workers-only,${fault}` });
			assert.equal(r.code, one.code, `${fault} --jobs ${jobs}: exit status`);
			assert.ok(r.stdout === one.stdout, `${fault} --jobs ${jobs}: stdout differs from --jobs 1`);
			const failures = r.stderr.split('\n').filter((l) => l.startsWith('qm-quadlet: a worker thread failed'));
			assert.equal(failures.length, Number(jobs) - 1, r.stderr);
			assert.match(failures[0], fault === 'throw' ? /\(injected worker fault\)/ : /\(exited with code 70\)/);
		}
		// Failing while the main thread takes part as well.
		const r = run(['lint', '--jobs', '2', '--format', 'json', 'test/fixtures/qm'], { QM_QUADLET_TEST_WORKERS: fault });
		assert.equal(r.code, one.code);
		assert.ok(r.stdout === one.stdout, `${fault}: stdout differs from --jobs 1`);
	}
});

test('--jobs is checked and documented', () => {
	for (const bad of ['0', 'x', '-1', '1.5', '']) {
		const r = run(['lint', `--jobs=${bad}`, 'examples']);
		assert.equal(r.code, 2, bad);
		assert.match(r.stderr, /--jobs must be a number from 1 to 999/);
	}
	assert.equal(run(['lint', '--jobs']).code, 2);
	assert.match(run(['--help']).stdout, /--jobs N/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexUnits, readUnitText, readUnitTextSync, type IndexOptions } from '../../server/src/lsp/workspace-scan';
import { pathToUri } from '../../server/src/lsp/uri';

const UNIT = '[Container]\nImage=quay.io/a/b:1\n';

function tree(files: Record<string, string>): { dir: string; done: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'qmq-scan-'));
	for (const [rel, text] of Object.entries(files)) {
		mkdirSync(join(dir, rel, '..'), { recursive: true });
		writeFileSync(join(dir, rel), text);
	}
	return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

async function index(root: string, opts: Partial<IndexOptions> = {}) {
	const read = new Map<string, string>();
	const r = await indexUnits(root, { maxFiles: 1000, maxBytes: 1 << 20, onFile: (p, t) => read.set(p, t), ...opts });
	return { ...r, paths: [...read.keys()].map((p) => p.slice(root.length + 1)), texts: read };
}

test('indexUnits reads unit files breadth-first and skips other files and tool directories', async () => {
	const t = tree({
		'a/deep/z.container': UNIT, 'top.container': UNIT, 'a/web.container.d/10-x.conf': '[Container]\n', 'README.md': '#',
		'node_modules/x/y.container': UNIT, '.git/z.container': UNIT, 'b/db.volume': '[Volume]\n',
	});
	try {
		const r = await index(t.dir);
		assert.deepEqual([...r.paths].sort(), ['a/deep/z.container', 'a/web.container.d/10-x.conf', 'b/db.volume', 'top.container']);
		// Breadth-first: everything at depth 1 before depth 2, depth 2 before depth 3.
		const depth = (p: string) => p.split('/').length;
		assert.deepEqual(r.paths.map(depth), [...r.paths.map(depth)].sort());
		assert.equal(r.texts.get(join(t.dir, 'top.container')), UNIT);
		assert.deepEqual([r.found, r.truncated, r.cancelled], [4, false, false]);
	} finally { t.done(); }
});

test('indexUnits gives the event loop a turn between slices, so requests are served while indexing', async () => {
	const files: Record<string, string> = {};
	for (let i = 0; i < 50; i++) files[`d${i % 5}/u${i}.container`] = UNIT;
	const t = tree(files);
	try {
		// A request arriving while indexing: its handler must run before indexing ends.
		let servedAfter = -1;
		let readSoFar = 0;
		setImmediate(() => { servedAfter = readSoFar; });
		const r = await index(t.dir, { sliceMs: 0, onFile: () => { readSoFar++; } });
		assert.equal(r.read, 50);
		assert.ok(servedAfter >= 0 && servedAfter < 50, `served after ${servedAfter} files`);

		// With a slice of 0 ms every file is followed by a turn; with a long slice, none at all.
		let turns = 0;
		const yieldNow = () => { turns++; return Promise.resolve(); };
		await index(t.dir, { sliceMs: 0, yieldNow });
		assert.ok(turns >= 50, `${turns} turns`);
		turns = 0;
		await index(t.dir, { sliceMs: 60_000, yieldNow });
		assert.equal(turns, 0);
	} finally { t.done(); }
});

test('indexUnits stops at a turn when cancelled', async () => {
	const files: Record<string, string> = {};
	for (let i = 0; i < 20; i++) files[`u${i}.container`] = UNIT;
	const t = tree(files);
	try {
		const r = await index(t.dir, { sliceMs: 0, cancelled: () => true });
		assert.deepEqual([r.cancelled, r.read], [true, 1]);
	} finally { t.done(); }
});

test('indexUnits keeps the maxFiles bound, the size limit and the skip list', async () => {
	const files: Record<string, string> = { 'big.container': `[Container]\n${'#'.repeat(5000)}\n` };
	for (let i = 0; i < 9; i++) files[`u${i}.container`] = UNIT;
	const t = tree(files);
	try {
		const limited = await index(t.dir, { maxFiles: 4 });
		assert.deepEqual([limited.found, limited.truncated, limited.texts.size], [4, true, 4]);
		const all = await index(t.dir, { maxBytes: 1000, skip: (p) => p.endsWith('u0.container') });
		// Found (and counted) but not read: the oversized file and the skipped (open) one.
		assert.deepEqual([all.found, all.truncated, all.texts.size], [10, false, 8]);
		assert.ok(!all.texts.has(join(t.dir, 'big.container')) && !all.texts.has(join(t.dir, 'u0.container')));
	} finally { t.done(); }
});

test('indexUnits follows symbolic links once, counts broken ones, never opens a FIFO', async () => {
	const t = tree({ 'real/a.container': UNIT, 'other/b.container': UNIT });
	try {
		symlinkSync(join(t.dir, 'other'), join(t.dir, 'linked'));
		symlinkSync(t.dir, join(t.dir, 'real', 'loop'));
		symlinkSync(join(t.dir, 'other', 'b.container'), join(t.dir, 'c.container'));
		symlinkSync(join(t.dir, 'missing.container'), join(t.dir, 'broken.container'));
		const fifo = spawnSync('mkfifo', [join(t.dir, 'pipe.container')]).status === 0;
		const r = await index(t.dir);
		// other/ is reached twice (directly and as linked/) but read once; the loop ends.
		assert.equal(r.paths.filter((p) => p.endsWith('/b.container')).length, 1, JSON.stringify(r.paths));
		assert.ok(r.paths.includes('c.container'));
		assert.ok(r.paths.includes('real/a.container'));
		assert.equal(r.paths.filter((p) => p.endsWith('a.container')).length, 1);
		assert.ok(!r.paths.includes('broken.container') && !r.paths.includes('pipe.container'));
		assert.equal(r.found, r.read + 1 + (fifo ? 1 : 0));
		assert.equal(r.read, r.texts.size);
	} finally { t.done(); }
});

test('readUnitTextSync: undecodable bytes become U+FFFD, the BOM is kept, large and empty files read whole', async () => {
	const t = tree({});
	try {
		const p = join(t.dir, 'x.container');
		writeFileSync(p, Buffer.from([0xef, 0xbb, 0xbf, 0x5b, 0x41, 0x5d, 0x0a, 0xff, 0x3d, 0x31]));
		assert.equal(readUnitTextSync(p, 1000), '\ufeff[A]\n\ufffd=1');
		assert.equal(await readUnitText(p, 1000), '\ufeff[A]\n\ufffd=1');
		assert.equal(readUnitTextSync(p, 5), undefined);
		const big = `[Container]\n${'Label=a=b\n'.repeat(60_000)}`;
		writeFileSync(p, big);
		assert.equal(readUnitTextSync(p, 1 << 20), big);
		writeFileSync(p, UNIT);
		assert.equal(readUnitTextSync(p, 1 << 20), UNIT, 'no bytes of the previous, larger read leak into a smaller one');
		writeFileSync(p, '');
		assert.equal(readUnitTextSync(p, 1000), '');
		assert.equal(readUnitTextSync(join(t.dir, 'missing.container'), 1000), undefined);
		assert.equal(readUnitTextSync(t.dir, 1000), undefined);
	} finally { t.done(); }
});

test('pathToUri: the fast path for plain paths gives what encoding each segment gives', () => {
	for (const p of ['/etc/containers/systemd/web.container', "/a/b-c_d.e!f~g*h'i(j)/k", '/a b/c#d/é/%/x?y', '/', '/a//b', 'rel/x']) {
		const slow = p.startsWith('/') ? 'file://' + p.split('/').map((s) => encodeURIComponent(s)).join('/') : p;
		assert.equal(pathToUri(p), slow, p);
	}
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLanguageService } from '../../server/src/service/index';
import { REPO } from '../helpers/paths';

const CLI = resolve(REPO, 'dist', 'cli.js');
const Q = 'etc/containers/systemd';

function lintJson(dir: string, ...paths: string[]) {
	const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...paths], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
	return { code: r.status, json: r.stdout ? JSON.parse(r.stdout) : undefined, stderr: r.stderr };
}

test('bad input never crashes or hangs the CLI, and each problem is named', () => {
	const dir = mkdtempSync(join(tmpdir(), 'qmq-bad-'));
	try {
		const base = join(dir, Q);
		mkdirSync(base, { recursive: true });
		// 20 MB unit: listed, one notice, not analysed.
		writeFileSync(join(base, 'huge.container'), '[Container]\nImage=quay.io/a/b:1\n' + `# ${'x'.repeat(1023)}\n`.repeat(20 * 1024));
		// 1 MB single line.
		writeFileSync(join(base, 'longline.container'), `[Container]\nImage=quay.io/a/b:1\nEnvironment=A=${'y'.repeat(1024 * 1024)}\n`);
		// Binary and invalid UTF-8.
		writeFileSync(join(base, 'binary.container'), Buffer.from([0x00, 0xff, 0xfe, 0x5b, 0x43, 0x0a, 0x80, 0x81, 0x00, 0x0a]));
		writeFileSync(join(base, 'bom.container'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[Container]\nImage=quay.io/a/b:1\n')]));
		writeFileSync(join(base, 'empty.container'), '');
		// A directory named like a unit, a broken and a looping symlink.
		mkdirSync(join(base, 'dir.container'));
		symlinkSync(join(base, 'nowhere'), join(base, 'broken.container'));
		symlinkSync(join(base, 'loop.container'), join(base, 'loop.container'));
		// A unit that references itself, and two units with the same name in different dirs.
		writeFileSync(join(base, 'self.container'), '[Unit]\nRequires=self.service\nAfter=self.container\n[Container]\nImage=quay.io/a/b:1\n');
		mkdirSync(join(base, 'sub'));
		writeFileSync(join(base, 'sub', 'self.container'), '[Container]\nImage=quay.io/a/c:1\n');
		// Drop-in directories 50 deep.
		let deep = base;
		for (let i = 0; i < 50; i++) { deep = join(deep, `d${i}`); }
		mkdirSync(join(deep, 'web.container.d'), { recursive: true });
		writeFileSync(join(deep, 'web.container.d', '10.conf'), '[Container]\nEnvironment=A=1\n');

		const r = lintJson(dir, 'etc');
		assert.equal(r.code, 2, r.stderr);
		assert.match(r.stderr, /broken\.container: broken symbolic link/);
		assert.match(r.stderr, /loop\.container: broken symbolic link \(symbolic link loop\)/);
		const files = new Map<string, { code: string; severity: string }[]>(r.json.files.map((f: { path: string; diagnostics: { code: string; severity: string }[] }) => [f.path, f.diagnostics]));
		assert.deepEqual(files.get(`${Q}/huge.container`)?.map((d) => d.code), ['quadlet/file-too-large']);
		assert.ok(files.has(`${Q}/longline.container`));
		assert.ok(files.get(`${Q}/binary.container`)?.some((d) => d.code === 'quadlet/syntax-invalid-utf8' || d.code === 'quadlet/syntax-nul'));
		assert.ok(files.get(`${Q}/bom.container`)?.some((d) => d.code === 'quadlet/syntax-bom'));
		assert.ok(files.has(`${Q}/empty.container`));
		assert.ok(files.has(`${Q}/self.container`) && files.has(`${Q}/sub/self.container`));
		assert.ok([...files.keys()].some((p) => p.endsWith('web.container.d/10.conf')));
	} finally { rmSync(dir, { recursive: true, force: true }); }
});

test('the diagnostics cap is reported once', () => {
	const s = createLanguageService({ maxDiagnosticsPerFile: 10 });
	const text = '[Container]\nImage=quay.io/a/b:1\n' + Array.from({ length: 50 }, (_, i) => `Bogus${i}=1`).join('\n');
	s.workspace.set('/etc/containers/systemd/many.container', text);
	const d = s.doValidation('/etc/containers/systemd/many.container');
	assert.equal(d.length, 11);
	assert.equal(d.filter((x) => x.code === 'quadlet/too-many-diagnostics').length, 1);
	assert.match(d[10].message, /40 more problems/);
});

test('symbolic links never lead the CLI outside the paths it was given; paths stay relative', () => {
	const dir = mkdtempSync(join(tmpdir(), 'qmq-escape-'));
	const outside = mkdtempSync(join(tmpdir(), 'qmq-outside-'));
	try {
		mkdirSync(join(dir, Q), { recursive: true });
		writeFileSync(join(dir, Q, 'ok.container'), '[Container]\nImage=quay.io/a/b:1\n');
		writeFileSync(join(outside, 'secret.container'), '[Container]\nImage=quay.io/a/b:1\n');
		symlinkSync(outside, join(dir, Q, 'elsewhere'));
		symlinkSync(join(outside, 'secret.container'), join(dir, Q, 'secret.container'));
		const r = lintJson(join(dir, Q), '.');
		assert.equal(r.code, 2);
		assert.match(r.stderr, /elsewhere: symbolic link to .*outside the linted paths; skipped/);
		assert.match(r.stderr, /secret\.container: symbolic link to .*outside the linted paths; skipped/);
		assert.deepEqual(r.json.files.map((f: { path: string }) => f.path), ['ok.container']);
		// A path outside the working directory is still printed relative to it.
		const r2 = lintJson(outside, join(dir, Q, 'ok.container'));
		assert.ok(r2.json.files[0].path.startsWith('../'), r2.json.files[0].path);
	} finally {
		rmSync(dir, { recursive: true, force: true });
		rmSync(outside, { recursive: true, force: true });
	}
});

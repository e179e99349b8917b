import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO } from '../helpers/paths';

const CLI = resolve(REPO, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
	const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tree(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'qmq-cli-'));
	for (const [p, text] of Object.entries(files)) {
		mkdirSync(join(dir, p, '..'), { recursive: true });
		writeFileSync(join(dir, p), text);
	}
	return dir;
}

const GOOD = '[Unit]\nDescription=web\n\n[Container]\nImage=quay.io/fedora/fedora:41\n\n[Install]\nWantedBy=multi-user.target\n';
const BAD = '[Container]\nImage=quay.io/fedora/fedora:41\nImag=x\n';

test('clean tree: exit 0, summary line', () => {
	const dir = tree({ 'etc/containers/systemd/web.container': GOOD });
	try {
		const r = run(['lint', '.'], dir);
		assert.equal(r.code, 0, r.stderr);
		assert.match(r.stdout, /1 file checked: 0 errors/);
	} finally { rmSync(dir, { recursive: true, force: true }); }
});

test('an error: exit 1, text output names file, position and rule id', () => {
	const dir = tree({ 'a/bad.container': BAD });
	try {
		const r = run(['lint', 'a'], dir);
		assert.equal(r.code, 1);
		assert.match(r.stdout, /^a\/bad\.container/m);
		assert.match(r.stdout, /3:1 {2}error {7}"Imag" is not a key of \[Container\].*\[quadlet\/unknown-key\]/);
	} finally { rmSync(dir, { recursive: true, force: true }); }
});

test('json format: the documented shape, every linted file listed, 0-based positions', () => {
	const dir = tree({ 'etc/containers/systemd/bad.container': BAD, 'etc/containers/systemd/good.container': GOOD });
	try {
		const r = run(['lint', '--format', 'json', 'etc'], dir);
		assert.equal(r.code, 1);
		const json = JSON.parse(r.stdout);
		assert.equal(json.version, 1);
		assert.deepEqual(json.files.map((f: { path: string }) => f.path), ['etc/containers/systemd/bad.container', 'etc/containers/systemd/good.container']);
		assert.deepEqual(json.files[0].diagnostics, [{
			code: 'quadlet/unknown-key', severity: 'error',
			message: json.files[0].diagnostics[0].message,
			range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } },
		}]);
		assert.deepEqual(json.files[1].diagnostics, []);
	} finally { rmSync(dir, { recursive: true, force: true }); }
});

test('sarif format: 2.1.0 with rule metadata and 1-based regions', () => {
	const dir = tree({ 'bad.container': '# qm-domain: asil\n' + BAD });
	try {
		const r = run(['lint', '--format=sarif', 'bad.container'], dir);
		const sarif = JSON.parse(r.stdout);
		assert.equal(sarif.version, '2.1.0');
		const run0 = sarif.runs[0];
		assert.equal(run0.tool.driver.name, 'qm-quadlet');
		assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'quadlet/unknown-key'));
		assert.deepEqual(run0.results[0].locations[0].physicalLocation, { artifactLocation: { uri: 'bad.container' }, region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 5 } });
		assert.equal(run0.results[0].level, 'error');
	} finally { rmSync(dir, { recursive: true, force: true }); }
});

test('usage errors exit 2 with a message on stderr', () => {
	assert.equal(run([], REPO).code, 0, 'no args prints help');
	const bad = run(['lint', '--format', 'xml', 'x'], REPO);
	assert.equal(bad.code, 2);
	assert.match(bad.stderr, /--format must be text, json or sarif/);
	assert.equal(run(['frobnicate'], REPO).code, 2);
	assert.equal(run(['lint'], REPO).code, 2);
	assert.equal(run(['lint', '--podman-version', 'five', '.'], REPO).code, 2);
});

test('I/O errors name the path, exit 2, and the other paths are still linted', () => {
	const dir = tree({ 'ok/web.container': GOOD });
	try {
		symlinkSync(join(dir, 'missing-target'), join(dir, 'ok', 'broken.container'));
		const r = run(['lint', '--format', 'json', 'ok', 'nope'], dir);
		assert.equal(r.code, 2);
		assert.match(r.stderr, /nope: no such file or directory/);
		assert.match(r.stderr, /broken\.container: broken symbolic link/);
		assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['ok/web.container']);
	} finally { rmSync(dir, { recursive: true, force: true }); }
});

test('--podman-version reports keys newer than the target', () => {
	const dir = tree({ 'x.container': '# qm-domain: asil\n[Container]\nImage=quay.io/a/b:1\nMemory=1g\n' });
	try {
		const r = run(['lint', '--format', 'json', '--podman-version', '5.4', 'x.container'], dir);
		const diags = JSON.parse(r.stdout).files[0].diagnostics;
		assert.deepEqual(diags.map((d: { code: string }) => d.code), ['quadlet/key-too-new']);
		assert.equal(r.code, 1);
		assert.equal(run(['lint', '--podman-version', '5.5', 'x.container'], dir).code, 0);
	} finally { rmSync(dir, { recursive: true, force: true }); }
});

test('directories are walked for unit files, drop-ins and stray drop-ins only', () => {
	const dir = tree({
		'etc/containers/systemd/web.container': GOOD,
		'etc/containers/systemd/web.container.d/10-x.conf': '[Container]\nEnvironment=A=1\n',
		'etc/containers/systemd/notes.txt': 'hello',
		'etc/containers/systemd/stray.conf': '[Container]\n',
	});
	try {
		const r = run(['lint', '--format', 'json', 'etc'], dir);
		const files = JSON.parse(r.stdout).files as { path: string; diagnostics: { code: string }[] }[];
		assert.deepEqual(files.map((f) => f.path), [
			'etc/containers/systemd/stray.conf',
			'etc/containers/systemd/web.container',
			'etc/containers/systemd/web.container.d/10-x.conf',
		]);
		// A .conf next to the units is listed only to say that podman never reads it.
		assert.deepEqual(files[0].diagnostics.map((d) => d.code), ['qm/path-wrong-unit-dir']);
	} finally { rmSync(dir, { recursive: true, force: true }); }
});

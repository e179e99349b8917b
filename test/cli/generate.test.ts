import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO } from '../helpers/paths';

const CLI = resolve(REPO, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
	const r = spawnSync(process.execPath, [CLI, 'generate', ...args], { cwd, encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function withTree(files: Record<string, string>, fn: (dir: string) => void): void {
	const dir = mkdtempSync(join(tmpdir(), 'qmq-gen-'));
	try {
		for (const [p, text] of Object.entries(files)) {
			mkdirSync(join(dir, p, '..'), { recursive: true });
			writeFileSync(join(dir, p), text);
		}
		fn(dir);
	} finally { rmSync(dir, { recursive: true, force: true }); }
}

const Q = 'etc/containers/systemd';
const WEB = '[Unit]\nAfter=db.volume\n[Container]\nImage=quay.io/fedora/fedora:41\nVolume=db.volume:/data\n[Install]\nWantedBy=multi-user.target\n';

test('generate a file: its drop-ins and referenced units are read, dry-run output and symlinks', () => {
	withTree({ [`${Q}/web.container`]: WEB, [`${Q}/db.volume`]: '[Volume]\nVolumeName=db\n', [`${Q}/web.container.d/10.conf`]: '[Container]\nEnvironment=A=1\n' }, (dir) => {
		const r = run(['--root', '.', `${Q}/web.container`], dir);
		assert.equal(r.code, 0, r.stderr);
		assert.equal(r.stderr, '');
		assert.match(r.stdout, /^---web\.service---\n\[Unit\]\n/);
		assert.ok(!r.stdout.includes('---db-volume.service---'), 'only the named unit is generated');
		assert.match(r.stdout, /\nSourcePath=\/etc\/containers\/systemd\/web\.container\n/);
		assert.match(r.stdout, /\nAfter=db-volume\.service\n/);
		assert.match(r.stdout, /\nExecStart=\/usr\/bin\/podman run --name systemd-%N --replace --rm --cgroups=split --sdnotify=conmon -d -v db:\/data --env A=1 quay\.io\/fedora\/fedora:41\n/);
		assert.match(r.stdout, /\nsymlinks:\n {2}multi-user\.target\.wants\/web\.service -> \.\.\/web\.service\n$/);
	});
});

test('generate a directory: every unit in podman\'s order; --user changes the network dependency', () => {
	withTree({ [`${Q}/web.container`]: WEB, [`${Q}/db.volume`]: '[Volume]\n' }, (dir) => {
		const r = run(['--user', Q], dir);
		assert.equal(r.code, 0, r.stderr);
		const names = [...r.stdout.matchAll(/^---(.+)---$/gm)].map((m) => m[1]);
		assert.deepEqual(names, ['db-volume.service', 'web.service']);
		assert.match(r.stdout, /\nWants=podman-user-wait-network-online\.service\n/);
	});
});

test('a refused unit: podman-style message on stderr, exit 1, the other units still printed', () => {
	withTree({ [`${Q}/web.container`]: WEB, [`${Q}/db.volume`]: '[Volume]\n', [`${Q}/bad.container`]: '[Container]\nImage=quay.io/a/b\nGroup=wheel\n' }, (dir) => {
		const r = run([Q], dir);
		assert.equal(r.code, 1);
		assert.match(r.stderr, /^converting "bad\.container": invalid Group set without User$/m);
		assert.match(r.stdout, /---web\.service---/);
		assert.ok(!r.stdout.includes('---bad.service---'));
	});
});

test('warnings go to stderr without changing the exit status', () => {
	withTree({ 'a.container': '[Container]\nImage=nginx\n' }, (dir) => {
		const r = run(['a.container'], dir);
		assert.equal(r.code, 0);
		assert.match(r.stderr, /a\.container: Warning: a\.container specifies the image "nginx" which not a fully qualified image name/);
	});
});

test('--podman-version: the older generator refuses keys it does not know', () => {
	withTree({ 'a.container': '[Container]\nImage=quay.io/a/b\nMemory=1g\n' }, (dir) => {
		assert.equal(run(['a.container'], dir).code, 0);
		const old = run(['--podman-version', '5.4', 'a.container'], dir);
		assert.equal(old.code, 1);
		assert.match(old.stderr, /converting "a\.container": unsupported key 'Memory' in group 'Container' in /);
	});
});

test('usage and I/O errors exit 2', () => {
	withTree({ 'a.container': '[Container]\nImage=quay.io/a/b\n' }, (dir) => {
		const none = run([], dir);
		assert.equal(none.code, 2);
		assert.match(none.stderr, /no paths given[\s\S]*Usage: qm-quadlet generate/);
		assert.equal(run(['--bogus', 'a.container'], dir).code, 2);
		const missing = run(['a.container', 'missing.container'], dir);
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /missing\.container: no such file or directory/);
		assert.match(missing.stdout, /---a\.service---/, 'the readable units are still generated');
		const help = run(['--help'], dir);
		assert.equal(help.code, 0);
		assert.match(help.stdout, /^Usage: qm-quadlet generate/);
	});
});

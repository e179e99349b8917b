import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkUnitSources, messagesAbout, parseDryRun, stageUnitSources, unstagePaths, MAX_STAGED_FILES, MAX_STAGED_FILE_BYTES } from '../../../client/src/podman-staging';
import type { UnitSourcesResult } from '../../../client/src/protocol';

const base: UnitSourcesResult = {
	unit: 'web.container',
	files: [{ name: 'web.container', text: '[Container]\nImage=a\n' }, { name: 'web.container.d/10-a.conf', text: '[Container]\n' }],
	siblings: [{ name: 'db.volume', text: '[Volume]\n' }],
	omitted: 0,
};

test('names that could leave the staging directory are refused', () => {
	assert.equal(checkUnitSources(base), undefined);
	const withFile = (name: string) => ({ ...base, files: [...base.files, { name, text: '' }] });
	for (const bad of ['../x.conf', 'web.container.d/../../x.conf', '/etc/x.d/y.conf', 'a.d/b/c.conf', 'a.d/..', 'a.d/x.txt', 'x.conf', 'a.d\\b.conf', 'a.d/b\0.conf']) {
		assert.match(checkUnitSources(withFile(bad)) ?? '', /invalid drop-in name/, bad);
	}
	for (const bad of ['..', '.', 'a/b.container', '', 'x\0.container']) {
		assert.match(checkUnitSources({ ...base, siblings: [{ name: bad, text: '' }] }) ?? '', /invalid unit name/, JSON.stringify(bad));
	}
	assert.match(checkUnitSources({ ...base, unit: '../web.container' }) ?? '', /invalid unit name/);
	assert.match(checkUnitSources({ ...base, unit: 'other.container' }) ?? '', /unit itself is missing/);
	assert.match(checkUnitSources({ ...base, siblings: [{ name: 'web.container', text: '' }] }) ?? '', /listed twice/);
});

test('size and count bounds', () => {
	const many = Array.from({ length: MAX_STAGED_FILES }, (_, i) => ({ name: `u${i}.volume`, text: '' }));
	assert.match(checkUnitSources({ ...base, siblings: many }) ?? '', /more than 256 files/);
	assert.match(checkUnitSources({ ...base, siblings: [{ name: 'big.volume', text: 'x'.repeat(MAX_STAGED_FILE_BYTES + 1) }] }) ?? '', /larger than/);
	const eight = Array.from({ length: 9 }, (_, i) => ({ name: `b${i}.volume`, text: 'x'.repeat(MAX_STAGED_FILE_BYTES) }));
	assert.match(checkUnitSources({ ...base, siblings: eight }) ?? '', /exceed/);
});

test('staging writes private copies and removes them on cleanup', async () => {
	const parent = mkdtempSync(join(tmpdir(), 'qmq-stage-'));
	try {
		const s = await stageUnitSources(base, parent);
		assert.equal(statSync(s.root).mode & 0o777, 0o700);
		assert.equal(readFileSync(join(s.unitDir, 'web.container'), 'utf8'), '[Container]\nImage=a\n');
		assert.equal(readFileSync(join(s.unitDir, 'web.container.d', '10-a.conf'), 'utf8'), '[Container]\n');
		assert.equal(readFileSync(join(s.refsDir, 'db.volume'), 'utf8'), '[Volume]\n');
		assert.equal(statSync(join(s.unitDir, 'web.container')).mode & 0o777, 0o600);
		assert.ok(!lstatSync(join(s.unitDir, 'web.container')).isSymbolicLink());
		await s.cleanup();
		assert.throws(() => statSync(s.root));
	} finally {
		rmSync(parent, { recursive: true, force: true });
	}
});

test('dry-run output is split per service', () => {
	const out = '---a.service---\n[Unit]\nX=1\n\n---b-volume.service---\n[Unit]\nY=2\n\n\n';
	const m = parseDryRun(out);
	assert.deepEqual([...m.keys()], ['a.service', 'b-volume.service']);
	assert.equal(m.get('a.service'), '[Unit]\nX=1\n');
	assert.equal(m.get('b-volume.service'), '[Unit]\nY=2\n');
	assert.equal(parseDryRun('').size, 0);
});

test('staged paths are mapped back', () => {
	const s = { root: '/tmp/q-1', unitDir: '/tmp/q-1/unit', refsDir: '/tmp/q-1/refs' };
	assert.equal(unstagePaths('SourcePath=/tmp/q-1/unit/web.container\nX=/tmp/q-1/refs/db.volume\nH=/tmp/q-1/home\n', s, '/etc/containers/systemd'),
		'SourcePath=/etc/containers/systemd/web.container\nX=/etc/containers/systemd/db.volume\nH=<staging>/home\n');
});

test('only messages about the unit are kept', () => {
	const stderr = [
		'quadlet-generator[12]: Loading source unit file /x/web.container',
		'quadlet-generator[12]: converting "db.volume": bad',
		'quadlet-generator[12]: converting "web.container": invalid Group set without User',
		'quadlet-generator[12]: Warning: web.container specifies the image "nginx" which not a fully qualified image name',
		'quadlet-generator[12]: processing encountered some errors',
	].join('\n');
	assert.deepEqual(messagesAbout(stderr, 'web.container'), {
		errors: ['converting "web.container": invalid Group set without User'],
		warnings: ['Warning: web.container specifies the image "nginx" which not a fully qualified image name'],
	});
});

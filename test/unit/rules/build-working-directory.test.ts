import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, assertFix, covered, one, only } from './generator-helpers';

const CODE = 'quadlet/build-working-directory';
const P = `${DIR}/app.build`;

test('build-working-directory: SetWorkingDirectory=yaml in a build', () => {
	const text = '[Build]\nImageTag=localhost/app\nSetWorkingDirectory=yaml\n';
	const d = one(CODE, { [P]: text }, P);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), 'yaml');
	assert.match(d.message, /SetWorkingDirectory=yaml is only supported in .kube files/);
	assertFix(text, d.fixes?.[0], '[Build]\nImageTag=localhost/app\nSetWorkingDirectory=unit\n');
});

test('build-working-directory: unit, file, paths and URLs are fine', () => {
	for (const v of ['unit', 'file\nFile=Containerfile', '/srv/app', 'https://github.com/org/app.git']) {
		assert.deepEqual(only(CODE, { [P]: `[Build]\nImageTag=localhost/app\nSetWorkingDirectory=${v}\n` }, P), [], v);
	}
});

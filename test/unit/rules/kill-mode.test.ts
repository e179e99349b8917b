import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, assertFix, covered, fixNamed, one, only } from './generator-helpers';

const CODE = 'quadlet/kill-mode';
const P = `${DIR}/web.container`;

test('kill-mode: KillMode=process in a container', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\n[Service]\nKillMode=process\n';
	const d = one(CODE, { [P]: text }, P);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), 'KillMode=process');
	assert.match(d.message, /invalid KillMode 'process'/);
	assertFix(text, fixNamed(d, 'Change to KillMode=mixed'), text.replace('=process', '=mixed'));
	assertFix(text, fixNamed(d, 'Change to KillMode=control-group'), text.replace('=process', '=control-group'));
});

test('kill-mode: mixed and control-group are fine; other unit types are not checked', () => {
	for (const m of ['mixed', 'control-group']) {
		assert.deepEqual(only(CODE, { [P]: `[Container]\nImage=quay.io/org/web:1\n[Service]\nKillMode=${m}\n` }, P), [], m);
	}
	const pod = `${DIR}/app.pod`;
	assert.deepEqual(only(CODE, { [pod]: '[Pod]\n[Service]\nKillMode=none\n' }, pod), []);
	const kube = `${DIR}/app.kube`;
	assert.equal(only(CODE, { [kube]: '[Kube]\nYaml=app.yaml\n[Service]\nKillMode=none\n' }, kube).length, 1);
});

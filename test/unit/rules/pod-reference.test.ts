import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, assertFix, covered, one, only } from './generator-helpers';

const CODE = 'quadlet/pod-reference';
const P = `${DIR}/web.container`;

test('pod-reference: Pod= with a plain pod name', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\nPod=app\n';
	const d = one(CODE, { [P]: text }, P);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), 'app');
	assert.match(d.message, /pod app is not Quadlet based/);
	assert.equal(d.fixes, undefined);
});

test('pod-reference: the fix appends .pod when that unit exists', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\nPod=app\n';
	const d = one(CODE, { [P]: text, [`${DIR}/app.pod`]: '[Pod]\n' }, P);
	assertFix(text, d.fixes?.[0], '[Container]\nImage=quay.io/org/web:1\nPod=app.pod\n');
});

test('pod-reference: a .pod file name is fine', () => {
	assert.deepEqual(only(CODE, { [P]: '[Container]\nImage=quay.io/org/web:1\nPod=app.pod\n', [`${DIR}/app.pod`]: '[Pod]\n' }, P), []);
});

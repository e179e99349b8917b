import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, assertFix, covered, one, only } from './generator-helpers';

const CODE = 'quadlet/remap-users-value';
const C = `${DIR}/web.container`;
const K = `${DIR}/app.kube`;

test('remap-users-value: a mode podman does not know', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\nRemapUsers=Auto\n';
	const d = one(CODE, { [C]: text }, C);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), 'RemapUsers=Auto');
	assert.match(d.message, /unsupported RemapUsers option 'Auto'/);
	assertFix(text, d.fixes?.[0], '[Container]\nImage=quay.io/org/web:1\nRemapUsers=auto\n');
});

test('remap-users-value: quotes are part of the value', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\nRemapUsers="keep-id"\n';
	const d = one(CODE, { [C]: text }, C);
	assert.match(d.message, /quotes become part of it/);
	assertFix(text, d.fixes?.[0], '[Container]\nImage=quay.io/org/web:1\nRemapUsers=keep-id\n');
});

test('remap-users-value: manual is refused only in .kube units', () => {
	const text = '[Kube]\nYaml=app.yaml\nRemapUsers=manual\nRemapUid=0:100000:1000\n';
	const d = one(CODE, { [K]: text }, K);
	assert.match(d.message, /RemapUsers=manual is not supported/);
	assertFix(text, d.fixes?.[0], '[Kube]\nYaml=app.yaml\nRemapUsers=auto\nRemapUid=0:100000:1000\n');
	assert.deepEqual(only(CODE, { [C]: '[Container]\nImage=quay.io/org/web:1\nRemapUsers=manual\nRemapUid=0:100000:1000\n' }, C), []);
});

test('remap-users-value: keep-id maps a single UID and GID', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\nRemapUsers=keep-id\nRemapUid=1000\nRemapUid=2000\n';
	const d = one(CODE, { [C]: text }, C);
	assert.equal(covered(text, d), 'RemapUid=2000');
	assert.match(d.message, /RemapUsers=keep-id supports only a single value for UID mapping/);
	assert.deepEqual(only(CODE, { [C]: '[Container]\nImage=quay.io/org/web:1\nRemapUsers=keep-id\nRemapUid=1000\nRemapGid=1000\n' }, C), []);
	assert.deepEqual(only(CODE, { [C]: '[Container]\nImage=quay.io/org/web:1\nRemapUsers=auto\n' }, C), []);
});

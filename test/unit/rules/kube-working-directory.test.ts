import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, assertFix, covered, fixNamed, one, only } from './generator-helpers';

const CODE = 'quadlet/kube-working-directory';
const P = `${DIR}/app.kube`;

test('kube-working-directory: yaml with several Yaml= files', () => {
	const text = '[Kube]\nYaml=a.yaml\nYaml=b.yaml\nSetWorkingDirectory=yaml\n';
	const d = one(CODE, { [P]: text }, P);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), 'yaml');
	assert.match(d.message, /SetWorkingDirectory=yaml is only supported when a single Yaml key is provided/);
	assertFix(text, d.fixes?.[0], '[Kube]\nYaml=a.yaml\nYaml=b.yaml\nSetWorkingDirectory=unit\n');
	assert.deepEqual(only(CODE, { [P]: text }, P, { podmanVersion: '5.6' }), []);
});

test('kube-working-directory: file and other values', () => {
	const file = '[Kube]\nYaml=a.yaml\nSetWorkingDirectory=file\n';
	const d = one(CODE, { [P]: file }, P);
	assert.match(d.message, /SetWorkingDirectory=file is only supported in .build files/);
	assertFix(file, fixNamed(d, 'Change to SetWorkingDirectory=yaml'), '[Kube]\nYaml=a.yaml\nSetWorkingDirectory=yaml\n');
	const typo = '[Kube]\nYaml=a.yaml\nSetWorkingDirectory=yml\n';
	const t = one(CODE, { [P]: typo }, P);
	assert.match(t.message, /unsupported value for WorkingDirectory: yml/);
	assertFix(typo, t.fixes?.[0], '[Kube]\nYaml=a.yaml\nSetWorkingDirectory=yaml\n');
});

test('kube-working-directory: yaml with one file and unit are fine', () => {
	assert.deepEqual(only(CODE, { [P]: '[Kube]\nYaml=a.yaml\nSetWorkingDirectory=yaml\n' }, P), []);
	assert.deepEqual(only(CODE, { [P]: '[Kube]\nYaml=a.yaml\nYaml=b.yaml\nSetWorkingDirectory=Unit\n' }, P), []);
});

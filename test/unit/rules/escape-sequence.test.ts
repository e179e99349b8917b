import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, assertFix, covered, one, only } from './generator-helpers';

const CODE = 'quadlet/escape-sequence';
const P = `${DIR}/web.container`;

test('escape-sequence: Exec= loses its value', () => {
	const text = "[Container]\nImage=quay.io/org/web:1\nExec=grep 'a\\.b' /etc/hosts\n";
	const d = one(CODE, { [P]: text }, P);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(text, d), '\\.');
	assert.match(d.message, /unsupported escape char/);
	assert.match(d.message, /whole Exec= value/);
	assertFix(text, d.fixes?.[0], "[Container]\nImage=quay.io/org/web:1\nExec=grep 'a\\\\.b' /etc/hosts\n");
});

test('escape-sequence: Environment= drops the line with a warning, PodmanArgs= silently', () => {
	const env = '[Container]\nImage=quay.io/org/web:1\nEnvironment=PATTERN=^\\d+$\n';
	assert.match(one(CODE, { [P]: env }, P).message, /ignores this whole line/);
	const args = '[Container]\nImage=quay.io/org/web:1\nPodmanArgs=--label=a\\zb\n';
	assert.match(one(CODE, { [P]: args }, P).message, /without any warning/);
});

test('escape-sequence: supported escapes and keys read verbatim are fine', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\nExec=printf "a\\tb\\n\\x41\\\\"\nEnvironment=A=\\s\nVolume=/srv/a\\b:/b\n';
	assert.deepEqual(only(CODE, { [P]: text }, P), []);
	// An earlier Exec= is not used by podman (the last one wins).
	assert.deepEqual(only(CODE, { [P]: '[Container]\nImage=quay.io/org/web:1\nExec=a\\.b\nExec=true\n' }, P), []);
});

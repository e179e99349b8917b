import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, assertFix, covered, one, only } from './generator-helpers';

const CODE = 'quadlet/network-container-options';
const P = `${DIR}/web.container`;
const DB = { [`${DIR}/db.container`]: '[Container]\nImage=quay.io/org/db:1\n' };

test('network-container-options: options after NAME.container', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\nNetwork=db.container:ip=10.89.0.7\n';
	const d = one(CODE, { [P]: text, ...DB }, P);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), ':ip=10.89.0.7');
	assert.match(d.message, /extra options are not supported when joining another container's network/);
	assertFix(text, d.fixes?.[0], '[Container]\nImage=quay.io/org/web:1\nNetwork=db.container\n');
});

test('network-container-options: plain container and network options are fine', () => {
	const files = { [P]: '[Container]\nImage=quay.io/org/web:1\nNetwork=db.container\nNetwork=lan.network:ip=10.89.0.7\n', [`${DIR}/lan.network`]: '[Network]\n', ...DB };
	assert.deepEqual(only(CODE, files, P), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, lint } from '../../helpers/service';

const P = '/etc/containers/systemd/web.container';

test('disable-next-line silences one rule on the next line only', () => {
	const text = '[Container]\nImage=quay.io/a/b:1\n# qm-quadlet-disable-next-line quadlet/unknown-key\nImag=x\nFoo=y\n';
	assert.deepEqual(codes(lint({ [P]: text }, P)), ['quadlet/unknown-key']);
	assert.equal(lint({ [P]: text }, P)[0].message.startsWith('"Foo"'), true);
});

test('disable-next-line with another id does not silence', () => {
	const text = '[Container]\nImage=quay.io/a/b:1\n# qm-quadlet-disable-next-line quadlet/duplicate-key\nImag=x\n';
	assert.deepEqual(codes(lint({ [P]: text }, P)), ['quadlet/unknown-key']);
});

test('file-wide disable', () => {
	const text = '# qm-quadlet-disable quadlet/unknown-key\n[Container]\nImage=quay.io/a/b:1\nImag=x\nFoo=y\n';
	assert.deepEqual(codes(lint({ [P]: text }, P)), []);
});

test('severity settings change or turn off a rule', () => {
	const text = '[Container]\nImage=quay.io/a/b:1\nImag=x\n';
	assert.equal(lint({ [P]: text }, P, { rules: { 'quadlet/unknown-key': 'warning' } })[0].severity, 'warning');
	assert.deepEqual(lint({ [P]: text }, P, { rules: { 'quadlet/unknown-key': 'off' } }), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, codes, lint } from '../../helpers/service';

const P = '/etc/containers/systemd/web.container';

test('quadlet/unknown-section: a misspelt section with a rename fix', () => {
	const text = '[Container]\nImage=quay.io/a/b:1\n[Instal]\nWantedBy=default.target\n';
	const [d] = lint({ [P]: text }, P);
	assert.equal(d.code, 'quadlet/unknown-section');
	assert.equal(d.severity, 'warning');
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('[Instal]', '[Install]'));
});

test('quadlet/unknown-section: X- sections are fine', () => {
	assert.deepEqual(lint({ [P]: '[Container]\nImage=quay.io/a/b:1\n[X-Mine]\nA=b\n' }, P), []);
});

test('quadlet/section-wrong-kind: [Volume] in a .container', () => {
	const d = lint({ [P]: '[Container]\nImage=quay.io/a/b:1\n[Volume]\nDriver=local\n' }, P);
	assert.deepEqual(codes(d), ['quadlet/section-wrong-kind']);
	assert.match(d[0].message, /\[Volume\] belongs in \.volume files/);
});

test('quadlet/section-wrong-kind: [Container] in a .socket', () => {
	const p = '/etc/systemd/system/a.socket';
	assert.deepEqual(codes(lint({ [p]: '[Socket]\nListenStream=/run/a.sock\n[Container]\nImage=x\n' }, p)), ['quadlet/section-wrong-kind']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, lint } from '../../helpers/service';

const P = '/etc/containers/systemd/web.container';

test('quadlet/key-too-new: a 5.3 key with a 5.0 target is an error', () => {
	const text = '[Container]\nImage=quay.io/a/b:1\nStartWithPod=true\n';
	const d = lint({ [P]: text }, P, { podmanVersion: '5.0' });
	assert.deepEqual(codes(d), ['quadlet/key-too-new']);
	assert.equal(d[0].severity, 'error');
	assert.match(d[0].message, /needs podman 5\.3 or newer/);
});

test('quadlet/key-too-new: fine on the newest target and on a new enough one', () => {
	const text = '[Container]\nImage=quay.io/a/b:1\nStartWithPod=true\n';
	assert.deepEqual(lint({ [P]: text }, P), []);
	assert.deepEqual(lint({ [P]: text }, P, { podmanVersion: '5.3' }), []);
});

test('quadlet/key-too-new: unit types newer than the target', () => {
	const p = '/etc/containers/systemd/a.artifact';
	assert.deepEqual(codes(lint({ [p]: '[Artifact]\nArtifact=quay.io/a/b:1\n' }, p, { podmanVersion: '5.6' })), ['quadlet/key-too-new']);
	assert.deepEqual(lint({ [p]: '[Artifact]\nArtifact=quay.io/a/b:1\n' }, p, { podmanVersion: '5.7' }), []);
});

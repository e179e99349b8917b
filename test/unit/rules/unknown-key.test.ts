import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, codes, lint } from '../../helpers/service';

const P = '/etc/containers/systemd/web.container';

test('quadlet/unknown-key: a typo in [Container] is an error with a rename fix', () => {
	const text = '[Container]\nImage=quay.io/a/b:1\nPublishPorts=8080:80\n';
	const [d] = lint({ [P]: text }, P);
	assert.equal(d.code, 'quadlet/unknown-key');
	assert.equal(d.severity, 'error');
	assert.equal(text.slice(d.start, d.end), 'PublishPorts');
	assert.match(d.message, /Did you mean "PublishPort"\?/);
	assert.equal(applyEdits(text, d.fixes![0].edits), '[Container]\nImage=quay.io/a/b:1\nPublishPort=8080:80\n');
});

test('quadlet/unknown-key: keys are case-sensitive', () => {
	const [d] = lint({ [P]: '[Container]\nimage=quay.io/a/b:1\n' }, P).filter((x) => x.code === 'quadlet/unknown-key');
	assert.match(d.message, /case-sensitive: write "Image"/);
});

test('quadlet/unknown-key: a key of another section says where it belongs', () => {
	const [d] = lint({ [P]: '[Container]\nImage=quay.io/a/b:1\nDescription=x\n' }, P);
	assert.match(d.message, /belongs in \[Unit\]/);
	assert.equal(d.fixes, undefined);
});

test('quadlet/unknown-key: [Quadlet] keys are checked too', () => {
	assert.deepEqual(codes(lint({ [P]: '[Container]\nImage=quay.io/a/b:1\n[Quadlet]\nDefaultDependency=false\n' }, P)), ['quadlet/unknown-key']);
});

test('quadlet/unknown-key: valid keys, X- sections and pass-through sections are silent', () => {
	const text = '[Unit]\nDescription=web\n[Container]\nImage=quay.io/a/b:1\nPublishPort=8080:80\n[X-Custom]\nAnything=goes\n[Service]\nRestart=always\n';
	assert.deepEqual(lint({ [P]: text }, P), []);
});

test('systemd/unknown-key: unknown [Service] key is a warning', () => {
	const [d] = lint({ [P]: '[Container]\nImage=quay.io/a/b:1\n[Service]\nRestartSecs=5\n' }, P);
	assert.equal(d.code, 'systemd/unknown-key');
	assert.equal(d.severity, 'warning');
	assert.match(d.message, /Did you mean "RestartSec"\?/);
});

test('systemd/unknown-key: socket units are checked against [Socket]', () => {
	const p = '/etc/systemd/system/ipc.socket';
	assert.deepEqual(codes(lint({ [p]: '[Socket]\nListenStream=/run/ipc/a.sock\nListenStreams=/x\n' }, p)), ['systemd/unknown-key']);
	assert.deepEqual(lint({ [p]: '[Unit]\nDescription=a\n[Socket]\nListenStream=/run/ipc/a.sock\nSocketMode=0660\n[Install]\nWantedBy=sockets.target\n' }, p), []);
});

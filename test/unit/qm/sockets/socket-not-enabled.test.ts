import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/socket-not-enabled';
const RULE = 'socket-not-enabled';
const S = '/etc/qm/systemd/system/media-library.socket';

test('socket-not-enabled: a QM socket nobody pulls in (fixture)', () => {
	const files = tree(RULE, 'bad');
	const d = one(files, S, CODE);
	assert.equal(d.severity, 'information');
	assert.equal(covered(files, S, d), 'sockets.target');
	assert.match(d.message, /podman exec qm systemctl enable media-library\.socket/);
});

test('socket-not-enabled: a consumer with Requires= pulls it in (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('socket-not-enabled: Sockets= pulls it in; host sockets are not reminded', () => {
	const files = tree(RULE, 'bad');
	const claim = { ...files, '/etc/qm/containers/systemd/media-library.container': `${files['/etc/qm/containers/systemd/media-library.container']}Sockets=media-library.socket\n` };
	assert.deepEqual(findings(claim, S, CODE), []);
	const host = '/etc/systemd/system/media-library.socket';
	assert.deepEqual(findings({ [host]: files[S] }, host, CODE), []);
});

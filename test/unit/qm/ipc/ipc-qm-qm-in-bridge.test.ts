import { test } from 'node:test';
import assert from 'node:assert/strict';
import { everywhere, one, tree } from './helpers';

const CODE = 'qm/ipc-qm-qm-in-bridge';
const SERVER = '/etc/qm/containers/systemd/media-server.container';
const PLAYER = '/etc/qm/containers/systemd/media-player.container';

test('ipc-qm-qm-in-bridge: two QM containers talking through /run/ipc with nothing on the host', () => {
	const files = tree('ipc-qm-qm-in-bridge', 'bad');
	assert.deepEqual(everywhere(files, CODE), [`${PLAYER}: /run/ipc/media.sock`, `${SERVER}: /run/ipc/media.sock`]);
	const d = one(files, PLAYER, CODE);
	assert.equal(d.severity, 'warning');
	assert.match(d.message, /shared only with QM media-server\.container/);
	assert.match(d.message, /QM's own \/run/);
	assert.deepEqual([...new Set(d.related?.map((r) => r.path))], [SERVER]);
});

test('ipc-qm-qm-in-bridge: QM peers in /run/media and a host-served bridge client are fine', () => {
	assert.deepEqual(everywhere(tree('ipc-qm-qm-in-bridge', 'good'), CODE), []);
});

test('ipc-qm-qm-in-bridge: a host socket for the path, or no host file at all, keeps it silent', () => {
	const files = tree('ipc-qm-qm-in-bridge', 'bad');
	const served = { ...files, '/etc/systemd/system/media.socket': '[Socket]\nListenStream=%t/ipc/media.sock\n' };
	assert.deepEqual(everywhere(served, CODE), []);
	const qmOnly = { [SERVER]: files[SERVER], [PLAYER]: files[PLAYER] };
	assert.deepEqual(everywhere(qmOnly, CODE), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, everywhere, tree } from './helpers';

const CODE = 'qm/volume-source-missing';
const BAD = tree('volume-source-missing', 'bad');
const DROPIN = '/etc/containers/systemd/qm.container.d/10-ipc.conf';

test('fires on boundary /run mounts no host unit creates', () => {
	assert.deepEqual(everywhere(BAD, CODE), [`${DROPIN}: /run/ipc/ (warning)`, `${DROPIN}: /run/climate (warning)`]);
	assert.match(at(BAD, DROPIN, CODE, '/run/ipc/').message, /ListenStream=%t\/ipc\/<name>\.socket/);
});

test('silent: a host socket listens under /run/ipc, a RuntimeDirectory= makes the other, bluechi is provided', () => {
	assert.deepEqual(everywhere(tree('volume-source-missing', 'good'), CODE), []);
});

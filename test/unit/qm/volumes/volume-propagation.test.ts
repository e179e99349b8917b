import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree } from './helpers';

const CODE = 'qm/volume-propagation';
const BAD = tree('volume-propagation', 'bad');
const DROPIN = '/etc/containers/systemd/qm.container.d/80-ipc.conf';
const CLIENT = '/etc/qm/containers/systemd/ipc-client.container';

test('fires on rshared on the boundary and on shared on a QM bridge mount', () => {
	assert.deepEqual(everywhere(BAD, CODE), [`${DROPIN}: rshared (warning)`, `${CLIENT}: shared (warning)`]);
});

test('fix: remove the propagation option (whole text)', () => {
	assert.equal(applied(BAD, DROPIN, fixOf(at(BAD, DROPIN, CODE, 'rshared'), 'Remove')), `[Container]
Volume=/run/ipc/:/run/ipc/
`);
	assert.equal(applied(BAD, CLIENT, fixOf(at(BAD, CLIENT, CODE, 'shared'), 'Remove')), `[Container]
Image=registry.example.com/car/ipc-client:1
SecurityLabelType=qm_container_ipc_t
Volume=/run/ipc/:/run/ipc/:ro
`);
});

test('silent: private propagation on the boundary, rshared on a QM-internal directory', () => {
	assert.deepEqual(everywhere(tree('volume-propagation', 'good'), CODE), []);
});

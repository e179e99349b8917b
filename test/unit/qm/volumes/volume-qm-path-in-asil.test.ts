import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, everywhere, tree } from './helpers';

const CODE = 'qm/volume-qm-path-in-asil';
const BAD = tree('volume-qm-path-in-asil', 'bad');
const SHIPPER = '/etc/containers/systemd/log-shipper.container';

test('error for a read-write QM path, warning for a read-only one', () => {
	assert.deepEqual(everywhere(BAD, CODE), [
		`${SHIPPER}: /var/qm/log (error)`,
		`${SHIPPER}: /etc/qm/navigation (warning)`,
	]);
	assert.match(at(BAD, SHIPPER, CODE, '/var/qm/log').message, /read-write/);
	assert.match(at(BAD, SHIPPER, CODE, '/etc/qm/navigation').message, /\/run\/ipc/);
});

test('silent: host paths and the /run/ipc bridge in a host container', () => {
	assert.deepEqual(everywhere(tree('volume-qm-path-in-asil', 'good'), CODE), []);
});

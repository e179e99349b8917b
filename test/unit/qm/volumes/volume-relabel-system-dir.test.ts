import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree } from './helpers';

const CODE = 'qm/volume-relabel-system-dir';
const BAD = tree('volume-relabel-system-dir', 'bad');
const CAM = '/etc/qm/containers/systemd/dashcam.container';
const CERTS = '/etc/containers/systemd/cert-sync.container';

test('fires on :Z of QM /var/tmp and on :z of a host /etc subdirectory', () => {
	assert.deepEqual(everywhere(BAD, CODE), [`${CERTS}: z (warning)`, `${CAM}: Z (warning)`]);
	assert.match(at(BAD, CAM, CODE, 'Z').message, /QM's \/var\/tmp \(host \/var\/qm\/tmp\)/);
	assert.match(at(BAD, CAM, CODE, 'Z').message, /\/var\/tmp\/dashcam/);
});

test('fix: use :z where sharing is intended (whole text)', () => {
	const d = at(BAD, CAM, CODE, 'Z');
	assert.equal(applied(BAD, CAM, fixOf(d, 'Use "z"')), `[Container]
Image=registry.example.com/car/dashcam:2
# frames go to /tmp in the container
Volume=/var/tmp:/tmp:z
`);
});

test('fix: remove the relabel option (whole text)', () => {
	assert.equal(applied(BAD, CAM, fixOf(at(BAD, CAM, CODE, 'Z'), 'Remove')), `[Container]
Image=registry.example.com/car/dashcam:2
# frames go to /tmp in the container
Volume=/var/tmp:/tmp
`);
	assert.equal(applied(BAD, CERTS, fixOf(at(BAD, CERTS, CODE, 'z'), 'Remove the "z" option')), `[Container]
Image=registry.example.com/ops/cert-sync:1
Volume=/etc/pki/tls:/certs:ro
`);
});

test('silent: a dedicated subdirectory of /var/tmp', () => {
	assert.deepEqual(everywhere(tree('volume-relabel-system-dir', 'good'), CODE), []);
});

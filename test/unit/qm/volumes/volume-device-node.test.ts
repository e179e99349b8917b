import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree } from './helpers';

const CODE = 'qm/volume-device-node';
const BAD = tree('volume-device-node', 'bad');
const OBD = '/etc/qm/containers/systemd/obd-reader.container';

test('fires on device binds in QM, on the boundary and in PodmanArgs', () => {
	assert.deepEqual(everywhere(BAD, CODE), [
		'/etc/containers/systemd/qm.container.d/60-gpu.conf: /dev/dri/renderD128 (warning)',
		'/etc/containers/systemd/rear-view.container: /dev/video0 (warning)',
		`${OBD}: /dev/ttyUSB0 (warning)`,
	]);
	const d = at(BAD, OBD, CODE, '/dev/ttyUSB0');
	assert.match(d.message, /AddDevice=-\/dev\/ttyUSB0/);
	assert.match(d.message, /org\.containers\.qm\.device\.ttyUSB=true/);
});

test('fix: replace the bind with AddDevice=- (whole text)', () => {
	const d = at(BAD, OBD, CODE, '/dev/ttyUSB0');
	assert.equal(applied(BAD, OBD, fixOf(d, 'AddDevice=-/dev/ttyUSB0')), `[Container]
Image=registry.example.com/car/obd-reader:4
AddDevice=-/dev/ttyUSB0
`);
});

test('fix: replace the bind with the qm device annotation (whole text)', () => {
	const d = at(BAD, OBD, CODE, '/dev/ttyUSB0');
	assert.equal(applied(BAD, OBD, fixOf(d, 'Annotation=')), `[Container]
Image=registry.example.com/car/obd-reader:4
Annotation=org.containers.qm.device.ttyUSB=true
`);
});

test('a host container gets AddDevice= without "-" in the message; no fix inside PodmanArgs', () => {
	const d = at(BAD, '/etc/containers/systemd/rear-view.container', CODE, '/dev/video0');
	assert.match(d.message, /AddDevice=\/dev\/video0/);
	assert.equal(d.fixes, undefined);
});

test('silent: AddDevice= and a /dev/shm directory', () => {
	assert.deepEqual(everywhere(tree('volume-device-node', 'good'), CODE), []);
});

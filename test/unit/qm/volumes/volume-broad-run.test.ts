import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree } from './helpers';

const CODE = 'qm/volume-broad-run';
const BAD = tree('volume-broad-run', 'bad');
const HUB = '/etc/qm/containers/systemd/sensor-hub.container';

test('fires on Volume=/run/:/run/ and on Volume=%t:%t in QM', () => {
	assert.deepEqual(everywhere(BAD, CODE), [
		`${HUB}: /run/ (warning)`,
		'/etc/qm/containers/systemd/sensor-reader.container: %t (warning)',
	]);
	const d = at(BAD, HUB, CODE, '/run/');
	assert.match(d.message, /\/run\/sensor-hub\/hub\.sock/);
	assert.equal(d.related?.[0].path, HUB);
	assert.equal(BAD[HUB].slice(d.related![0].start, d.related![0].end), '/run/sensor-hub/hub.sock');
});

test('fix: narrow /run to the directory of the socket the unit names (whole text)', () => {
	const d = at(BAD, HUB, CODE, '/run/');
	assert.equal(applied(BAD, HUB, fixOf(d, 'Mount only /run/sensor-hub/')), `[Unit]
Description=Sensor hub: serves readings on a socket

[Container]
Image=registry.example.com/car/sensor-hub:3
Environment=SOCKET_PATH=/run/sensor-hub/hub.sock
# share the socket with the readers
Volume=/run/sensor-hub/:/run/sensor-hub/
SecurityLabelLevel=s0:c40,c41
`);
});

test('no fix without a socket path to narrow to', () => {
	const d = at(BAD, '/etc/qm/containers/systemd/sensor-reader.container', CODE, '%t');
	assert.equal(d.fixes, undefined);
});

test('silent: a dedicated /run/<app>/ directory in QM, and a host container (not QM\'s /run)', () => {
	assert.deepEqual(everywhere(tree('volume-broad-run', 'good'), CODE), []);
});

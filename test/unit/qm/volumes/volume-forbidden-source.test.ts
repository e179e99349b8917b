import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, findings, fixOf, tree } from './helpers';

const CODE = 'qm/volume-forbidden-source';
const BAD = tree('volume-forbidden-source', 'bad');
const GOOD = tree('volume-forbidden-source', 'good');
const DROPIN = '/etc/containers/systemd/qm.container.d/20-host-diagnostics.conf';
const TELEMETRY = '/etc/qm/containers/systemd/telemetry.container';

test('boundary: host control-plane sockets, disks and writable /sys are errors, a host /etc file is a warning', () => {
	assert.deepEqual(findings(BAD, DROPIN, CODE).map((d) => `${BAD[DROPIN].slice(d.start, d.end)} ${d.severity}`), [
		'/run/systemd/journal error',
		'/dev/disk/by-id error',
		'/etc/os-release warning',
		'/sys/kernel/debug error',
	]);
	const d = at(BAD, DROPIN, CODE, '/run/systemd/journal');
	assert.match(d.message, /Volume=\/run\/systemd\/journal:\/run\/systemd\/journal mounts host \/run\/systemd\/journal into the QM partition/);
	assert.match(d.message, /FFI test sockets/);
});

test('nested: QM engine config and /proc are errors, QM control sockets and a writable image store are warnings', () => {
	assert.deepEqual(findings(BAD, TELEMETRY, CODE).map((d) => `${BAD[TELEMETRY].slice(d.start, d.end)} ${d.severity}`), [
		'/etc/containers error',
		'/run/dbus warning',
		'/var/lib/shared warning',
		'/proc error',
	]);
});

test('a drop-in line is reported in the drop-in, not in the unit', () => {
	const path = '/etc/qm/containers/systemd/telemetry.container.d/10-debug.conf';
	assert.deepEqual(findings(BAD, path, CODE).map((d) => `${BAD[path].slice(d.start, d.end)} ${d.severity}`), ['/sys error']);
});

test('the wayland stack gets only a notice for QM\'s /run/systemd', () => {
	const path = '/etc/qm/containers/systemd/compositor.container';
	const d = at(BAD, path, CODE, '/run/systemd');
	assert.equal(d.severity, 'information');
	assert.match(d.message, /qm_container_wayland_t/);
});

test('fix: remove the forbidden Volume= line (whole text)', () => {
	const d = at(BAD, DROPIN, CODE, '/dev/disk/by-id');
	assert.equal(applied(BAD, DROPIN, fixOf(d, 'Remove this Volume= line')), `# Hands QM the host journal and the raw disks so a diagnostics app can read them.
[Container]
Volume=/run/systemd/journal:/run/systemd/journal
Volume=/etc/os-release:/etc/host-os-release:ro
Volume=/sys/kernel/debug:/sys/kernel/debug
`);
});

test('fix: mount /sys read-only (whole text)', () => {
	const d = at(BAD, DROPIN, CODE, '/sys/kernel/debug');
	assert.equal(applied(BAD, DROPIN, fixOf(d, 'read-only')), `# Hands QM the host journal and the raw disks so a diagnostics app can read them.
[Container]
Volume=/run/systemd/journal:/run/systemd/journal
Volume=/dev/disk/by-id:/dev/disk/by-id:ro
Volume=/etc/os-release:/etc/host-os-release:ro
Volume=/sys/kernel/debug:/sys/kernel/debug:ro
`);
});

test('silent: the partition\'s own ${RW*} mounts, the bridge, bluechi, read-only /sys and image store, QM app files', () => {
	assert.deepEqual(everywhere(GOOD, CODE), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, everywhere, tree } from './helpers';

/** The containers.conf branch of qm/volume-device-node (the unit branch is tested in ../volumes/). */
const CODE = 'qm/volume-device-node';
const BAD = tree('volume-device-node', 'bad');
const SEAT = '/etc/qm/containers/containers.conf.d/60-seat.conf';

test('bind mounts of device nodes in containers.conf mounts, QM and host', () => {
	assert.deepEqual(everywhere(BAD, CODE), [
		'/etc/containers/containers.conf.d/60-gpu.conf: /dev/dri/renderD128 (warning)',
		`${SEAT}: /dev/input/event3 (warning)`,
		`${SEAT}: /dev/tty3 (warning)`,
		`${SEAT}: \\u002Fdev/ttyUSB1 (warning)`,
	]);
});

test('messages name devices = [...] and, in QM, the boundary annotation', () => {
	const d = at(BAD, SEAT, CODE, '/dev/tty3');
	assert.match(d.message, /devices = \["\/dev\/tty3"\]/);
	assert.match(d.message, /Annotation=org\.containers\.qm\.device\.ttys=true/);
	const host = at(BAD, '/etc/containers/containers.conf.d/60-gpu.conf', CODE, '/dev/dri/renderD128');
	assert.doesNotMatch(host.message, /QM boundary/);
});

test('forbidden devices inside QM are left to qm/containers-conf-qm-values', () => {
	const files = { [SEAT]: '[containers]\nmounts = ["type=bind,source=/dev/kmsg,target=/dev/kmsg"]\n' };
	assert.deepEqual(everywhere(files, CODE), []);
	assert.deepEqual(everywhere(files, 'qm/containers-conf-qm-values'), [`${SEAT}: /dev/kmsg (error)`]);
});

test('silent: devices = [...], directories and named volumes', () => {
	assert.deepEqual(everywhere(tree('volume-device-node', 'good'), CODE), []);
});

test('a suppression comment inside the array silences one element', () => {
	const files = { [SEAT]: '[containers]\nmounts = [\n  # qm-quadlet-disable-next-line qm/volume-device-node\n  "type=bind,source=/dev/tty0,target=/dev/tty0",\n  "type=bind,source=/dev/tty1,target=/dev/tty1",\n]\n' };
	assert.deepEqual(everywhere(files, CODE), [`${SEAT}: /dev/tty1 (warning)`]);
});

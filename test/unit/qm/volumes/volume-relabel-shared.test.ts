import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree } from './helpers';

const CODE = 'qm/volume-relabel-shared';
const BAD = tree('volume-relabel-shared', 'bad');
const SERVER = '/etc/containers/systemd/nav-server.container';
const UDEV = '/etc/containers/systemd/qm.container.d/50-udev.conf';
const CLIENT = '/etc/qm/containers/systemd/nav-client.container';

test('fires on /run/ipc, on a boundary volume and on a path podman refuses to relabel; the range is the option', () => {
	assert.deepEqual(everywhere(BAD, CODE), [
		`${SERVER}: z (error)`,
		`${SERVER}: z (error)`,
		`${UDEV}: Z (error)`,
		`${CLIENT}: relabel=shared (error)`,
	]);
	const ipc = at(BAD, SERVER, CODE, 'z', 0);
	const lib = at(BAD, SERVER, CODE, 'z', 1);
	assert.match(ipc.message, /ipc_var_run_t/);
	assert.match(lib.message, /SELinux relabeling of \/var\/lib is not allowed/);
	assert.match(at(BAD, UDEV, CODE, 'Z').message, /host \/run\/udev/);
});

test('fix: drop ":z" from the bridge mount (whole text)', () => {
	const d = at(BAD, SERVER, CODE, 'z', 0);
	assert.equal(applied(BAD, SERVER, fixOf(d, 'Remove the "z" option')), `[Unit]
Requires=nav-server.socket
After=nav-server.socket

[Container]
Image=registry.example.com/car/nav-server:8
SecurityLabelType=ipc_t
Volume=/run/ipc/:/run/ipc/
Volume=/var/lib:/host-lib:ro,z
`);
});

test('fix: drop ",Z" after ro (whole text)', () => {
	const d = at(BAD, UDEV, CODE, 'Z');
	assert.equal(applied(BAD, UDEV, fixOf(d, 'Remove the "Z" option')), `[Container]
Volume=/run/udev:/run/udev:ro
`);
});

test('fix: drop the relabel= field of a Mount= (whole text)', () => {
	const d = at(BAD, CLIENT, CODE, 'relabel=shared');
	assert.equal(applied(BAD, CLIENT, fixOf(d, 'Remove the "relabel=shared" option')), `[Container]
Image=registry.example.com/car/nav-client:8
SecurityLabelType=qm_container_ipc_t
Mount=type=bind,source=/run/ipc,destination=/run/ipc
`);
});

test('silent: /run/ipc without relabel, a private subdirectory with :Z', () => {
	assert.deepEqual(everywhere(tree('volume-relabel-shared', 'good'), CODE), []);
});

test('PodmanArgs: the option inside a continued --volume value is located exactly, and the fix removes only ":Z"', () => {
	const path = '/etc/containers/systemd/nav-server.container';
	const text = '[Container]\nImage=x\nPodmanArgs=--network=none \\\n  --volume /run/ipc/:/run/ipc/:Z --log-level=info\n';
	const files = { [path]: text };
	const d = at(files, path, CODE, 'Z');
	assert.equal(applied(files, path, fixOf(d, 'Remove the "Z" option')), '[Container]\nImage=x\nPodmanArgs=--network=none \\\n  --volume /run/ipc/:/run/ipc/ --log-level=info\n');
});

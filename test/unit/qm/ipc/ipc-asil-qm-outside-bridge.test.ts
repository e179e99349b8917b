import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/ipc-asil-qm-outside-bridge';
const DROPIN = '/etc/containers/systemd/qm.container.d/20-vehicle.conf';
const SOCKET = '/etc/systemd/system/vehicle-state.socket';
const SERVER = '/etc/containers/systemd/vehicle-state.container';
const CLIENT = '/etc/qm/containers/systemd/cluster-ui.container';

test('ipc-asil-qm-outside-bridge: a boundary bind of /run/vehicle is reported on every side', () => {
	const files = tree('ipc-asil-qm-outside-bridge', 'bad');
	assert.deepEqual(everywhere(files, CODE), [
		`${DROPIN}: /run/vehicle`,
		`${SERVER}: /run/vehicle`,
		`${CLIENT}: /run/vehicle/state.sock`,
		`${CLIENT}: /run/vehicle`,
		`${SOCKET}: %t/vehicle/state.sock`,
	]);
	const d = one(files, DROPIN, CODE);
	assert.equal(d.severity, 'error');
	assert.match(d.message, /Volume=\/run\/vehicle:\/run\/vehicle binds the host's \/run\/vehicle into the QM partition/);
	assert.match(d.message, /ipc_var_run_t/);
	assert.deepEqual(d.related?.map((r) => r.path).sort(), [SERVER, CLIENT, CLIENT, SOCKET].sort());
	const s = one(files, SOCKET, CODE);
	assert.equal(s.related?.[0].path, DROPIN);
	assert.equal(covered(files, DROPIN, s.related![0]), '/run/vehicle');
});

test('ipc-asil-qm-outside-bridge: the fix moves the path under /run/ipc/ in all four files', () => {
	const files = tree('ipc-asil-qm-outside-bridge', 'bad');
	const expected = {
		[DROPIN]: '# Expose the vehicle state service to the QM partition.\n[Container]\nVolume=/run/ipc/vehicle:/run/ipc/vehicle\n',
		[SOCKET]: files[SOCKET].replace('ListenStream=%t/vehicle/state.sock', 'ListenStream=%t/ipc/vehicle/state.sock'),
		[SERVER]: files[SERVER].replace('Volume=/run/vehicle:/run/vehicle', 'Volume=/run/ipc/vehicle:/run/vehicle'),
		[CLIENT]: files[CLIENT].replace('STATE_SOCKET=/run/vehicle/state.sock', 'STATE_SOCKET=/run/ipc/vehicle/state.sock').replace('Volume=/run/vehicle:/run/vehicle', 'Volume=/run/ipc/vehicle:/run/vehicle'),
	};
	for (const path of [DROPIN, SOCKET, SERVER, CLIENT]) {
		const d = findings(files, path, CODE)[0];
		assert.equal(d.fixes?.[0].title, 'Move /run/vehicle under /run/ipc/ on both sides (/run/ipc/vehicle)');
		assert.deepEqual(applyFix(files, path, d.fixes?.[0]), expected, `fix offered in ${path}`);
	}
	// After the fix nothing crosses outside the bridge any more.
	assert.deepEqual(everywhere({ ...files, ...expected }, CODE), []);
});

test('ipc-asil-qm-outside-bridge: /run/ipc, the bluechi socket and a read-only image store are fine', () => {
	const files = tree('ipc-asil-qm-outside-bridge', 'good');
	assert.deepEqual(everywhere(files, CODE), []);
});

const QM_CONTAINER = `[Unit]
Description=QM partition (site copy)

[Container]
ContainerName=qm
SecurityLabelType=qm_t
Rootfs=/usr/lib/qm/rootfs
# site additions
Volume=/var/lib/shared:/var/lib/shared:ro
Volume=%t/asilservice:/run/asilservice
Volume=/run/udev:/run/udev:ro
Volume=/run:/run
PodmanArgs=-v /run/hmi:/run/hmi

[Service]
Restart=always
`;

test('ipc-asil-qm-outside-bridge: an edited /etc qm.container is checked line by line; control planes are left to volume-forbidden-source', () => {
	const path = '/etc/containers/systemd/qm.container';
	const files = { [path]: QM_CONTAINER, '/usr/share/containers/systemd/qm.container': '[Container]\nContainerName=qm\nSecurityLabelType=qm_t\n' };
	const ds = findings(files, path, CODE);
	assert.deepEqual(ds.map((d) => covered(files, path, d)), ['%t/asilservice', '/run/hmi']);
	assert.deepEqual(findings(files, '/usr/share/containers/systemd/qm.container', CODE), []);
	const out = applyFix(files, path, ds[0].fixes?.[0]);
	assert.deepEqual(out, { [path]: QM_CONTAINER.replace('Volume=%t/asilservice:/run/asilservice', 'Volume=%t/ipc/asilservice:/run/ipc/asilservice') });
	const args = applyFix(files, path, ds[1].fixes?.[0]);
	assert.deepEqual(args, { [path]: QM_CONTAINER.replace('PodmanArgs=-v /run/hmi:/run/hmi', 'PodmanArgs=-v /run/ipc/hmi:/run/ipc/hmi') });
});

test('ipc-asil-qm-outside-bridge: no fix when the QM side lies outside /run', () => {
	const path = '/etc/containers/systemd/qm.container.d/50-x.conf';
	const files = { [path]: '[Container]\nVolume=/run/vendor-x:/var/vendor-x\n' };
	const d = one(files, path, CODE);
	assert.equal(d.fixes, undefined);
});

test('ipc-asil-qm-outside-bridge: host files outside the crossing and QM-only /run paths are silent', () => {
	const files = {
		'/etc/containers/systemd/qm.container.d/10-ipc.conf': '[Container]\nVolume=/run/ipc/:/run/ipc/\n',
		'/etc/containers/systemd/local.container': '[Container]\nImage=registry.example.com/a:1\nVolume=/run/local-app:/run/local-app\n',
		'/etc/qm/containers/systemd/app.container': '[Container]\nImage=registry.example.com/b:1\nVolume=/run/app/:/run/app/\n',
	};
	assert.deepEqual(everywhere(files, CODE), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, covered, everywhere, one, tree } from './helpers';

const CODE = 'qm/ipc-server-type';
const SERVER = '/etc/containers/systemd/telemetry.container';

test('ipc-server-type: a host container mounting /run/ipc without ipc_t', () => {
	const files = tree('ipc-server-type', 'bad');
	assert.deepEqual(everywhere(files, CODE), [`${SERVER}: /run/ipc/`]);
	const d = one(files, SERVER, CODE);
	assert.equal(d.severity, 'warning');
	assert.match(d.message, /runs as container_t/);
	assert.match(d.message, /Add SecurityLabelType=ipc_t/);
	assert.deepEqual(d.related?.map((r) => r.path), ['/etc/systemd/system/telemetry.socket']);
	assert.deepEqual(applyFix(files, SERVER, d.fixes?.[0]), {
		[SERVER]: `[Unit]
Description=Telemetry collector on the host, serving QM through /run/ipc
Requires=telemetry.socket
After=telemetry.socket

[Container]
Image=registry.example.com/vehicle/telemetry-collector:2.1
Network=none
Volume=/run/ipc/:/run/ipc/
SecurityLabelLevel=s0
SecurityLabelType=ipc_t

[Service]
Restart=on-failure
`,
	});
});

test('ipc-server-type: the documented ipc_t server is fine', () => {
	assert.deepEqual(everywhere(tree('ipc-server-type', 'good'), CODE), []);
});

test('ipc-server-type: a socket-activated server without a bridge mount, and a wrong type', () => {
	const socket = '/etc/systemd/system/gateway.socket';
	const path = '/etc/containers/systemd/gateway.container';
	const files = {
		[socket]: '[Socket]\nListenStream=%t/ipc/gateway.sock\n',
		[path]: '[Unit]\nRequires=gateway.socket\n\n[Container]\nImage=registry.example.com/gateway:1\n',
	};
	const d = one(files, path, CODE);
	assert.equal(covered(files, path, d), '[Container]');
	assert.match(d.message, /activated by gateway\.socket, which listens on \/run\/ipc\/gateway\.sock/);
	assert.deepEqual(applyFix(files, path, d.fixes?.[0]), { [path]: `${files[path]}SecurityLabelType=ipc_t\n` });

	const typed = { ...files, [path]: '[Container]\nImage=registry.example.com/gateway:1\nSecurityLabelType=container_t\n' };
	const t = one(typed, path, CODE);
	assert.equal(covered(typed, path, t), 'container_t');
	assert.deepEqual(applyFix(typed, path, t.fixes?.[0]), { [path]: typed[path].replace('=container_t', '=ipc_t') });
});

test('ipc-server-type: host containers away from the bridge, and QM clients, are not checked', () => {
	const files = {
		'/etc/containers/systemd/web.container': '[Container]\nImage=registry.example.com/web:1\nVolume=/run/web:/run/web\n',
		'/etc/qm/containers/systemd/client.container': '[Container]\nImage=registry.example.com/c:1\nVolume=/run/ipc/:/run/ipc/\nSecurityLabelType=qm_container_ipc_t\n',
	};
	assert.deepEqual(everywhere(files, CODE), []);
});

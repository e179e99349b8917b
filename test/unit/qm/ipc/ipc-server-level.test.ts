import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, covered, everywhere, one, tree } from './helpers';

const CODE = 'qm/ipc-server-level';
const SELF = '/etc/containers/systemd/diagnostics.container';
const ACTIVATED = '/etc/containers/systemd/telemetry.container';

test('ipc-server-level: warning when the ipc_t server creates its socket, information when socket-activated', () => {
	const files = tree('ipc-server-level', 'bad');
	assert.deepEqual(everywhere(files, CODE), [`${SELF}: ipc_t`, `${ACTIVATED}: ipc_t`]);
	const w = one(files, SELF, CODE);
	assert.equal(w.severity, 'warning');
	assert.match(w.message, /not socket-activated/);
	assert.equal(w.related, undefined);
	const i = one(files, ACTIVATED, CODE);
	assert.equal(i.severity, 'information');
	assert.match(i.message, /socket-activated by telemetry\.socket/);
	assert.deepEqual(i.related?.map((r) => r.path), ['/etc/systemd/system/telemetry.socket']);
});

test('ipc-server-level: the fix adds SecurityLabelLevel=s0 at the end of [Container]', () => {
	const files = tree('ipc-server-level', 'bad');
	const d = one(files, SELF, CODE);
	assert.deepEqual(applyFix(files, SELF, d.fixes?.[0]), {
		[SELF]: `[Unit]
Description=Diagnostics server that creates /run/ipc/diag.sock itself

[Container]
Image=registry.example.com/vehicle/diagnostics:5
Network=none
Environment=LISTEN=/run/ipc/diag.sock
Volume=/run/ipc/:/run/ipc/
SecurityLabelType=ipc_t
SecurityLabelLevel=s0

[Service]
Restart=always
`,
	});
});

test('ipc-server-level: an ipc_t server at s0 is fine', () => {
	assert.deepEqual(everywhere(tree('ipc-server-level', 'good'), CODE), []);
});

test('ipc-server-level: another level is replaced with s0; containers without ipc_t or /run/ipc are not checked', () => {
	const path = '/etc/containers/systemd/diag.container';
	const text = '[Container]\nImage=registry.example.com/d:1\nVolume=/run/ipc/:/run/ipc/\nSecurityLabelType=ipc_t\nSecurityLabelLevel=s0:c1,c2\n';
	const d = one({ [path]: text }, path, CODE);
	assert.equal(covered({ [path]: text }, path, d), 's0:c1,c2');
	assert.deepEqual(applyFix({ [path]: text }, path, d.fixes?.[0]), { [path]: text.replace('s0:c1,c2', 's0') });
	assert.deepEqual(everywhere({
		[path]: '[Container]\nImage=registry.example.com/d:1\nVolume=/run/other/:/run/other/\nSecurityLabelType=ipc_t\n',
		'/etc/containers/systemd/plain.container': '[Container]\nImage=registry.example.com/p:1\nVolume=/run/ipc/:/run/ipc/\n',
	}, CODE), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/ipc-client-type';
const CLIENT = '/etc/qm/containers/systemd/dashboard.container';

test('ipc-client-type: a QM bridge client without SecurityLabelType (the "drop the type" mutation)', () => {
	const files = tree('ipc-client-type', 'bad');
	assert.deepEqual(everywhere(files, CODE), [`${CLIENT}: /run/ipc/telemetry.sock`]);
	const d = one(files, CLIENT, CODE);
	assert.equal(d.severity, 'error');
	assert.match(d.message, /runs as qm_container_t/);
	assert.match(d.message, /Add SecurityLabelType=qm_container_ipc_t/);
});

test('ipc-client-type: the fix adds the type at the end of [Container]', () => {
	const files = tree('ipc-client-type', 'bad');
	const d = one(files, CLIENT, CODE);
	assert.deepEqual(applyFix(files, CLIENT, d.fixes?.[0]), {
		[CLIENT]: `[Unit]
Description=Dashboard in QM reading telemetry from the host

[Container]
Image=registry.example.com/vehicle/dashboard:1.4
Network=none
Environment=TELEMETRY_SOCKET=/run/ipc/telemetry.sock
Volume=/run/ipc/:/run/ipc/:ro
SecurityLabelType=qm_container_ipc_t

[Service]
Restart=always
`,
	});
});

test('ipc-client-type: a client with qm_container_ipc_t is fine', () => {
	assert.deepEqual(everywhere(tree('ipc-client-type', 'good'), CODE), []);
});

test('ipc-client-type: a wrong type is replaced in place, also in PodmanArgs', () => {
	const path = '/etc/qm/containers/systemd/reader.container';
	const text = '[Container]\nImage=registry.example.com/reader:1\nSecurityLabelType=qm_container_t\nVolume=/run/ipc/:/run/ipc/\n';
	const d = one({ [path]: text }, path, CODE);
	assert.equal(covered({ [path]: text }, path, d), 'qm_container_t');
	assert.deepEqual(applyFix({ [path]: text }, path, d.fixes?.[0]), { [path]: text.replace('SecurityLabelType=qm_container_t', 'SecurityLabelType=qm_container_ipc_t') });

	const args = '[Container]\nImage=registry.example.com/reader:1\n# keep the label in args\nPodmanArgs=--security-opt label=type:qm_container_t --memory 64m\nVolume=/run/ipc/:/run/ipc/\n';
	const a = one({ [path]: args }, path, CODE);
	assert.equal(covered({ [path]: args }, path, a), 'label=type:qm_container_t');
	assert.deepEqual(applyFix({ [path]: args }, path, a.fixes?.[0]), { [path]: args.replace('label=type:qm_container_t', 'label=type:qm_container_ipc_t') });
});

test('ipc-client-type: a file without a final newline and a type set in a drop-in', () => {
	const path = '/etc/qm/containers/systemd/reader.container';
	const text = '[Container]\nImage=registry.example.com/reader:1\nEnvironment=SOCK=/run/ipc/a.sock';
	const d = one({ [path]: text }, path, CODE);
	assert.deepEqual(applyFix({ [path]: text }, path, d.fixes?.[0]), { [path]: `${text}\nSecurityLabelType=qm_container_ipc_t` });
	const dropin = '/etc/qm/containers/systemd/reader.container.d/label.conf';
	assert.deepEqual(findings({ [path]: text, [dropin]: '[Container]\nSecurityLabelType=qm_container_ipc_t\n' }, path, CODE), []);
});

test('ipc-client-type: QM containers away from /run/ipc, and host containers, are not checked', () => {
	const files = {
		'/etc/qm/containers/systemd/app.container': '[Container]\nImage=registry.example.com/a:1\nVolume=/run/app/:/run/app/\nEnvironment=SOCK=/run/ipc.sock\n',
		'/etc/containers/systemd/server.container': '[Container]\nImage=registry.example.com/s:1\nVolume=/run/ipc/:/run/ipc/\nSecurityLabelType=ipc_t\n',
	};
	assert.deepEqual(everywhere(files, CODE), []);
});

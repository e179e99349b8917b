import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/ipc-bridge-not-mounted-into-qm';
const CLIENT = '/etc/qm/containers/systemd/dashboard.container';
const NEW_DROPIN = '/etc/containers/systemd/qm.container.d/10-ipc.conf';

test('ipc-bridge-not-mounted-into-qm: a QM bridge client with no boundary drop-in (the "delete the drop-in" mutation)', () => {
	const files = tree('ipc-bridge-not-mounted-into-qm', 'bad');
	assert.deepEqual(everywhere(files, CODE), [`${CLIENT}: /run/ipc/telemetry.sock`]);
	const d = one(files, CLIENT, CODE);
	assert.equal(d.severity, 'error');
	assert.match(d.message, /TELEMETRY_SOCKET=|Environment= path \/run\/ipc\/telemetry\.sock/);
	assert.match(d.message, /no qm\.container drop-in in the workspace binds the host's \/run\/ipc/);
	assert.deepEqual(d.related?.map((r) => [r.path, covered(files, r.path, r)]), [['/etc/systemd/system/telemetry.socket', '%t/ipc/telemetry.sock']]);
});

test('ipc-bridge-not-mounted-into-qm: the fix creates the boundary drop-in (ordered after the host socket)', () => {
	const files = tree('ipc-bridge-not-mounted-into-qm', 'bad');
	const d = one(files, CLIENT, CODE);
	const fix = d.fixes?.[0];
	assert.equal(fix?.title, `Create ${NEW_DROPIN} binding /run/ipc into QM`);
	assert.deepEqual(fix?.edits, []);
	const out = applyFix(files, CLIENT, fix);
	assert.deepEqual(out, { [NEW_DROPIN]: '[Unit]\nWants=telemetry.socket\nAfter=telemetry.socket\n\n[Container]\nVolume=/run/ipc/:/run/ipc/\n' });
	assert.deepEqual(everywhere({ ...files, ...out }, CODE), []);
});

test('ipc-bridge-not-mounted-into-qm: without a host socket the new drop-in only mounts the bridge', () => {
	const files = { [CLIENT]: tree('ipc-bridge-not-mounted-into-qm', 'bad')[CLIENT] };
	const d = one(files, CLIENT, CODE);
	assert.deepEqual(applyFix(files, CLIENT, d.fixes?.[0]), { [NEW_DROPIN]: '[Container]\nVolume=/run/ipc/:/run/ipc/\n' });
});

test('ipc-bridge-not-mounted-into-qm: the full bridge, or the boundary drop-in alone, is fine', () => {
	assert.deepEqual(everywhere(tree('ipc-bridge-not-mounted-into-qm', 'good'), CODE), []);
	assert.deepEqual(everywhere(tree('ipc-bridge-not-mounted-into-qm', 'good-dropin-only'), CODE), []);
});

test('ipc-bridge-not-mounted-into-qm: the vendor qm.container with an /etc drop-in counts; a drop-in without /run/ipc does not', () => {
	const client = tree('ipc-bridge-not-mounted-into-qm', 'good')[CLIENT];
	const vendor = '/usr/share/containers/systemd/qm.container';
	const ok = {
		[CLIENT]: client,
		[vendor]: '[Container]\nContainerName=qm\nSecurityLabelType=qm_t\n',
		'/etc/containers/systemd/qm.container.d/10-ipc.conf': '[Container]\nVolume=/run/ipc:/run/ipc\n',
	};
	assert.deepEqual(findings(ok, CLIENT, CODE), []);
	const bad = { ...ok, '/etc/containers/systemd/qm.container.d/10-ipc.conf': '[Container]\nVolume=/var/lib/shared:/var/lib/shared:ro\n' };
	const d = one(bad, CLIENT, CODE);
	assert.match(d.message, /neither \/usr\/share\/containers\/systemd\/qm\.container nor its drop-ins bind/);
	// 10-ipc.conf exists: the fix picks a free name next to it.
	assert.deepEqual(Object.keys(applyFix(bad, CLIENT, d.fixes?.[0])), ['/etc/containers/systemd/qm.container.d/10-ipc-2.conf']);
});

test('ipc-bridge-not-mounted-into-qm: a mount in a drop-in of the QM client is reported in the drop-in', () => {
	const main = '/etc/qm/containers/systemd/viewer.container';
	const dropin = '/etc/qm/containers/systemd/viewer.container.d/ipc.conf';
	const files = {
		[main]: '[Container]\nImage=registry.example.com/viewer:1\nSecurityLabelType=qm_container_ipc_t\n',
		[dropin]: '[Container]\nVolume=/run/ipc/:/run/ipc/\n',
	};
	assert.deepEqual(findings(files, main, CODE), []);
	assert.equal(covered(files, dropin, one(files, dropin, CODE)), '/run/ipc/');
});

test('ipc-bridge-not-mounted-into-qm: tree-relative install paths get the drop-in in the same tree', () => {
	const client = `/srv/image${CLIENT}`;
	const files = { [client]: tree('ipc-bridge-not-mounted-into-qm', 'bad')[CLIENT] };
	const d = one(files, client, CODE);
	assert.deepEqual(Object.keys(applyFix(files, client, d.fixes?.[0])), [`/srv/image${NEW_DROPIN}`]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, covered, everywhere, findings, tree } from './helpers';

const CODE = 'qm/unit-dep-cross-domain';
const RULE = 'unit-dep-cross-domain';
const Q = '/etc/qm/containers/systemd/speedometer.container';

test('unit-dep-cross-domain: a QM container requires the host\'s bridge socket (fixture)', () => {
	const files = tree(RULE, 'bad');
	const found = findings(files, Q, CODE);
	assert.deepEqual(found.map((d) => `${d.severity} ${covered(files, Q, d)}`), ['error vehicle.socket', 'warning vehicle.socket']);
	assert.match(found[0].message, /Requires=vehicle\.socket names a unit that only the host \(ASIL\) has \(\/etc\/systemd\/system\/vehicle\.socket\)/);
	assert.match(found[0].message, /start job of this unit fails/);
	assert.match(found[0].message, /qm\.container\.d/);
	assert.match(found[1].message, /silently has no effect/);
	assert.equal(found[0].related?.[0].path, '/etc/systemd/system/vehicle.socket');
	// The fix removes the line (what upstream did in its ASIL-to-QM client).
	assert.equal(applied(files[Q], found[0].fixes?.[0]), files[Q].replace('Requires=vehicle.socket\n', ''));
});

test('unit-dep-cross-domain: the ordering on the host side is fine (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('unit-dep-cross-domain: a boundary drop-in naming a unit inside QM', () => {
	const dropIn = '/etc/containers/systemd/qm.container.d/50-order.conf';
	const files = { [dropIn]: '[Unit]\nAfter=network-online.target speedometer.service\n', [Q]: '[Container]\nImage=registry.example.com/s:1\n' };
	const found = findings(files, dropIn, CODE);
	assert.deepEqual(found.map((d) => `${d.severity} ${covered(files, dropIn, d)}`), ['warning speedometer.service']);
	assert.match(found[0].message, /host's systemd/);
	assert.equal(applied(files[dropIn], found[0].fixes?.[0]), '[Unit]\nAfter=network-online.target\n');
});

test('unit-dep-cross-domain: units every systemd has, and names defined on both sides, are fine', () => {
	const files = {
		[Q]: '[Unit]\nAfter=dbus.socket multi-user.target shared.service\n[Container]\nImage=registry.example.com/s:1\n',
		'/etc/systemd/system/dbus.socket': '[Socket]\nListenStream=/run/dbus/system_bus_socket\n',
		'/etc/containers/systemd/shared.container': '[Container]\nImage=registry.example.com/x:1\n',
		'/etc/qm/containers/systemd/shared.container': '[Container]\nImage=registry.example.com/x:1\n',
	};
	assert.deepEqual(findings(files, Q, CODE), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, covered, everywhere, findings, fixNamed, one, tree } from './helpers';

const CODE = 'qm/unit-dep-missing-suffix';
const RULE = 'unit-dep-missing-suffix';
const D = '/etc/containers/systemd/qm.container.d/20-diag.conf';

test('unit-dep-missing-suffix: Wants=/After= without a suffix in the boundary drop-in (fixture)', () => {
	const files = tree(RULE, 'bad');
	const found = findings(files, D, CODE);
	assert.deepEqual(found.map((d) => `${d.severity} ${covered(files, D, d)}`), ['warning diag_server', 'warning diag_server']);
	const d = found[0];
	assert.match(d.message, /Wants=diag_server has no unit type suffix/);
	assert.match(d.message, /Failed to add dependency on diag_server, ignoring/);
	assert.match(d.message, /diag_server\.socket or diag_server\.service/);
	// The quick fixes offer the units of that name the host systemd has.
	assert.deepEqual(d.fixes?.map((f) => f.title), ['Change to diag_server.socket', 'Change to diag_server.service']);
	assert.equal(applied(files[D], fixNamed(d, 'Change to diag_server.socket')), files[D].replace('Wants=diag_server\n', 'Wants=diag_server.socket\n'));
	assert.equal(applied(files[D], fixNamed(found[1], 'Change to diag_server.service')), files[D].replace('After=diag_server\n', 'After=diag_server.service\n'));
});

test('unit-dep-missing-suffix: full unit names are fine (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('unit-dep-missing-suffix: runs in the unknown domain too, and in any unit type', () => {
	const p = '/srv/units/app.container';
	const text = '[Unit]\nRequires=database\nAfter=network-online.target database\n[Container]\nImage=registry.example.com/a:1\n';
	const found = findings({ [p]: text }, p, CODE);
	assert.equal(found.length, 2);
	assert.deepEqual(found[0].fixes?.map((f) => [f.title, f.isPreferred]), [['Change to database.service', false]]);
	assert.equal(applied(text, found[0].fixes?.[0]), text.replace('Requires=database\n', 'Requires=database.service\n'));
	const svc = '/etc/systemd/system/backup.service';
	assert.equal(findings({ [svc]: '[Unit]\nAfter=mnt-data\n[Service]\nExecStart=/usr/bin/backup\n' }, svc, CODE).length, 1);
});

test('unit-dep-missing-suffix: a quadlet file name in a plain systemd unit', () => {
	const svc = '/etc/systemd/system/backup.service';
	const text = '[Unit]\nAfter=db.container\n[Service]\nExecStart=/usr/bin/backup\n';
	const files = { [svc]: text, '/etc/containers/systemd/db.container': '[Container]\nImage=registry.example.com/db:1\n' };
	const d = one(files, svc, CODE);
	assert.match(d.message, /systemd has no \.container unit type/);
	assert.equal(applied(text, d.fixes?.[0]), text.replace('db.container', 'db.service'));
	// In a quadlet file the generator rewrites it: fine.
	const q = '/etc/containers/systemd/app.container';
	assert.deepEqual(findings({ ...files, [q]: '[Unit]\nAfter=db.container\n[Container]\nImage=registry.example.com/a:1\n' }, q, CODE), []);
});

test('unit-dep-missing-suffix: specifiers are left alone', () => {
	const p = '/etc/systemd/system/worker@.service';
	assert.deepEqual(findings({ [p]: '[Unit]\nAfter=%i\n[Service]\nExecStart=/bin/true\n' }, p, CODE), []);
});

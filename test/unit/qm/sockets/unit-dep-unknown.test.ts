import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/unit-dep-unknown';
const RULE = 'unit-dep-unknown';
const T = '/etc/qm/containers/systemd/terminal.container';

test('unit-dep-unknown: the ContainerName= used instead of the unit name (fixture)', () => {
	const files = tree(RULE, 'bad');
	const found = findings(files, T, CODE);
	assert.deepEqual(found.map((d) => `${d.severity} ${covered(files, T, d)}`), ['warning shell.service', 'error shell.service']);
	assert.match(found[1].message, /"shell" is the ContainerName= of window_manager\.container, but quadlet names the service after the file: its unit is window_manager\.service/);
	assert.match(found[1].message, /fails the start job/);
	assert.match(found[0].message, /silently has no effect/);
	assert.equal(applied(files[T], found[1].fixes?.[0]), files[T].replace('Requires=shell.service', 'Requires=window_manager.service'));
	assert.equal(applied(files[T], found[0].fixes?.[0]), files[T].replace('After=shell.service', 'After=window_manager.service'));
	assert.equal(found[0].related?.[0].path, '/etc/qm/containers/systemd/window_manager.container');
});

test('unit-dep-unknown: the unit name, and units from packages (dbus.socket), are fine (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('unit-dep-unknown: a near-miss spelling and a wrong generated suffix', () => {
	const files = {
		[T]: '[Unit]\nWants=window_manger.service data.service\n[Container]\nImage=registry.example.com/t:1\n',
		'/etc/qm/containers/systemd/window_manager.container': '[Container]\nImage=registry.example.com/w:1\n',
		'/etc/qm/containers/systemd/data.volume': '[Volume]\n',
	};
	const found = findings(files, T, CODE);
	assert.deepEqual(found.map((d) => `${d.severity} ${covered(files, T, d)} -> ${d.fixes?.[0].edits[0].newText}`), [
		'warning window_manger.service -> window_manager.service',
		'warning data.service -> data-volume.service',
	]);
});

test('unit-dep-unknown: quadlet file names are the generator rule\'s; other systemd\'s units are cross-domain', () => {
	const files = { [T]: '[Unit]\nRequires=shel.container\n[Container]\nImage=registry.example.com/t:1\n', '/etc/qm/containers/systemd/shell.container': '[Container]\nImage=registry.example.com/s:1\n' };
	assert.deepEqual(findings(files, T, CODE), []);
	assert.equal(findings(files, T, 'quadlet/unresolved-reference').length, 1);
	const cross = { [T]: '[Unit]\nRequires=shell.service\n[Container]\nImage=registry.example.com/t:1\n', '/etc/containers/systemd/shell.container': '[Container]\nImage=registry.example.com/s:1\nContainerName=shell\n' };
	assert.deepEqual(findings(cross, T, CODE), []);
	assert.equal(one(cross, T, 'qm/unit-dep-cross-domain').severity, 'error');
});

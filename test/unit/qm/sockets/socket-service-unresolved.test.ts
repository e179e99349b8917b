import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/socket-service-unresolved';
const RULE = 'socket-service-unresolved';
const S = '/etc/qm/systemd/system/session-bus.socket';

test('socket-service-unresolved: the container claims the socket with Sockets= but has no matching name (fixture)', () => {
	const files = tree(RULE, 'bad');
	const d = one(files, S, CODE);
	assert.equal(d.severity, 'error');
	assert.equal(covered(files, S, d), '[Socket]');
	assert.match(d.message, /activates session-bus\.service, but no unit, quadlet or Alias= in the QM partition provides/);
	assert.match(d.message, /Alias=session-bus\.service/);
	assert.equal(d.related?.[0].path, '/etc/qm/containers/systemd/bus-broker.container');
	const fixed = applied(files[S], d.fixes?.[0]);
	assert.equal(fixed, files[S].replace('RemoveOnStop=yes\n', 'RemoveOnStop=yes\nService=bus-broker.service\n'));
	assert.deepEqual(findings({ ...files, [S]: fixed }, S, CODE), [], 'the fix resolves it');
});

test('socket-service-unresolved: Alias= in the container resolves the socket (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('socket-service-unresolved: a wrong Service= is reported on its value', () => {
	const text = '[Socket]\nListenStream=%t/a/a.sock\nService=colector.service\n';
	const files = { [S]: text, '/etc/qm/containers/systemd/collector.container': '[Container]\nImage=registry.example.com/c:1\n' };
	const d = one(files, S, CODE);
	assert.equal(covered(files, S, d), 'colector.service');
	assert.deepEqual(findings({ ...files, [S]: text.replace('colector', 'collector') }, S, CODE), []);
});

test('socket-service-unresolved: a service of the other systemd does not count', () => {
	const host = '/etc/systemd/system/bridge.socket';
	const files = { [host]: '[Socket]\nListenStream=%t/ipc/bridge.sock\n', '/etc/containers/systemd/web.container': '[Container]\nImage=registry.example.com/w:1\n', '/etc/qm/containers/systemd/bridge.container': '[Container]\nImage=registry.example.com/b:1\n' };
	const d = one(files, host, CODE);
	assert.match(d.message, /belongs to the QM partition, a different systemd/);
	assert.deepEqual(findings({ ...files, '/etc/containers/systemd/bridge.container': '[Container]\nImage=registry.example.com/b:1\n' }, host, CODE), []);
});

test('socket-service-unresolved: the ContainerName= as socket name', () => {
	const sock = '/etc/qm/systemd/system/shell.socket';
	const text = '[Socket]\nListenStream=%t/shell/shell.sock\n';
	const files = { [sock]: text, '/etc/qm/containers/systemd/window_manager.container': '[Container]\nImage=registry.example.com/w:1\nContainerName=shell\n' };
	const d = one(files, sock, CODE);
	assert.match(d.message, /"shell" is the ContainerName= of window_manager\.container/);
	assert.equal(applied(text, d.fixes?.[0]), `${text}Service=window_manager.service\n`);
});

test('socket-service-unresolved: a socket whose service may come from a package (no hint in the workspace) is not reported', () => {
	const host = '/etc/systemd/system/cups.socket';
	assert.deepEqual(findings({ [host]: '[Socket]\nListenStream=/run/cups/cups.sock\n' }, host, CODE), []);
	const withContainers = { [host]: '[Socket]\nListenStream=/run/cups/cups.sock\n', '/etc/containers/systemd/web.container': '[Container]\nImage=registry.example.com/w:1\nVolume=/run/cups:/run/cups\n' };
	assert.deepEqual(findings(withContainers, host, CODE), []);
	const files = { [host]: '[Socket]\nListenStream=/run/cups/cups.sock\n', '/etc/systemd/system/cups.service': '[Service]\nExecStart=/usr/sbin/cupsd -l\n', '/etc/containers/systemd/web.container': '[Container]\nImage=registry.example.com/w:1\n' };
	assert.deepEqual(findings(files, host, CODE), []);
});

test('socket-service-unresolved: a wrong Service= in a drop-in is reported in the drop-in', () => {
	const dropIn = '/etc/qm/systemd/system/session-bus.socket.d/10-service.conf';
	const files = { ...tree(RULE, 'good'), [dropIn]: '[Socket]\nService=bus.service\n' };
	assert.deepEqual(findings(files, S, CODE), []);
	const d = one(files, dropIn, CODE);
	assert.equal(covered(files, dropIn, d), 'bus.service');
});

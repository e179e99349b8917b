import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/socket-activation-missing-requires';
const RULE = 'socket-activation-missing-requires';
const C = '/etc/containers/systemd/collector.container';
const S = '/etc/systemd/system/collector.socket';
const SOCKET = '[Socket]\nListenStream=%t/telemetry/collector.sock\n';

test('socket-activation-missing-requires: a socket-activated container without Requires=/After= (fixture)', () => {
	const files = tree(RULE, 'bad');
	const d = one(files, C, CODE);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(files, C, d), '[Container]', 'no [Unit] in the file: reported on the first section');
	assert.match(d.message, /collector\.socket starts collector\.service/);
	assert.match(d.message, /Add Requires=collector\.socket and After=collector\.socket to \[Unit\]/);
	assert.equal(d.related?.[0].path, S);
	// The fix creates [Unit] at the top, after the file's header comments, and keeps the rest.
	assert.equal(applied(files[C], d.fixes?.[0]), files[C].replace('\n[Container]\n', '\n[Unit]\nRequires=collector.socket\nAfter=collector.socket\n\n[Container]\n'));
	assert.deepEqual(everywhere(files, CODE), [`${C}: [Container]`]);
});

test('socket-activation-missing-requires: Requires= plus After= is silent (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('socket-activation-missing-requires: an existing [Unit] gets the two lines at its end', () => {
	const text = '[Unit]\nDescription=Collector\n# ordering below\n\n[Container]\nImage=registry.example.com/c:1\n';
	const files = { [S]: SOCKET, [C]: text };
	const d = one(files, C, CODE);
	assert.equal(covered(files, C, d), '[Unit]');
	assert.equal(applied(text, d.fixes?.[0]), '[Unit]\nDescription=Collector\nRequires=collector.socket\nAfter=collector.socket\n# ordering below\n\n[Container]\nImage=registry.example.com/c:1\n');
});

test('socket-activation-missing-requires: only the missing line is added; After= alone is a hint', () => {
	const onlyAfter = '[Unit]\nAfter=collector.socket\n[Container]\nImage=registry.example.com/c:1\n';
	let files = { [S]: SOCKET, [C]: onlyAfter };
	let d = one(files, C, CODE);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(files, C, d), 'collector.socket');
	assert.equal(applied(onlyAfter, d.fixes?.[0]), '[Unit]\nAfter=collector.socket\nRequires=collector.socket\n[Container]\nImage=registry.example.com/c:1\n');

	const onlyRequires = '[Unit]\nRequires=collector.socket\n[Container]\nImage=registry.example.com/c:1\n';
	files = { [S]: SOCKET, [C]: onlyRequires };
	d = one(files, C, CODE);
	assert.equal(d.severity, 'hint');
	assert.equal(covered(files, C, d), 'Requires=collector.socket');
	assert.equal(applied(onlyRequires, d.fixes?.[0]), '[Unit]\nRequires=collector.socket\nAfter=collector.socket\n[Container]\nImage=registry.example.com/c:1\n');
	// Wants= pulls the socket in as well.
	assert.equal(one({ [S]: SOCKET, [C]: onlyRequires.replace('Requires', 'Wants') }, C, CODE).severity, 'hint');
});

test('socket-activation-missing-requires: a comment glued to the first section stays with it; CRLF is kept', () => {
	const text = '# qm-domain: asil\n# Collector\n\n# the container itself\n[Container]\nImage=registry.example.com/c:1\n';
	const d = one({ [S]: SOCKET, [C]: text }, C, CODE);
	assert.equal(applied(text, d.fixes?.[0]), '# qm-domain: asil\n# Collector\n\n[Unit]\nRequires=collector.socket\nAfter=collector.socket\n\n# the container itself\n[Container]\nImage=registry.example.com/c:1\n');
	const crlf = '[Unit]\r\nDescription=x\r\n[Container]\r\nImage=registry.example.com/c:1\r\n';
	const d2 = one({ [S]: SOCKET, [C]: crlf }, C, CODE);
	assert.equal(applied(crlf, d2.fixes?.[0]), '[Unit]\r\nDescription=x\r\nRequires=collector.socket\r\nAfter=collector.socket\r\n[Container]\r\nImage=registry.example.com/c:1\r\n');
});

test('socket-activation-missing-requires: Sockets=, Accept=yes, another systemd and drop-ins are fine', () => {
	const bare = '[Container]\nImage=registry.example.com/c:1\n';
	assert.deepEqual(findings({ [S]: SOCKET, [C]: `${bare}[Service]\nSockets=collector.socket\n` }, C, CODE), []);
	assert.deepEqual(findings({ [S]: `${SOCKET}Accept=yes\n`, [C]: bare }, C, CODE), []);
	// A QM socket does not activate a host container.
	assert.deepEqual(findings({ '/etc/qm/systemd/system/collector.socket': SOCKET, [C]: bare }, C, CODE), []);
	const dropIn = '/etc/containers/systemd/collector.container.d/10-socket.conf';
	assert.deepEqual(findings({ [S]: SOCKET, [C]: bare, [dropIn]: '[Unit]\nRequires=collector.socket\nAfter=collector.socket\n' }, C, CODE), []);
});

test('socket-activation-missing-requires: activation through Service= and through Alias=', () => {
	const bare = '[Container]\nImage=registry.example.com/c:1\n';
	const viaService = { '/etc/systemd/system/metrics.socket': '[Socket]\nListenStream=%t/m.sock\nService=collector.service\n', [C]: bare };
	assert.match(one(viaService, C, CODE).message, /metrics\.socket starts collector\.service/);
	const Q = '/etc/qm/containers/systemd/compositor.container';
	const viaAlias = { '/etc/qm/systemd/system/display.socket': '[Socket]\nListenStream=/run/user/0/wayland-1\n', [Q]: `${bare}[Install]\nAlias=display.service\n` };
	assert.match(one(viaAlias, Q, CODE).message, /display\.socket starts display\.service/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { everywhere, one, tree } from './helpers';

const CODE = 'qm/ipc-localhost-crossing';
const AGENT = '/etc/qm/containers/systemd/metrics-agent.container';

test('ipc-localhost-crossing: a QM agent sending to 127.0.0.1 where a host container publishes the port', () => {
	const files = tree('ipc-localhost-crossing', 'bad');
	assert.deepEqual(everywhere(files, CODE), [`${AGENT}: 127.0.0.1:8086`]);
	const d = one(files, AGENT, CODE);
	assert.equal(d.severity, 'warning');
	assert.match(d.message, /host's metrics-db\.container \(port 8086\)/);
	assert.match(d.message, /Network=private/);
	assert.deepEqual(d.related?.map((r) => [r.path, tree('ipc-localhost-crossing', 'bad')[r.path].slice(r.start, r.end)]), [['/etc/containers/systemd/metrics-db.container', '127.0.0.1:8086:8086']]);
});

test('ipc-localhost-crossing: the host\'s routable address, and loopback to a QM-internal service, are fine', () => {
	assert.deepEqual(everywhere(tree('ipc-localhost-crossing', 'good'), CODE), []);
});

test('ipc-localhost-crossing: a host TCP socket unit and a host unit named next to localhost', () => {
	const qm = '/etc/qm/containers/systemd/client.container';
	const files = {
		'/etc/systemd/system/can-gateway.socket': '[Socket]\nListenStream=127.0.0.1:7000\n',
		'/etc/containers/systemd/can-gateway.container': '[Container]\nImage=registry.example.com/can:1\n',
		[qm]: '[Container]\nImage=registry.example.com/c:1\nExec=/usr/bin/client --gateway localhost:7000\nEnvironment=PEER=can-gateway@localhost\n',
	};
	assert.deepEqual(everywhere(files, CODE), [`${qm}: localhost:7000`, `${qm}: localhost`]);
	// The same names used by a QM unit of its own are QM-internal.
	const internal = { ...files, '/etc/qm/containers/systemd/can-gateway.container': '[Container]\nImage=registry.example.com/can:1\n' };
	assert.deepEqual(everywhere(internal, CODE), [`${qm}: localhost:7000`]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, everywhere, tree, withFile, without } from './helpers';

const CODE = 'qm/bluechi-controller-unreachable';
const AGENT = '/etc/qm/bluechi/agent.conf.d/10-qm.conf';

test('a unix socket nothing binds into QM', () => {
	const bad = tree('bluechi-controller-unreachable', 'bad');
	assert.deepEqual(everywhere(bad, CODE), [`${AGENT}: unix:path=/run/bluechi.sock (error)`]);
	assert.match(at(bad, AGENT, CODE, 'unix:path=/run/bluechi.sock').message, /Volume=\/run\/bluechi\/bluechi\.sock:\/run\/bluechi\.sock/);
});

test('the boundary bind makes it reachable; a bind of the parent directory too', () => {
	const good = tree('bluechi-controller-unreachable', 'good');
	assert.deepEqual(everywhere(good, CODE), []);
	assert.deepEqual(everywhere(without(good, '/etc/containers/systemd/qm.container.d/20-bluechi.conf'), CODE), [`${AGENT}: unix:path=/run/bluechi.sock (error)`]);
	const dir = withFile(without(good, '/etc/containers/systemd/qm.container.d/20-bluechi.conf'), '/etc/containers/systemd/qm.container.d/20-run.conf', '[Container]\nMount=type=bind,source=/run/ctl,destination=/run\n');
	assert.deepEqual(everywhere(dir, CODE), []);
});

test('loopback: ControllerHost=127.0.0.1 (the last file wins), the default, tcp:host=localhost', () => {
	assert.deepEqual(everywhere(tree('bluechi-controller-unreachable', 'loopback'), CODE), ['/etc/qm/bluechi/agent.conf.d/20-tcp.conf: 127.0.0.1 (warning)']);
	assert.deepEqual(everywhere(tree('bluechi-controller-unreachable', 'default'), CODE), ['/etc/qm/bluechi/agent.conf: bluechi-agent (warning)']);
	assert.deepEqual(everywhere({ [AGENT]: '[bluechi-agent]\nControllerAddress=tcp:host=localhost,port=842\n' }, CODE), [`${AGENT}: tcp:host=localhost,port=842 (warning)`]);
	assert.deepEqual(everywhere({ [AGENT]: '[bluechi-agent]\nControllerAddress=tcp:host=192.0.2.1,port=842\n' }, CODE), []);
});

test('silent: QM on the host network; the host agent', () => {
	assert.deepEqual(everywhere(tree('bluechi-controller-unreachable', 'hostnet'), CODE), []);
	assert.deepEqual(everywhere({ '/etc/bluechi/agent.conf': '[bluechi-agent]\nControllerAddress=unix:path=/run/bluechi/bluechi.sock\n' }, CODE), []);
});

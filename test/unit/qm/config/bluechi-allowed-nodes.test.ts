import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree, withFile } from './helpers';

const CODE = 'qm/bluechi-allowed-nodes';
const CTRL = '/etc/bluechi/controller.conf';

test('the host controller does not allow the QM agent', () => {
	const bad = tree('bluechi-allowed-nodes', 'bad');
	assert.deepEqual(everywhere(bad, CODE), [`${CTRL}: ecu-main,ecu-rear (warning)`]);
	const d = at(bad, CTRL, CODE, 'ecu-main,ecu-rear');
	assert.deepEqual(d.related?.map((r) => r.path), ['/etc/qm/bluechi/agent.conf.d/10-qm.conf']);
	assert.equal(applied(bad, CTRL, fixOf(d, 'Append qm.ecu-main')), '[bluechi-controller]\nAllowedNodeNames=ecu-main,ecu-rear,qm.ecu-main\nLogLevel=INFO\n');
});

test('no AllowedNodeNames at all: reported on the first controller file, with a line to add', () => {
	const files = tree('bluechi-allowed-nodes', 'missing');
	const p = '/etc/bluechi/controller.conf.d/50-log.conf';
	assert.deepEqual(everywhere(files, CODE), [`${p}: bluechi-controller (warning)`]);
	assert.equal(applied(files, p, fixOf(at(files, p, CODE, 'bluechi-controller'), 'AllowedNodeNames=qm.ecu-main')), '[bluechi-controller]\nAllowedNodeNames=qm.ecu-main\nLogTarget=journald\n');
});

test('a later controller drop-in decides', () => {
	const bad = tree('bluechi-allowed-nodes', 'bad');
	const files = withFile(bad, '/etc/bluechi/controller.conf.d/90-nodes.conf', '[bluechi-controller]\nAllowedNodeNames=ecu-main,qm.ecu-main\n');
	assert.deepEqual(everywhere(files, CODE), []);
});

test('silent: the name is listed (on an indented continuation line); no QM agent name known', () => {
	assert.deepEqual(everywhere(tree('bluechi-allowed-nodes', 'good'), CODE), []);
	assert.deepEqual(everywhere({ [CTRL]: '[bluechi-controller]\nAllowedNodeNames=ecu-main\n', '/etc/qm/bluechi/agent.conf': '[bluechi-agent]\n' }, CODE), []);
});

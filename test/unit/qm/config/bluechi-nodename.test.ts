import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree, withFile, without } from './helpers';

const CODE = 'qm/bluechi-nodename';

test('the QM agent takes the host agent\'s name (a later drop-in wins)', () => {
	const bad = tree('bluechi-nodename', 'bad');
	assert.deepEqual(everywhere(bad, CODE), ['/etc/qm/bluechi/agent.conf.d/20-override.conf: ecu-main (error)']);
	const p = '/etc/qm/bluechi/agent.conf.d/20-override.conf';
	const d = at(bad, p, CODE, 'ecu-main');
	assert.deepEqual(d.related?.map((r) => [r.path, bad[r.path].slice(r.start, r.end)]), [['/etc/bluechi/agent.conf', 'NodeName=ecu-main']]);
	assert.equal(applied(bad, p, fixOf(d, 'qm.ecu-main')), bad[p].replace('NodeName=ecu-main', 'NodeName=qm.ecu-main'));
});

test('a name without the qm. prefix', () => {
	const files = tree('bluechi-nodename', 'prefix');
	assert.deepEqual(everywhere(files, CODE), ['/etc/qm/bluechi/agent.conf.d/10-qm.conf: ecu-main-partition (warning)']);
	const d = at(files, '/etc/qm/bluechi/agent.conf.d/10-qm.conf', CODE, 'ecu-main-partition');
	assert.match(applied(files, '/etc/qm/bluechi/agent.conf.d/10-qm.conf', fixOf(d, 'qm.ecu-main-partition')), /^NodeName=qm\.ecu-main-partition$/m);
});

test('no NodeName: information on the first file, with the name setup would write', () => {
	const files = tree('bluechi-nodename', 'missing');
	const p = '/etc/qm/bluechi/agent.conf';
	assert.deepEqual(everywhere(files, CODE), [`${p}: bluechi-agent (information)`]);
	const d = at(files, p, CODE, 'bluechi-agent');
	assert.equal(applied(files, p, fixOf(d, 'NodeName=qm.ecu-main')), '[bluechi-agent]\nNodeName=qm.ecu-main\nControllerHost=192.0.2.1\nLogLevel=INFO\n');
	// Without the host agent the name is unknown: no fix.
	assert.equal(at(without(files, '/etc/bluechi/agent.conf'), p, CODE, 'bluechi-agent').fixes, undefined);
	// An empty NodeName= is the same as none.
	assert.deepEqual(everywhere(withFile(files, p, '[bluechi-agent]\nNodeName=\n'), CODE), [`${p}: NodeName= (information)`]);
});

test('silent: qm.<host name>; the host agent itself is not judged', () => {
	const good = tree('bluechi-nodename', 'good');
	assert.deepEqual(everywhere(good, CODE), []);
	assert.deepEqual(everywhere({ '/etc/bluechi/agent.conf': '[bluechi-agent]\nNodeName=ecu-main\n' }, CODE), []);
});

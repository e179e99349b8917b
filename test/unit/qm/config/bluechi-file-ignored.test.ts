import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, everywhere, fixOf, tree } from './helpers';
import { getUnitFileInfo } from '../../../../server/src/service/unit-path';

const CODE = 'qm/bluechi-file-ignored';
const BAD = tree('bluechi-file-ignored', 'bad');

test('not *.conf in agent.conf.d/, and under the QM rootfs /etc', () => {
	assert.deepEqual(everywhere(BAD, CODE), [
		'/etc/qm/bluechi/agent.conf.d/10-node.cfg: [bluechi-agent] (warning)',
		'/usr/lib/qm/rootfs/etc/bluechi/agent.conf.d/qm.conf: [bluechi-agent] (warning)',
	]);
	// Documentation next to the drop-ins is not a configuration file at all.
	assert.equal(getUnitFileInfo('/etc/qm/bluechi/agent.conf.d/README.md').kind, undefined);
});

test('fixes rename or move the file', () => {
	const cfg = at(BAD, '/etc/qm/bluechi/agent.conf.d/10-node.cfg', CODE, '[bluechi-agent]');
	assert.deepEqual(fixOf(cfg, 'Rename').renames, [{ from: '/etc/qm/bluechi/agent.conf.d/10-node.cfg', to: '/etc/qm/bluechi/agent.conf.d/10-node.conf' }]);
	const hidden = at(BAD, '/usr/lib/qm/rootfs/etc/bluechi/agent.conf.d/qm.conf', CODE, '[bluechi-agent]');
	assert.match(hidden.message, /hides \/usr\/lib\/qm\/rootfs\/etc/);
	assert.deepEqual(fixOf(hidden, 'Move').renames, [{ from: '/usr/lib/qm/rootfs/etc/bluechi/agent.conf.d/qm.conf', to: '/etc/qm/bluechi/agent.conf.d/qm.conf' }]);
});

test('no rename fix onto an existing file', () => {
	const files = { ...BAD, '/etc/qm/bluechi/agent.conf.d/10-node.conf': '[bluechi-agent]\n' };
	assert.equal(at(files, '/etc/qm/bluechi/agent.conf.d/10-node.cfg', CODE, '[bluechi-agent]').fixes, undefined);
});

test('silent: *.conf in /etc/qm/bluechi/agent.conf.d/', () => {
	assert.deepEqual(everywhere(tree('bluechi-file-ignored', 'good'), CODE), []);
});

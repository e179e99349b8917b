import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSilent, covered, fixtureText, inTree, only } from './helpers';

const CODE = 'qm/network-nested-host-info';
const BAD = 'qm/network-nested-host-info/bad';
const FILE = '/etc/qm/containers/systemd/diagnostics.container';

test('network-nested-host-info: Network=host inside QM is QM\'s namespace', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'information');
	assert.equal(covered(text, d), 'host');
	assert.match(d.message, /QM partition's own network namespace/);
});

test('network-nested-host-info: silent for Network=none and for host units', () => {
	assertSilent('qm/network-nested-host-info/good', CODE);
	assert.deepEqual(only(CODE, { '/etc/containers/systemd/a.container': '[Container]\nImage=x\nNetwork=host\n' }, '/etc/containers/systemd/a.container'), []);
});

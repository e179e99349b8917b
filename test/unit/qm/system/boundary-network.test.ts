import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, VENDOR } from './helpers';

const CODE = 'qm/boundary-network';
const BAD = 'qm/boundary-network/bad';
const FILE = `${BOUNDARY_DIR}/60-net.conf`;

test('boundary-network: Network=host on the QM partition is an error', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), 'host');
	assert.match(d.message, /host's network namespace/);
	assertFix(text, d.fixes?.[0], '[Container]\n');
});

test('boundary-network: Network=none is a warning; in the full file the fix writes private', () => {
	const text = '[Container]\nImage=x\nNetwork=none\n';
	const [d] = only(CODE, { [VENDOR]: text }, VENDOR);
	assert.equal(d.severity, 'warning');
	assertFix(text, d.fixes?.[0], '[Container]\nImage=x\nNetwork=private\n');
});

test('boundary-network: --net=host in PodmanArgs', () => {
	const text = '[Container]\nPodmanArgs=--pids-limit=-1 --net=host\n';
	const [d] = only(CODE, { [VENDOR]: text }, VENDOR);
	assert.equal(covered(text, d), 'host');
	assertFix(text, d.fixes?.[0], '[Container]\nPodmanArgs=--pids-limit=-1\n');
});

test('boundary-network: publishing a port is fine', () => {
	assertSilent('qm/boundary-network/good', CODE);
});

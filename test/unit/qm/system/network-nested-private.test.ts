import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, covered, fixtureText, inTree, only, QM_DIR } from './helpers';

const CODE = 'qm/network-nested-private';
const BAD = 'qm/network-nested-private/bad';

test('network-nested-private: Network=bridge inside QM', () => {
	const file = `${QM_DIR}/radio.container`;
	const text = fixtureText(BAD, file);
	const [d] = inTree(BAD, file, CODE);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(text, d), 'bridge');
	assert.match(d.message, /netns="host"/);
	assertFix(text, d.fixes?.[0], text.replace('Network=bridge\n', ''));
});

test('network-nested-private: a .network quadlet inside QM', () => {
	const [d] = inTree(BAD, `${QM_DIR}/media.network`, CODE);
	assert.match(d.message, /media\.network creates a podman network inside QM/);
});

test('network-nested-private: a named network and --network=pasta', () => {
	const text = '[Container]\nImage=quay.io/x/y:1\nNetwork=media.network\nPodmanArgs=--network=pasta\n';
	const ds = only(CODE, { [`${QM_DIR}/a.container`]: text }, `${QM_DIR}/a.container`);
	assert.deepEqual(ds.map((d) => covered(text, d)), ['media.network', 'pasta']);
	assertFix(text, ds[1].fixes?.[0], '[Container]\nImage=quay.io/x/y:1\nNetwork=media.network\n');
});

test('network-nested-private: none/host are fine, and host units are not judged', () => {
	assertSilent('qm/network-nested-private/good', CODE);
	assert.deepEqual(only(CODE, { '/etc/containers/systemd/a.container': '[Container]\nImage=x\nNetwork=private\n' }, '/etc/containers/systemd/a.container'), []);
});

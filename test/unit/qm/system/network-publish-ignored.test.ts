import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, covered, fixtureText, inTree, only, QM_DIR } from './helpers';

const CODE = 'qm/network-publish-ignored';
const BAD = 'qm/network-publish-ignored/bad';
const FILE = `${QM_DIR}/dashboard.container`;

test('network-publish-ignored: PublishPort= in QM\'s shared namespace', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'information');
	assert.equal(covered(text, d), '8080:80');
	assertFix(text, d.fixes?.[0], text.replace('PublishPort=8080:80\n', ''));
});

test('network-publish-ignored: not with a namespace of its own or in a pod', () => {
	const withNet = '[Container]\nImage=x\nNetwork=none\nPublishPort=80\n';
	assert.deepEqual(only(CODE, { [`${QM_DIR}/a.container`]: withNet }, `${QM_DIR}/a.container`), []);
	const inPod = '[Container]\nImage=x\nPod=web.pod\nPublishPort=80\n';
	assert.deepEqual(only(CODE, { [`${QM_DIR}/a.container`]: inPod }, `${QM_DIR}/a.container`), []);
});

test('network-publish-ignored: no PublishPort, nothing to say', () => {
	assertSilent('qm/network-publish-ignored/good', CODE);
});

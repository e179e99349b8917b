import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSilent, covered, fixtureText, inTree, only, QM_DIR } from './helpers';

const CODE = 'qm/oom-nested-below-default';
const BAD = 'qm/oom-nested-below-default/bad';
const FILE = `${QM_DIR}/navigation.container`;

test('oom-nested-below-default: 600 is below the nested tier of 750', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'information');
	assert.equal(covered(text, d), '600');
	assert.match(d.message, /below 750/);
});

test('oom-nested-below-default: values below 500 belong to oom-nested-below-floor', () => {
	assert.deepEqual(only(CODE, { [`${QM_DIR}/a.container`]: '[Container]\nImage=quay.io/x/y:1\n\n[Service]\nOOMScoreAdjust=100\n' }, `${QM_DIR}/a.container`), []);
});

test('oom-nested-below-default: 750 is fine', () => {
	assertSilent('qm/oom-nested-below-default/good', CODE);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, covered, fixtureText, inTree, only, QM_DIR } from '../system/helpers';

const CODE = 'qm/dropin-conflict';
const BAD = 'qm/dropin-conflict/bad';

test('dropin-conflict: Image= set by the unit and a drop-in (both files get a notice)', () => {
	const dropIn = `${QM_DIR}/logger.container.d/10-image.conf`;
	const [d] = inTree(BAD, dropIn, CODE);
	assert.equal(d.severity, 'information');
	assert.equal(covered(fixtureText(BAD, dropIn), d), 'Image=quay.io/example/logger:3');
	assert.match(d.message, /also set in logger\.container; this file comes last/);
	const unit = `${QM_DIR}/logger.container`;
	const [u] = inTree(BAD, unit, CODE);
	assert.match(u.message, /10-image\.conf comes later and wins, so the effective value is Image=quay\.io\/example\/logger:3/);
	assert.equal(u.related?.[0].path, dropIn);
	assert.equal(u.fixes, undefined, 'no fix that edits the unit itself');
});

test('dropin-conflict: the losing drop-in can drop its line', () => {
	const files = {
		[`${QM_DIR}/a.container`]: '[Container]\nImage=quay.io/x/a:1\n',
		[`${QM_DIR}/a.container.d/10-user.conf`]: '[Container]\nUser=1000\n',
		[`${QM_DIR}/a.container.d/20-user.conf`]: '[Container]\nUser=2000\n',
	};
	const text = files[`${QM_DIR}/a.container.d/10-user.conf`];
	const [d] = only(CODE, files, `${QM_DIR}/a.container.d/10-user.conf`);
	assertFix(text, d.fixes?.[0], '[Container]\n');
});

test('dropin-conflict: list keys in drop-ins are fine', () => {
	assertSilent('qm/dropin-conflict/good', CODE);
});

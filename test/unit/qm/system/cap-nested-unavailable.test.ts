import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, QM_DIR } from './helpers';

const CODE = 'qm/cap-nested-unavailable';
const BAD = 'qm/cap-nested-unavailable/bad';
const FILE = `${QM_DIR}/limits.container`;

test('cap-nested-unavailable: CAP_SYS_RESOURCE is dropped by qm.container', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(covered(text, d), 'CAP_SYS_RESOURCE');
	assert.match(d.message, /not available inside QM/);
	assertFix(text, d.fixes?.[0], text.replace('AddCapability=CAP_SYS_RESOURCE\n', ''));
});

test('cap-nested-unavailable: silent when the boundary gives the capability back', () => {
	const files = {
		[`${BOUNDARY_DIR}/100-caps.conf`]: '[Container]\nDropCapability=\nDropCapability=sys_boot\n',
		[`${QM_DIR}/a.container`]: '[Container]\nImage=x\nAddCapability=sys_resource\n',
	};
	assert.deepEqual(only(CODE, files, `${QM_DIR}/a.container`), []);
});

test('cap-nested-unavailable: other capabilities are fine', () => {
	assertSilent('qm/cap-nested-unavailable/good', CODE);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, VENDOR } from './helpers';

const CODE = 'qm/cap-boundary-restore';
const BAD = 'qm/cap-boundary-restore/bad';
const FILE = `${BOUNDARY_DIR}/90-caps.conf`;

test('cap-boundary-restore: DropCapability= reset plus AddCapability=sys_resource', () => {
	const text = fixtureText(BAD, FILE);
	const ds = inTree(BAD, FILE, CODE);
	assert.deepEqual(ds.map((d) => [covered(text, d), d.severity]), [['DropCapability=', 'warning'], ['sys_resource', 'warning']]);
	assert.match(ds[0].message, /clears the vendor DropCapability=sys_boot sys_resource; afterwards QM drops only sys_boot and keeps sys_resource/);
	assertFix(text, ds[0].fixes?.[0], '# Give QM sys_resource back\n[Container]\nDropCapability=\nDropCapability=sys_boot sys_resource\nAddCapability=sys_resource\n');
	assertFix(text, ds[1].fixes?.[0], '# Give QM sys_resource back\n[Container]\nDropCapability=\nDropCapability=sys_boot\n');
});

test('cap-boundary-restore: a reset with nothing after it gets a new DropCapability= line', () => {
	const text = '[Container]\nDropCapability=\n';
	const [d] = only(CODE, { [`${BOUNDARY_DIR}/a.conf`]: text }, `${BOUNDARY_DIR}/a.conf`);
	assertFix(text, d.fixes?.[0], '[Container]\nDropCapability=\nDropCapability=sys_boot sys_resource\n');
});

test('cap-boundary-restore: an old qm.container that only drops sys_resource', () => {
	const text = '[Container]\nImage=x\nDropCapability=sys_resource\n';
	const [d] = only(CODE, { [VENDOR]: text }, VENDOR);
	assert.equal(covered(text, d), 'sys_resource');
	assertFix(text, d.fixes?.[0], '[Container]\nImage=x\nDropCapability=sys_resource sys_boot\n');
});

test('cap-boundary-restore: dropping more is fine; a full file without DropCapability is not judged', () => {
	assertSilent('qm/cap-boundary-restore/good', CODE);
	assert.deepEqual(only(CODE, { [VENDOR]: '[Container]\nImage=x\nAddCapability=all\n' }, VENDOR), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, VENDOR } from './helpers';

const CODE = 'qm/boundary-resources';
const BAD = 'qm/boundary-resources/bad';

test('boundary-resources: CPUWeight above 100, another slice, Delegate=no in a qm.container drop-in', () => {
	const file = `${BOUNDARY_DIR}/40-cpu.conf`;
	const text = fixtureText(BAD, file);
	const ds = inTree(BAD, file, CODE);
	assert.deepEqual(ds.map((d) => [covered(text, d), d.severity]), [['500', 'warning'], ['machine.slice', 'warning'], ['no', 'error']]);
	assert.match(ds[1].message, /Slice=machine\.slice on the QM partition \(shipped: Slice=-\.slice\)/);
	assertFix(text, ds[0].fixes?.[0], '[Service]\nSlice=machine.slice\nDelegate=no\n');
});

test('boundary-resources: TasksMax=infinity in a systemd drop-in of qm.service', () => {
	const file = '/etc/systemd/system/qm.service.d/10-tasks.conf';
	const text = fixtureText(BAD, file);
	const [d] = inTree(BAD, file, CODE);
	assert.equal(covered(text, d), 'infinity');
	assert.match(d.message, /task limit/);
	assertFix(text, d.fixes?.[0], '[Service]\n');
});

test('boundary-resources: an empty CPUWeight= drops idle; MemorySwapMax is only noted', () => {
	const text = '[Service]\nCPUWeight=\nMemorySwapMax=1G\n';
	const ds = only(CODE, { [`${BOUNDARY_DIR}/a.conf`]: text }, `${BOUNDARY_DIR}/a.conf`);
	assert.deepEqual(ds.map((d) => d.severity), ['warning', 'information']);
	assert.match(ds[0].message, /An empty CPUWeight= resets it to systemd's default/);
});

test('boundary-resources: the vendor values in a full qm.container are fine, a changed one is fixed in place', () => {
	const text = '[Service]\nSlice=QM.slice\nCPUWeight=50\n\n[Container]\nImage=x\n';
	const [d] = only(CODE, { [VENDOR]: text }, VENDOR);
	assertFix(text, d.fixes?.[0], '[Service]\nSlice=-.slice\nCPUWeight=50\n\n[Container]\nImage=x\n');
});

test('boundary-resources: CPUQuota/AllowedCPUs/MemoryHigh tuning is fine', () => {
	assertSilent('qm/boundary-resources/good', CODE);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, QM_DIR } from './helpers';

const CODE = 'qm/device-forbidden';
const BAD = 'qm/device-forbidden/bad';

test('device-forbidden: /dev/mem on the boundary is an error (FFI-tested)', () => {
	const file = `${BOUNDARY_DIR}/05-debug.conf`;
	const text = fixtureText(BAD, file);
	const [d] = inTree(BAD, file, CODE);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), '-/dev/mem');
	assert.match(d.message, /physical memory/);
	assertFix(text, d.fixes?.[0], '[Container]\n');
});

test('device-forbidden: a raw block device inside QM is a warning', () => {
	const file = `${QM_DIR}/flasher.container`;
	const [d] = inTree(BAD, file, CODE);
	assert.equal(d.severity, 'warning');
	assert.match(d.message, /\/dev\/sda \(a block device\)/);
});

test('device-forbidden: --device in PodmanArgs and /dev/media0 is not /dev/md0', () => {
	const text = '[Container]\nImage=x\nPodmanArgs=--device /dev/kmsg\nAddDevice=-/dev/media0 -/dev/md0\n';
	const ds = only(CODE, { [`${QM_DIR}/a.container`]: text }, `${QM_DIR}/a.container`);
	assert.deepEqual(ds.map((d) => covered(text, d)), ['/dev/kmsg', '-/dev/md0']);
	assertFix(text, ds[1].fixes?.[0], '[Container]\nImage=x\nPodmanArgs=--device /dev/kmsg\nAddDevice=-/dev/media0\n');
});

test('device-forbidden: cameras are fine', () => {
	assertSilent('qm/device-forbidden/good', CODE);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, QM_DIR } from './helpers';

const CODE = 'qm/device-boundary-mandatory';
const BAD = 'qm/device-boundary-mandatory/bad';
const FILE = `${BOUNDARY_DIR}/15-serial.conf`;

test('device-boundary-mandatory: AddDevice= without "-" on the boundary', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(text, d), '/dev/ttyS0');
	assert.match(d.message, /whole QM partition stays down/);
	assertFix(text, d.fixes?.[0], '[Container]\nAddDevice=-/dev/ttyS0\n');
});

test('device-boundary-mandatory: several devices on one line, each reported', () => {
	const text = '[Container]\nAddDevice=-/dev/video0 /dev/video1:/dev/video1:rw\n';
	const ds = only(CODE, { [`${BOUNDARY_DIR}/a.conf`]: text }, `${BOUNDARY_DIR}/a.conf`);
	assert.deepEqual(ds.map((d) => covered(text, d)), ['/dev/video1:/dev/video1:rw']);
	assertFix(text, ds[0].fixes?.[0], '[Container]\nAddDevice=-/dev/video0 -/dev/video1:/dev/video1:rw\n');
});

test('device-boundary-mandatory: optional devices and nested containers are fine', () => {
	assertSilent('qm/device-boundary-mandatory/good', CODE);
	assert.deepEqual(only(CODE, { [`${QM_DIR}/a.container`]: '[Container]\nImage=x\nAddDevice=/dev/kvm\n' }, `${QM_DIR}/a.container`), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, QM_DIR, VENDOR } from './helpers';

const CODE = 'qm/device-not-provided';
const BAD = 'qm/device-not-provided/bad';
const FILE = `${QM_DIR}/serial-logger.container`;

test('device-not-provided: /dev/ttyUSB0 with no boundary exposing it', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(text, d), '/dev/ttyUSB0');
	assert.match(d.message, /Annotation=org\.containers\.qm\.device\.ttyUSB=true or AddDevice=-\/dev\/ttyUSB0/);
	assertFix(text, d.fixes?.[0], text.replace('AddDevice=/dev/ttyUSB0', 'AddDevice=-/dev/ttyUSB0'));
});

test('device-not-provided: the vendor devices and boundary AddDevice= (prefix) count', () => {
	const files = {
		[`${BOUNDARY_DIR}/10-dri.conf`]: '[Container]\nAddDevice=-/dev/dri\n',
		[`${QM_DIR}/a.container`]: '[Container]\nImage=x\nAddDevice=/dev/kvm /dev/dri/card0 /dev/watchdog1\n',
	};
	const ds = only(CODE, files, `${QM_DIR}/a.container`);
	assert.deepEqual(ds.map((d) => covered(files[`${QM_DIR}/a.container`], d)), ['/dev/watchdog1']);
});

test('device-not-provided: a workspace qm.container is related information', () => {
	const files = { [VENDOR]: '[Container]\nImage=x\nAddDevice=-/dev/kvm\n', [`${QM_DIR}/a.container`]: '[Container]\nImage=x\nAddDevice=/dev/tty3\n' };
	const [d] = only(CODE, files, `${QM_DIR}/a.container`);
	assert.equal(d.related?.[0].path, VENDOR);
});

test('device-not-provided: an annotation on the boundary provides the device', () => {
	assertSilent('qm/device-not-provided/good', CODE);
});

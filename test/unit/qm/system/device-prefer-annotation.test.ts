import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, QM_DIR } from './helpers';

const CODE = 'qm/device-prefer-annotation';
const BAD = 'qm/device-prefer-annotation/bad';
const FILE = `${QM_DIR}/mirror-camera.container`;

test('device-prefer-annotation: a video device has the video annotation', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'hint');
	assert.equal(covered(text, d), '-/dev/video2');
	assertFix(text, d.fixes?.[0], text.replace('AddDevice=-/dev/video2', 'Annotation=org.containers.qm.device.video=true'));
});

test('device-prefer-annotation: several devices on one line; render nodes map to the GPU annotation', () => {
	const text = '[Container]\nAddDevice=-/dev/kvm -/dev/dri/renderD128\n';
	const [d] = only(CODE, { [`${BOUNDARY_DIR}/a.conf`]: text }, `${BOUNDARY_DIR}/a.conf`);
	assert.match(d.message, /wayland-client\.gpu=true/);
	assertFix(text, d.fixes?.[0], '[Container]\nAddDevice=-/dev/kvm\nAnnotation=org.containers.qm.wayland-client.gpu=true\n');
});

test('device-prefer-annotation: devices without a hook are fine', () => {
	assertSilent('qm/device-prefer-annotation/good', CODE);
});

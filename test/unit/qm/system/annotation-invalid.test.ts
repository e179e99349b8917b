import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, covered, fixtureText, inTree, only } from './helpers';

const CODE = 'qm/annotation-invalid';
const BAD = 'qm/annotation-invalid/bad';
const FILE = '/etc/qm/containers/systemd/player.container';

test('annotation-invalid: a misspelt device type and a value the hook skips', () => {
	const text = fixtureText(BAD, FILE);
	const ds = inTree(BAD, FILE, CODE);
	assert.deepEqual(ds.map((d) => covered(text, d)), ['org.containers.qm.device.audoi', 'on']);
	assert.match(ds[0].message, /Did you mean org\.containers\.qm\.device\.audio\?/);
	assertFix(text, ds[0].fixes?.[0], text.replace('device.audoi=true', 'device.audio=true'));
	assertFix(text, ds[1].fixes?.[0], text.replace('device.video=on', 'device.video=true'));
});

test('annotation-invalid: an empty wayland seat (on a host container too)', () => {
	const p = '/etc/containers/systemd/kiosk.container';
	const text = '[Container]\nImage=x\nAnnotation="org.containers.qm.wayland.seat="\n';
	const [d] = only(CODE, { [p]: text }, p);
	assert.match(d.message, /needs a seat name/);
	assertFix(text, d.fixes?.[0], '[Container]\nImage=x\nAnnotation="org.containers.qm.wayland.seat=seat0"\n');
});

test('annotation-invalid: the GPU annotation accepts TRUE, device annotations do not', () => {
	const p = '/etc/qm/containers/systemd/a.container';
	const text = '[Container]\nImage=x\nAnnotation=org.containers.qm.wayland-client.gpu=TRUE org.containers.qm.device.input=TRUE\n';
	assert.deepEqual(only(CODE, { [p]: text }, p).map((d) => covered(text, d)), ['TRUE']);
});

test('annotation-invalid: valid and foreign annotations are fine', () => {
	assertSilent('qm/annotation-invalid/good', CODE);
});

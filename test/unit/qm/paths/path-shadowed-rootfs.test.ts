import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSilent, inTree, only } from '../system/helpers';

const CODE = 'qm/path-shadowed-rootfs';

test('path-shadowed-rootfs: a quadlet under the rootfs etc/ is hidden by the /etc/qm mount', () => {
	const file = '/usr/lib/qm/rootfs/etc/containers/systemd/sensor-hub.container';
	const [d] = inTree('qm/path-shadowed-rootfs/bad', file, CODE);
	assert.equal(d.severity, 'warning');
	assert.match(d.message, /Move the file to \/etc\/qm\/containers\/systemd\/sensor-hub\.container\./);
});

test('path-shadowed-rootfs: image-build trees keep their prefix; run/ is a tmpfs', () => {
	const p = '/image/files/usr/lib/qm/rootfs/var/lib/containers/systemd/x.container';
	const [d] = only(CODE, { [p]: '[Container]\nImage=x\n' }, p);
	assert.match(d.message, /Move the file to \/image\/files\/var\/qm\/lib\/containers\/systemd\/x\.container/);
	const r = '/usr/lib/qm/rootfs/run/containers/systemd/y.container';
	assert.match(only(CODE, { [r]: '[Container]\nImage=x\n' }, r)[0].message, /covered by QM's tmpfs on \/run/);
});

test('path-shadowed-rootfs: the rootfs usr/ and /etc/qm are where QM reads', () => {
	assertSilent('qm/path-shadowed-rootfs/good', CODE);
});

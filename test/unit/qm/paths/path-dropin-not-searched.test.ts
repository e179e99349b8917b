import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSilent, inTree } from '../system/helpers';

const CODE = 'qm/path-dropin-not-searched';
const BAD = 'qm/path-dropin-not-searched/bad';

test('path-dropin-not-searched: qm.container.d inside QM extends nothing', () => {
	const [d] = inTree(BAD, '/etc/qm/containers/systemd/qm.container.d/50-camera.conf', CODE);
	assert.equal(d.severity, 'warning');
	assert.match(d.message, /host's \/etc\/containers\/systemd\/qm\.container\.d\//);
});

test('path-dropin-not-searched: /usr/lib/containers/systemd is not a quadlet directory', () => {
	const [d] = inTree(BAD, '/usr/lib/containers/systemd/qm.container.d/20-tun.conf', CODE);
	assert.match(d.message, /not a quadlet search directory/);
});

test('path-dropin-not-searched: a drop-in for a unit that does not exist', () => {
	const [d] = inTree(BAD, '/etc/containers/systemd/gateway.container.d/10-env.conf', CODE);
	assert.match(d.message, /No gateway\.container/);
});

test('path-dropin-not-searched: host qm.container.d (vendor file assumed) and drop-ins next to their unit are fine', () => {
	assertSilent('qm/path-dropin-not-searched/good', CODE);
});

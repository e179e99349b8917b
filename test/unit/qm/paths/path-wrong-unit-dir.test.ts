import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../../../server/src/service/index';
import { assertSilent, inTree } from '../system/helpers';

const CODE = 'qm/path-wrong-unit-dir';
const BAD = 'qm/path-wrong-unit-dir/bad';

test('path-wrong-unit-dir: a .socket in a quadlet directory', () => {
	const [d] = inTree(BAD, '/etc/containers/systemd/telemetry.socket', CODE);
	assert.equal(d.severity, 'error');
	assert.match(d.message, /Move it to \/etc\/systemd\/system\//);
});

test('path-wrong-unit-dir: a quadlet in the QM systemd unit directory', () => {
	const [d] = inTree(BAD, '/etc/qm/systemd/system/logger.container', CODE);
	assert.match(d.message, /Move it to \/etc\/qm\/containers\/systemd\//);
});

test('path-wrong-unit-dir: a .conf directly in a quadlet dir is the only finding on it', () => {
	const p = '/subsystems/windowmanager/etc/containers/systemd/extra-devices.conf';
	const text = '[Container]\nAddDevice=/dev/dri/card0\nVolume=/run/udev:/run/udev:Z\nBogus=1\n';
	const s = createLanguageService();
	s.workspace.set(p, text);
	const d = s.doValidation(p);
	assert.deepEqual(d.map((x) => x.code), [CODE]);
	assert.match(d[0].message, /sits directly in a quadlet directory/);
});

test('path-wrong-unit-dir: units where their readers look are fine', () => {
	assertSilent('qm/path-wrong-unit-dir/good', CODE);
});

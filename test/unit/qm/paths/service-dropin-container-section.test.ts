import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSilent, covered, fixtureText, inTree } from '../system/helpers';

const CODE = 'qm/service-dropin-container-section';

test('service-dropin-container-section: [Container] in qm.service.d is ignored by systemd', () => {
	const tree = 'qm/service-dropin-container-section/bad';
	const file = '/etc/systemd/system/qm.service.d/50-extra.conf';
	const text = fixtureText(tree, file);
	const [d] = inTree(tree, file, CODE);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(text, d), '[Container]');
	assert.match(d.message, /\/etc\/containers\/systemd\/qm\.container\.d\/50-extra\.conf/);
});

test('service-dropin-container-section: [Service] only is fine', () => {
	assertSilent('qm/service-dropin-container-section/good', CODE);
});

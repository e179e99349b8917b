import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/service-type-redundant';
const RULE = 'service-type-redundant';
const P = '/etc/qm/containers/systemd/weather.container';

test('service-type-redundant: Type=notify without Notify= (fixture)', () => {
	const files = tree(RULE, 'bad');
	const d = one(files, P, CODE);
	assert.equal(d.severity, 'hint');
	assert.equal(covered(files, P, d), 'Type=notify');
	assert.match(d.message, /conmon/);
	assert.deepEqual(d.tags, ['unnecessary']);
	assert.equal(applied(files[P], d.fixes?.[0]), files[P].replace('Type=notify\n', ''));
});

test('service-type-redundant: with Notify=true the line means something (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('service-type-redundant: oneshot, drop-ins and the unknown domain', () => {
	assert.deepEqual(findings({ [P]: '[Container]\nImage=registry.example.com/w:1\n[Service]\nType=oneshot\n' }, P, CODE), []);
	const dropIn = '/etc/qm/containers/systemd/weather.container.d/10-type.conf';
	const files = { [P]: '[Container]\nImage=registry.example.com/w:1\n', [dropIn]: '[Service]\nType=notify\n' };
	assert.deepEqual(findings(files, P, CODE), []);
	assert.equal(findings(files, dropIn, CODE).length, 1, 'reported where the line is');
	const unknown = '/srv/units/weather.container';
	assert.deepEqual(findings({ [unknown]: '[Container]\nImage=registry.example.com/w:1\n[Service]\nType=notify\n' }, unknown, CODE), []);
});

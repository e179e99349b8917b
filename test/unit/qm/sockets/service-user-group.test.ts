import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, everywhere, findings, tree } from './helpers';

const CODE = 'qm/service-user-group';
const RULE = 'service-user-group';
const P = '/etc/qm/containers/systemd/podcast.container';

test('service-user-group: [Service] User=/Group= in a QM quadlet (fixture)', () => {
	const files = tree(RULE, 'bad');
	const found = findings(files, P, CODE);
	assert.deepEqual(found.map((d) => `${d.severity} ${covered(files, P, d)}`), ['warning User', 'warning Group']);
	assert.match(found[0].message, /using key User in the Service group is not supported/);
	assert.match(found[0].message, /write User=media in \[Container\] instead/);
	assert.match(found[0].message, /Inside QM the nested podman runs as root/);
	assert.deepEqual(findings(files, P, 'quadlet/service-user-group'), [], 'reported once');
});

test('service-user-group: [Container] User= and a plain QM .service with User=root are fine (fixture, F16)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('service-user-group: DynamicUser= and other quadlet types; the unknown domain is the generic rule\'s', () => {
	const net = '/etc/containers/systemd/lan.network';
	assert.equal(findings({ [net]: '[Network]\n[Service]\nDynamicUser=yes\n' }, net, CODE).length, 1);
	const unknown = '/srv/units/podcast.container';
	const files = { [unknown]: '[Container]\nImage=registry.example.com/p:1\n[Service]\nUser=media\n' };
	assert.deepEqual(findings(files, unknown, CODE), []);
	assert.equal(findings(files, unknown, 'quadlet/service-user-group').length, 1);
});

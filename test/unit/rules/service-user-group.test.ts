import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, one, only } from './generator-helpers';

const CODE = 'quadlet/service-user-group';
// A folder of no known QM domain: in host/QM folders qm/service-user-group reports instead.
const DIR = '/srv/units';

test('service-user-group: [Service] User= in a container', () => {
	const p = `${DIR}/web.container`;
	const text = '[Container]\nImage=quay.io/org/web:1\n[Service]\nUser=web\n';
	const d = one(CODE, { [p]: text }, p);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(text, d), 'User');
	assert.match(d.message, /using key User in the Service group is not supported/);
	assert.match(d.message, /\[Container\]/);
});

test('service-user-group: Group= and DynamicUser= in other quadlet types too', () => {
	const p = `${DIR}/lan.network`;
	assert.equal(only(CODE, { [p]: '[Network]\n[Service]\nGroup=net\nDynamicUser=yes\n' }, p).length, 2);
});

test('service-user-group: [Container] User= and plain .service files are fine', () => {
	const p = `${DIR}/web.container`;
	assert.deepEqual(only(CODE, { [p]: '[Container]\nImage=quay.io/org/web:1\nUser=web\n' }, p), []);
	const svc = '/etc/systemd/system/web.service';
	assert.deepEqual(only(CODE, { [svc]: '[Service]\nUser=web\nExecStart=/bin/web\n' }, svc), []);
});

test('service-user-group: in a known QM domain the line is reported once, as qm/service-user-group', () => {
	for (const dir of ['/etc/containers/systemd', '/etc/qm/containers/systemd']) {
		const p = `${dir}/web.container`;
		const files = { [p]: '[Container]\nImage=quay.io/org/web:1\n[Service]\nUser=web\n' };
		assert.deepEqual(only(CODE, files, p), [], dir);
		assert.equal(only('qm/service-user-group', files, p).length, 1, dir);
	}
});

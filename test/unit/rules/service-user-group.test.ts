import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, covered, one, only } from './generator-helpers';

const CODE = 'quadlet/service-user-group';

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

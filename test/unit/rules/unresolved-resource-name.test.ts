import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, covered, one, only } from './generator-helpers';

const CODE = 'quadlet/unresolved-resource-name';
const P = `${DIR}/web.container`;
const text = (ref: string) => `[Container]\nImage=quay.io/org/web:1\nNetwork=${ref}\n`;

test('unresolved-resource-name: joining a template container', () => {
	const t = text('db@.container');
	const d = one(CODE, { [P]: t, [`${DIR}/db@.container`]: '[Container]\nImage=quay.io/org/db:1\n' }, P);
	assert.equal(d.severity, 'error');
	assert.equal(covered(t, d), 'db@.container');
	assert.match(d.message, /cannot get the resource name of db@.container/);
});

test('unresolved-resource-name: ContainerName= with a specifier other than %N', () => {
	const target = `${DIR}/db.container`;
	const d = one(CODE, { [P]: text('db.container'), [target]: '[Container]\nImage=quay.io/org/db:1\nContainerName=db-%H\n' }, P);
	assert.equal(d.related?.[0].path, target);
	assert.deepEqual(only(CODE, { [P]: text('db.container'), [target]: '[Container]\nImage=quay.io/org/db:1\nContainerName=%N-db\n' }, P), []);
	assert.deepEqual(only(CODE, { [P]: text('db.container'), [target]: '[Container]\nImage=quay.io/org/db:1\n' }, P), []);
	const fixed = `${DIR}/db@.container`;
	assert.deepEqual(only(CODE, { [P]: text('db@.container'), [fixed]: '[Container]\nImage=quay.io/org/db:1\nContainerName=db\n' }, P), []);
});

test('unresolved-resource-name: a network the generator refuses has no name', () => {
	const net = `${DIR}/lan.network`;
	assert.equal(only(CODE, { [P]: text('lan.network'), [net]: '[Network]\nGateway=10.89.0.1\n' }, P).length, 1);
	assert.deepEqual(only(CODE, { [P]: text('lan.network'), [net]: '[Network]\nSubnet=10.89.0.0/24\nGateway=10.89.0.1\n' }, P), []);
});

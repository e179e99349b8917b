import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, covered, one, only } from './generator-helpers';

const CODE = 'quadlet/mount-format';
const P = `${DIR}/web.container`;
const unit = (mount: string) => `[Container]\nImage=quay.io/org/web:1\nMount=${mount}\n`;

test('mount-format: a bind mount without source', () => {
	const text = unit('type=bind,destination=/data');
	const d = one(CODE, { [P]: text }, P);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), 'type=bind,destination=/data');
	assert.match(d.message, /source parameter is required for mount type bind/);
});

test('mount-format: source without a value, and an empty source', () => {
	const text = unit('type=volume,source,destination=/data');
	const d = one(CODE, { [P]: text }, P);
	assert.equal(covered(text, d), 'source');
	assert.match(d.message, /source parameter does not include a value/);
	const empty = unit('type=bind,src=,dst=/data');
	assert.equal(covered(empty, one(CODE, { [P]: empty }, P)), 'src=');
});

test('mount-format: CSV that is not one record', () => {
	const quote = unit("'type=bind,src=/a\"b,dst=/c'");
	const d = one(CODE, { [P]: quote }, P);
	assert.equal(covered(quote, d), '"');
	const newline = unit('type=bind,src=/a,dst=/c\\nro');
	assert.match(one(CODE, { [P]: newline }, P).message, /incorrect mount format/);
});

test('mount-format: a volume without source is an anonymous volume after podman 5.8', () => {
	const text = unit('type=volume,destination=/scratch');
	assert.deepEqual(only(CODE, { [P]: text }, P), []);
	assert.equal(only(CODE, { [P]: text }, P, { podmanVersion: '5.8' }).length, 1);
});

test('mount-format: well-formed mounts and other types pass', () => {
	for (const m of ['type=bind,source=/srv/data,destination=/data,ro=true', 'type=tmpfs,destination=/run/x', 'type=bind,"src=/a,b",dst=/c', 'source=data,target=/data']) {
		assert.deepEqual(only(CODE, { [P]: unit(m) }, P), [], m);
	}
});

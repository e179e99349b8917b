import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, assertFix, covered, one, only } from './generator-helpers';

const CODE = 'quadlet/key-requires-key';

test('key-requires-key: Group= without User=', () => {
	const p = `${DIR}/web.container`;
	const text = '[Container]\nImage=quay.io/org/web:1\nGroup=wheel\n';
	const d = one(CODE, { [p]: text }, p);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), 'Group');
	assert.match(d.message, /invalid Group set without User/);
	assert.deepEqual(only(CODE, { [p]: '[Container]\nImage=quay.io/org/web:1\nUser=web\nGroup=wheel\n' }, p), []);
});

test('key-requires-key: RemapUid= without RemapUsers=', () => {
	const p = `${DIR}/app.kube`;
	const text = '[Kube]\nYaml=app.yaml\nRemapUid=0:100000:1000\n';
	const d = one(CODE, { [p]: text }, p);
	assert.equal(covered(text, d), 'RemapUid');
	assert.match(d.message, /UidMap set without RemapUsers/);
	assert.deepEqual(only(CODE, { [p]: '[Kube]\nYaml=app.yaml\nRemapUsers=auto\nRemapUid=0:100000:1000\n' }, p), []);
});

test('key-requires-key: Gateway=/IPRange= need a Subnet= each', () => {
	const p = `${DIR}/lan.network`;
	const text = '[Network]\nGateway=10.89.0.1\n';
	const d = one(CODE, { [p]: text }, p);
	assert.match(d.message, /cannot set gateway or range without subnet/);
	assertFix(text, d.fixes?.[0], '[Network]\nGateway=10.89.0.1\nSubnet=10.89.0.0/24\n');
	const more = '[Network]\nSubnet=10.89.0.0/24\nGateway=10.89.0.1\nIPRange=10.89.0.128/25\nIPRange=10.89.0.64/26\n';
	const m = one(CODE, { [p]: more }, p);
	assert.equal(covered(more, m), 'IPRange');
	assert.equal(m.start, more.lastIndexOf('IPRange'));
	assert.match(m.message, /cannot set more ranges than subnets/);
	assert.deepEqual(only(CODE, { [p]: '[Network]\nSubnet=10.89.0.0/24\nSubnet=fd00::/64\nGateway=10.89.0.1\nGateway=fd00::1\n' }, p), []);
});

test('key-requires-key: volume Type= without Device=, Options= only for podman <= 5.8', () => {
	const p = `${DIR}/data.volume`;
	const text = '[Volume]\nType=tmpfs\n';
	assert.match(one(CODE, { [p]: text }, p).message, /key Type can't be used without Device/);
	assert.deepEqual(only(CODE, { [p]: '[Volume]\nDevice=tmpfs\nType=tmpfs\n' }, p), []);
	assert.deepEqual(only(CODE, { [p]: '[Volume]\nDriver=image\nImage=quay.io/org/data:1\nType=tmpfs\n' }, p), []);
	const opts = '[Volume]\nOptions=nodev\n';
	assert.deepEqual(only(CODE, { [p]: opts }, p), []);
	assert.match(one(CODE, { [p]: opts }, p, { podmanVersion: '5.8' }).message, /key Options can't be used without Device/);
	assert.equal(only(CODE, { [p]: opts }, p, { podmanVersion: '5.4' }).length, 1);
});

test('key-requires-key: a relative File= needs a working directory', () => {
	const p = `${DIR}/app.build`;
	const text = '[Build]\nImageTag=localhost/app\nFile=Containerfile\n';
	const d = one(CODE, { [p]: text }, p);
	assert.equal(covered(text, d), 'File');
	assert.match(d.message, /relative path in File key requires SetWorkingDirectory key to be set/);
	assertFix(text, d.fixes?.[0], `${text}SetWorkingDirectory=unit\n`);
	for (const ok of ['File=/src/Containerfile', 'File=%h/src/Containerfile', 'File=https://example.com/Containerfile', 'File=Containerfile\nSetWorkingDirectory=unit']) {
		assert.deepEqual(only(CODE, { [p]: `[Build]\nImageTag=localhost/app\n${ok}\n` }, p), [], ok);
	}
});

test('key-requires-key: a Group= from a drop-in is reported on the unit\'s section header', () => {
	const p = `${DIR}/web.container`;
	const dropIn = `${DIR}/web.container.d/20-group.conf`;
	const text = '[Container]\nImage=quay.io/org/web:1\n';
	const files = { [p]: text, [dropIn]: '[Container]\nGroup=wheel\n' };
	const d = one(CODE, files, p);
	assert.equal(covered(text, d), '[Container]');
	assert.equal(d.related?.[0].path, dropIn);
	assert.deepEqual(only(CODE, files, dropIn), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSilent, inTree, only, VENDOR } from '../system/helpers';

const CODE = 'qm/boundary-shadowed';

test('boundary-shadowed: a copy in /etc hides the vendor file', () => {
	const [d] = inTree('qm/boundary-shadowed/bad', '/etc/containers/systemd/qm.container', CODE);
	assert.equal(d.severity, 'warning');
	assert.match(d.message, /replaces \/usr\/share\/containers\/systemd\/qm\.container completely/);
	assert.match(d.message, /1 added\/changed line\(s\) \(Volume=\/srv\/maps:\/srv\/maps:ro\)/);
	assert.equal(d.related?.[0].path, VENDOR);
});

test('boundary-shadowed: /run copies too, but not QM\'s own /etc/qm', () => {
	const run = '/run/containers/systemd/qm.container';
	assert.equal(only(CODE, { [run]: '[Container]\nImage=x\n' }, run).length, 1);
	const inQm = '/etc/qm/containers/systemd/qm.container';
	assert.deepEqual(only(CODE, { [inQm]: '[Container]\nImage=x\n' }, inQm), []);
});

test('boundary-shadowed: the vendor file with drop-ins is fine', () => {
	assertSilent('qm/boundary-shadowed/good', CODE);
});

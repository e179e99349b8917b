import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceWith } from '../../../helpers/service';
import { applied, at, everywhere, findings, fixOf, tree } from './helpers';

const CODE = 'qm/containers-conf-format';
const BAD = tree('containers-conf-format', 'bad');
const D = '/etc/qm/containers/containers.conf.d';

test('quadlet content, wrong types, duplicates and an open array', () => {
	assert.deepEqual(everywhere(BAD, CODE), [
		`${D}/20-dvb.conf: Container (warning)`,
		`${D}/20-dvb.conf: -/dev/dvb1 (error)`,
		`${D}/30-types.conf: "800" (error)`,
		`${D}/30-types.conf: "/dev/video2" (error)`,
		`${D}/30-types.conf: host (error)`,
		`${D}/40-twice.conf: image_copy_tmp_dir (error)`,
		`${D}/40-twice.conf: engine (error)`,
		`${D}/50-unclosed.conf: [ (error)`,
	]);
});

test('a quadlet drop-in in containers.conf.d/ is explained as such', () => {
	const header = at(BAD, `${D}/20-dvb.conf`, CODE, 'Container');
	assert.match(header.message, /quadlet section/);
	assert.match(header.message, /does not load at all/);
	assert.match(header.message, /qm\.container\.d/);
	const line = at(BAD, `${D}/20-dvb.conf`, CODE, '-/dev/dvb1');
	assert.match(line.message, /looks like a quadlet drop-in/);
	assert.match(line.message, /every podman command/);
});

test('fixes: unquote an integer, wrap a string in an array', () => {
	const p = `${D}/30-types.conf`;
	assert.equal(applied(BAD, p, fixOf(at(BAD, p, CODE, '"800"'), 'oom_score_adj = 800')), '[containers]\noom_score_adj = 800\ndevices = "/dev/video2"\nnetns = host\n');
	assert.equal(applied(BAD, p, fixOf(at(BAD, p, CODE, '"/dev/video2"'), 'devices = [')), '[containers]\noom_score_adj = "800"\ndevices = ["/dev/video2"]\nnetns = host\n');
});

test('array elements of the wrong type; {append=true} is fine', () => {
	const files = { '/etc/containers/containers.conf': '[containers]\nenv = ["A=1", 2, {append=true}]\nlabel = "yes"\nnetns = 5\n' };
	assert.deepEqual(everywhere(files, CODE), [
		'/etc/containers/containers.conf: 2 (error)',
		'/etc/containers/containers.conf: "yes" (error)',
		'/etc/containers/containers.conf: 5 (error)',
	]);
	const d = at(files, '/etc/containers/containers.conf', CODE, '5');
	assert.equal(applied(files, '/etc/containers/containers.conf', fixOf(d, 'Quote')), '[containers]\nenv = ["A=1", 2, {append=true}]\nlabel = "yes"\nnetns = "5"\n');
});

test('runs in every domain, including unknown trees', () => {
	const files = { '/src/image/containers/containers.conf': '[containers]\nnetns = host\n' };
	assert.deepEqual(everywhere(files, CODE), ['/src/image/containers/containers.conf: host (error)']);
});

test('silent: valid TOML with comments, literal strings, dotted keys, multi-line arrays', () => {
	assert.deepEqual(everywhere(tree('containers-conf-format', 'good'), CODE), []);
});

test('the rule can be switched off', () => {
	const p = `${D}/30-types.conf`;
	assert.ok(findings(BAD, p, CODE).length > 0);
	assert.deepEqual(serviceWith(BAD, { rules: { [CODE]: 'off' } }).doValidation(p).filter((d) => d.code === CODE), []);
});

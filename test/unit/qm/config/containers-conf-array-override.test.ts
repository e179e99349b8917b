import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree, withFile } from './helpers';

const CODE = 'qm/containers-conf-array-override';
const BAD = tree('containers-conf-array-override', 'bad');
const TTY = '/etc/qm/containers/containers.conf.d/20-tty.conf';

test('a later drop-in replaces arrays of earlier files', () => {
	assert.deepEqual(everywhere(BAD, CODE), [`${TTY}: devices (warning)`, `${TTY}: cgroup_conf (warning)`]);
	const d = at(BAD, TTY, CODE, 'devices');
	assert.match(d.message, /"\/dev\/input\/event0" is lost/);
	assert.doesNotMatch(d.message, /event1"/);
	assert.deepEqual(d.related?.map((r) => [r.path, BAD[r.path].slice(r.start, r.end)]), [
		['/etc/qm/containers/containers.conf.d/10-input.conf', 'devices = ["/dev/input/event0", "/dev/input/event1"]'],
	]);
	const c = at(BAD, TTY, CODE, 'cgroup_conf');
	assert.match(c.message, /containers\.conf/);
	assert.match(c.message, /"memory\.oom\.group=1" is lost/);
});

test('fix: {append=true} after a trailing comma, or with a comma of its own', () => {
	assert.equal(applied(BAD, TTY, fixOf(at(BAD, TTY, CODE, 'devices'), '{append=true}')), `[containers]
devices = [
    "/dev/tty7",
    "/dev/input/event1", {append=true}  # kept: also in 10-input.conf
]
cgroup_conf = ["memory.swap.max=0"]
`);
	assert.equal(applied(BAD, TTY, fixOf(at(BAD, TTY, CODE, 'cgroup_conf'), '{append=true}')).split('\n')[5], 'cgroup_conf = ["memory.swap.max=0", {append=true}]');
});

test('an append earlier in the chain still counts', () => {
	const files = withFile(BAD, '/etc/qm/containers/containers.conf.d/15-more.conf', '[containers]\ndevices = ["/dev/input/event2", {append=true}]\n');
	const d = at(files, TTY, CODE, 'devices');
	assert.match(d.message, /"\/dev\/input\/event0", "\/dev\/input\/event2" are lost/);
	assert.match(d.message, /10-input\.conf, 15-more\.conf/);
});

test('silent: {append=true}, a superset, an empty reset, the QM template next to its copy, another engine', () => {
	assert.deepEqual(everywhere(tree('containers-conf-array-override', 'good'), CODE), []);
});

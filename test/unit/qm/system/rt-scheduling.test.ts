import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, covered, fixtureText, inTree, only, QM_DIR } from './helpers';

const CODE = 'qm/rt-scheduling';
const BAD = 'qm/rt-scheduling/bad';
const FILE = `${QM_DIR}/audio-mixer.container`;

test('rt-scheduling: fifo policy and a real-time priority inside QM', () => {
	const text = fixtureText(BAD, FILE);
	const ds = inTree(BAD, FILE, CODE);
	assert.deepEqual(ds.map((d) => covered(text, d)), ['fifo', '50']);
	assert.match(ds[0].message, /refuses sched_setscheduler/);
	assertFix(text, ds[0].fixes?.[0], text.replace('CPUSchedulingPolicy=fifo\n', ''));
});

test('rt-scheduling: --cpu-rt-runtime in PodmanArgs; plain QM services too', () => {
	const text = '[Container]\nImage=x\nPodmanArgs=--cpu-rt-runtime=950000\n';
	const [d] = only(CODE, { [`${QM_DIR}/a.container`]: text }, `${QM_DIR}/a.container`);
	assertFix(text, d.fixes?.[0], '[Container]\nImage=x\n');
	const svc = '/etc/qm/systemd/system/rt.service';
	assert.equal(only(CODE, { [svc]: '[Service]\nExecStart=/usr/bin/rt\nCPUSchedulingPolicy=rr\n' }, svc).length, 1);
});

test('rt-scheduling: Nice= and CPUWeight= are fine; host units are not judged', () => {
	assertSilent('qm/rt-scheduling/good', CODE);
	const host = '/etc/systemd/system/rt.service';
	assert.deepEqual(only(CODE, { [host]: '[Service]\nExecStart=/usr/bin/rt\nCPUSchedulingPolicy=fifo\n' }, host), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, QM_DIR } from './helpers';

const CODE = 'qm/privileged';
const BAD = 'qm/privileged/bad';
const FILE = `${QM_DIR}/debug.container`;

test('privileged: --privileged inside QM is an error', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), '--privileged');
	assertFix(text, d.fixes?.[0], text.replace('PodmanArgs=--privileged --shm-size=64m', 'PodmanArgs=--shm-size=64m'));
});

test('privileged: on the host only a warning, and only --privileged counts there', () => {
	const p = '/etc/containers/systemd/a.container';
	const text = '[Container]\nImage=x\nPodmanArgs=--privileged\nPodmanArgs=--security-opt label=disable\n';
	const ds = only(CODE, { [p]: text }, p);
	assert.deepEqual(ds.map((d) => [covered(text, d), d.severity]), [['--privileged', 'warning']]);
	assertFix(text, ds[0].fixes?.[0], '[Container]\nImage=x\nPodmanArgs=--security-opt label=disable\n');
});

test('privileged: unconfined seccomp, label=disable and device cgroup rules on the boundary', () => {
	const p = `${BOUNDARY_DIR}/a.conf`;
	const text = '[Container]\nPodmanArgs=--security-opt seccomp=unconfined --device-cgroup-rule="c 1:* rwm" --security-opt=label=disable\n';
	const ds = only(CODE, { [p]: text }, p);
	assert.deepEqual(ds.map((d) => covered(text, d)), ['--security-opt seccomp=unconfined', '--device-cgroup-rule="c 1:* rwm"', '--security-opt=label=disable']);
	assert.ok(ds.every((d) => d.severity === 'error'));
});

test('privileged: ordinary options are fine', () => {
	assertSilent('qm/privileged/good', CODE);
});

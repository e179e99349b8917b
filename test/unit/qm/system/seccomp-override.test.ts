import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, QM_DIR, VENDOR } from './helpers';

const CODE = 'qm/seccomp-override';
const BAD = 'qm/seccomp-override/bad';

test('seccomp-override: a boundary drop-in replaces QM\'s profile', () => {
	const file = `${BOUNDARY_DIR}/80-profile.conf`;
	const text = fixtureText(BAD, file);
	const [d] = inTree(BAD, file, CODE);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(text, d), '/etc/qm-custom-seccomp.json');
	assert.match(d.message, /denies real-time scheduling/);
	assertFix(text, d.fixes?.[0], '[Container]\n');
});

test('seccomp-override: SeccompProfile=unconfined inside QM', () => {
	const file = `${QM_DIR}/profiler.container`;
	const text = fixtureText(BAD, file);
	const [d] = inTree(BAD, file, CODE);
	assert.equal(covered(text, d), 'unconfined');
	assertFix(text, d.fixes?.[0], text.replace('SeccompProfile=unconfined\n', ''));
});

test('seccomp-override: an empty profile (README "Realtime") and --security-opt seccomp=', () => {
	const rt = '[Container]\nSeccompProfile=""\n';
	const [d] = only(CODE, { [`${BOUNDARY_DIR}/rt.conf`]: rt }, `${BOUNDARY_DIR}/rt.conf`);
	assert.match(d.message, /An empty SeccompProfile= makes podman use its default seccomp profile/);
	const args = '[Container]\nImage=x\nSeccompProfile=/usr/share/qm/seccomp-no-rt.json\nPodmanArgs=--security-opt seccomp=/tmp/open.json\n';
	const [e] = only(CODE, { [VENDOR]: args }, VENDOR);
	assert.equal(covered(args, e), '/tmp/open.json');
	assertFix(args, e.fixes?.[0], '[Container]\nImage=x\nSeccompProfile=/usr/share/qm/seccomp-no-rt.json\n');
});

test('seccomp-override: the vendor profile and nested profiles other than unconfined are fine', () => {
	assertSilent('qm/seccomp-override/good', CODE);
});

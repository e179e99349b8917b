import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, covered, fixtureText, inTree, only, QM_DIR } from './helpers';

const CODE = 'qm/oom-invalid';
const BAD = 'qm/oom-invalid/bad';
const FILE = `${QM_DIR}/cache.container`;

test('oom-invalid: --oom-score-adj out of range in PodmanArgs', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), '1500');
	assert.match(d.message, /outside -1000…1000.*podman refuses/);
	assertFix(text, d.fixes?.[0], text.replace('--oom-score-adj=1500', '--oom-score-adj=1000'));
});

test('oom-invalid: a non-number is reported without a fix; separate-value form works too', () => {
	const text = '[Container]\nImage=quay.io/x/y:1\nPodmanArgs=--oom-score-adj high\n';
	const [d] = only(CODE, { '/etc/containers/systemd/a.container': text }, '/etc/containers/systemd/a.container');
	assert.equal(covered(text, d), 'high');
	assert.equal(d.fixes, undefined);
});

test('oom-invalid: [Service] OOMScoreAdjust= out of range is left to systemd/invalid-value', () => {
	const files = { [`${QM_DIR}/a.container`]: '[Container]\nImage=quay.io/x/y:1\n\n[Service]\nOOMScoreAdjust=2000\n' };
	assert.deepEqual(only(CODE, files, `${QM_DIR}/a.container`), []);
	assert.equal(only('systemd/invalid-value', files, `${QM_DIR}/a.container`).length, 1);
});

test('oom-invalid: values in range are fine', () => {
	assertSilent('qm/oom-invalid/good', CODE);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, QM_DIR } from './helpers';

const CODE = 'qm/oom-nested-below-floor';
const BAD = 'qm/oom-nested-below-floor/bad';
const FILE = `${QM_DIR}/recorder.container`;

test('oom-nested-below-floor: OOMScoreAdjust=200 inside QM', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(text, d), '200');
	assert.match(d.message, /below 500, the OOM score of the QM partition itself.*CAP_SYS_RESOURCE/);
	assertFix(text, d.fixes?.[0], text.replace('OOMScoreAdjust=200', 'OOMScoreAdjust=500'));
});

test('oom-nested-below-floor: --oom-score-adj in PodmanArgs', () => {
	const text = '[Container]\nImage=quay.io/x/y:1\nPodmanArgs=--oom-score-adj=-10\n';
	const [d] = only(CODE, { [`${QM_DIR}/a.container`]: text }, `${QM_DIR}/a.container`);
	assert.equal(covered(text, d), '-10');
	assertFix(text, d.fixes?.[0], '[Container]\nImage=quay.io/x/y:1\nPodmanArgs=--oom-score-adj=500\n');
});

test('oom-nested-below-floor: no warning when the boundary gives sys_resource back (only a notice)', () => {
	const restore = `${BOUNDARY_DIR}/100-caps.conf`;
	const files = {
		[restore]: '[Container]\nDropCapability=\nDropCapability=sys_boot\nAddCapability=sys_resource\n',
		[`${QM_DIR}/a.container`]: '[Container]\nImage=quay.io/x/y:1\n\n[Service]\nOOMScoreAdjust=100\n',
	};
	const [d] = only(CODE, files, `${QM_DIR}/a.container`);
	assert.equal(d.severity, 'information');
	assert.equal(d.related?.[0].path, restore);
});

test('oom-nested-below-floor: 500 and above are fine', () => {
	assertSilent('qm/oom-nested-below-floor/good', CODE);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../helpers/service';
import { allFindings, applyFix, files, findings, QM, spanOf } from './support';

const RULE = 'label-level-peer-mismatch';
const BROKER = `${QM}/can-broker.container`;
const DISPLAY = `${QM}/dash-display.container`;
const LOGGER = `${QM}/speed-logger.container`;

test('qm/label-level-peer-mismatch: every side of a mismatched peer group gets an error on the line to change', () => {
	assert.deepEqual(allFindings(RULE, 'bad'), [
		`${BROKER}: s0:c4,c9`,
		`${DISPLAY}: [Container]`,
		`${LOGGER}: s0:c5,c6`,
	]);
	const [d] = findings(RULE, 'bad', LOGGER);
	assert.equal(d.severity, 'error');
	assert.match(d.message, /can-broker\.container \(both mount \/run\/canbus\/frames\.sock\) runs at s0:c4,c9/);
	assert.match(d.message, /dash-display\.container .* has no SecurityLabelLevel= either/);
	assert.ok(d.related!.some((r) => r.path === BROKER && r.message === 'the level of can-broker.container'));
});

test('qm/label-level-peer-mismatch: copying the peer\'s level replaces only the value', () => {
	const all = files(RULE, 'bad');
	const [d] = findings(RULE, 'bad', LOGGER);
	const fix = d.fixes!.find((f) => f.title === 'Use can-broker.container\'s level s0:c4,c9')!;
	const after = applyFix(all, LOGGER, fix);
	assert.equal(after[LOGGER], all[LOGGER].replace('SecurityLabelLevel=s0:c5,c6', 'SecurityLabelLevel=s0:c4,c9'));
	assert.deepEqual(Object.keys(after).filter((p) => after[p] !== all[p]), [LOGGER]);
});

test('qm/label-level-peer-mismatch: a container without a level gets SecurityLabelLevel= added at the end of [Container]', () => {
	const all = files(RULE, 'bad');
	const [d] = findings(RULE, 'bad', DISPLAY);
	assert.match(d.message, /^This container has no SecurityLabelLevel=/);
	const fix = d.fixes![0];
	assert.equal(fix.title, 'Add SecurityLabelLevel=s0:c4,c9 (the level of can-broker.container)');
	const after = applyFix(all, DISPLAY, fix);
	assert.equal(after[DISPLAY], all[DISPLAY].replace(
		'Volume=/run/canbus:/run/canbus:ro\n# the display',
		'Volume=/run/canbus:/run/canbus:ro\nSecurityLabelLevel=s0:c4,c9\n# the display'));
});

test('qm/label-level-peer-mismatch: the peer with a level can hand it to a peer without one', () => {
	const all = files(RULE, 'bad');
	const [d] = findings(RULE, 'bad', BROKER);
	const fix = d.fixes!.find((f) => f.title === 'Add SecurityLabelLevel=s0:c4,c9 to dash-display.container')!;
	assert.deepEqual(fix.edits, []);
	const after = applyFix(all, BROKER, fix);
	assert.equal(after[DISPLAY], all[DISPLAY].replace('/run/canbus:ro\n', '/run/canbus:ro\nSecurityLabelLevel=s0:c4,c9\n'));
});

test('qm/label-level-peer-mismatch: same level as a set, one pod, and /run/ipc bridge clients are silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

test('qm/label-level-peer-mismatch: peers without any level get one unused pair for both', () => {
	const a = `${QM}/a.container`;
	const b = `${QM}/b.container`;
	const tree = {
		[a]: '[Container]\nImage=quay.io/x/a\nVolume=/run/shared:/run/shared\nSecurityLabelLevel=\n',
		[b]: '[Container]\nImage=quay.io/x/b\nVolume=/run/shared:/run/shared\n',
		[`${QM}/c.container`]: '[Container]\nImage=quay.io/x/c\nSecurityLabelLevel=s0:c1,c5\n',
	};
	const [d] = lint(tree, a).filter((x) => x.code === `qm/${RULE}`);
	assert.equal(spanOf(tree[a], d), 'SecurityLabelLevel=');
	const fix = d.fixes![d.fixes!.length - 1];
	assert.equal(fix.title, 'Set the unused pair SecurityLabelLevel=s0:c2,c3 here and in b.container');
	const after = applyFix(tree, a, fix);
	assert.equal(after[a], tree[a].replace('SecurityLabelLevel=\n', 'SecurityLabelLevel=s0:c2,c3\n'));
	assert.equal(after[b], `${tree[b]}SecurityLabelLevel=s0:c2,c3\n`);
});

test('qm/label-level-peer-mismatch: GUI-stack containers sharing /run/user are not required to share a level', () => {
	const a = `${QM}/compositor.container`;
	const b = `${QM}/terminal.container`;
	const tree = {
		[a]: '[Container]\nImage=quay.io/x/a\nVolume=/run/user/0:/run/user/0\nSecurityLabelType=qm_container_wayland_t\n',
		[b]: '[Container]\nImage=quay.io/x/b\nVolume=/run/user/0:/run/user/0\nSecurityLabelType=qm_container_wayland_t\n',
	};
	assert.deepEqual(lint(tree, a).filter((x) => x.code === `qm/${RULE}`), []);
});

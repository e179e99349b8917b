import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, lint } from '../../../helpers/service';
import { allFindings, files, findings, HOST, QM, spanOf } from './support';

const RULE = 'label-level-syntax';

test('qm/label-level-syntax: upper-case level in QM is an error with a canonical rewrite', () => {
	const path = `${QM}/sensor-reader.container`;
	const text = files(RULE, 'bad')[path];
	const [d, ...rest] = findings(RULE, 'bad', path);
	assert.equal(rest.length, 0);
	assert.equal(d.severity, 'error');
	assert.equal(spanOf(text, d), 'S0:C4,C9');
	assert.match(d.message, /SecurityLabelLevel=S0:C4,C9 is not an SELinux MCS level/);
	assert.match(d.message, /Write s0:c4,c9/);
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelLevel=S0:C4,C9', 'SecurityLabelLevel=s0:c4,c9'));
});

test('qm/label-level-syntax: a level inside PodmanArgs= --security-opt is checked too', () => {
	const path = `${HOST}/trip-logger.container`;
	const text = files(RULE, 'bad')[path];
	const [d] = findings(RULE, 'bad', path);
	assert.equal(d.severity, 'error');
	assert.equal(spanOf(text, d), 's0;c3,c8');
	assert.match(d.message, /--security-opt label=level:s0;c3,c8/);
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('label=level:s0;c3,c8', 'label=level:s0:c3,c8'));
});

test('qm/label-level-syntax: valid levels and an empty reset in a drop-in are silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

test('qm/label-level-syntax: an empty label=level: in PodmanArgs is reported, unknown domains are not checked', () => {
	const p = `${QM}/x.container`;
	const text = '[Container]\nImage=quay.io/a/b\nPodmanArgs=--security-opt label=level:\n';
	const [d] = lint({ [p]: text }, p).filter((x) => x.code === `qm/${RULE}`);
	assert.equal(spanOf(text, d), 'level:');
	const unknown = '/srv/units/x.container';
	assert.deepEqual(lint({ [unknown]: '[Container]\nImage=quay.io/a/b\nSecurityLabelLevel=S0\n' }, unknown).filter((x) => x.code === `qm/${RULE}`), []);
});

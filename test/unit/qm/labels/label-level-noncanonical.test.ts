import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, lint } from '../../../helpers/service';
import { allFindings, files, findings, QM, spanOf } from './support';

const RULE = 'label-level-noncanonical';

test('qm/label-level-noncanonical: an unsorted, repeated PodmanArgs level gets a hint and the canonical spelling', () => {
	const path = `${QM}/telemetry-uploader.container`;
	const text = files(RULE, 'bad')[path];
	const [d] = findings(RULE, 'bad', path);
	assert.equal(d.severity, 'hint');
	assert.equal(spanOf(text, d), 's0:c9,c4,c4');
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('label=level:s0:c9,c4,c4', 'label=level:s0:c4,c9'));
});

test('qm/label-level-noncanonical: canonical levels are silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

test('qm/label-level-noncanonical: a key-based level gets one hint only (the generic check\'s)', () => {
	const p = `${QM}/a.container`;
	const hints = lint({ [p]: '[Container]\nImage=quay.io/a/b\nSecurityLabelLevel=s0:c2,c1\n' }, p).filter((d) => d.severity === 'hint');
	assert.equal(hints.length, 1);
});

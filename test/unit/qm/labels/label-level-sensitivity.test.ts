import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { allFindings, files, findings, QM, spanOf } from './support';

const RULE = 'label-level-sensitivity';

test('qm/label-level-sensitivity: s1 is an error on the sensitivity, fixed to s0', () => {
	const path = `${QM}/cabin-climate.container`;
	const text = files(RULE, 'bad')[path];
	const [d, ...rest] = findings(RULE, 'bad', path);
	assert.equal(rest.length, 0);
	assert.equal(d.severity, 'error');
	assert.equal(spanOf(text, d), 's1');
	assert.match(d.message, /targeted policy .* only s0/);
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelLevel=s1:c12,c40', 'SecurityLabelLevel=s0:c12,c40'));
});

test('qm/label-level-sensitivity: s0 levels are silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

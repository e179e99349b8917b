import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { allFindings, files, findings, QM, spanOf } from './support';

const RULE = 'label-level-category-range';

test('qm/label-level-category-range: a reversed range is an error, fixed by swapping the ends', () => {
	const path = `${QM}/map-cache.container`;
	const text = files(RULE, 'bad')[path];
	const [d, ...rest] = findings(RULE, 'bad', path);
	assert.equal(rest.length, 0);
	assert.equal(d.severity, 'error');
	assert.equal(spanOf(text, d), 'c9.c4');
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelLevel=s0:c9.c4', 'SecurityLabelLevel=s0:c4.c9'));
});

test('qm/label-level-category-range: a category above c1023 is an error without a guessed fix', () => {
	const path = `${QM}/route-planner.container`;
	const text = files(RULE, 'bad')[path];
	const [d] = findings(RULE, 'bad', path);
	assert.equal(spanOf(text, d), 'c1024');
	assert.match(d.message, /c1024 does not exist/);
	assert.equal(d.fixes, undefined);
});

test('qm/label-level-category-range: categories in range are silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { allFindings, files, findings, HOST, QM, spanOf } from './support';

const RULE = 'label-level-too-broad';

test('qm/label-level-too-broad: all categories in QM is an error; the fix removes only that line', () => {
	const path = `${QM}/diag-collector.container`;
	const text = files(RULE, 'bad')[path];
	const [d] = findings(RULE, 'bad', path);
	assert.equal(d.severity, 'error');
	assert.equal(spanOf(text, d), 's0:c0.c1023');
	assert.match(d.message, /dominates every other nested QM container/);
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelLevel=s0:c0.c1023\n', ''));
});

test('qm/label-level-too-broad: a clearance range on the host is a warning', () => {
	const path = `${HOST}/host-backup.container`;
	const text = files(RULE, 'bad')[path];
	const [d] = findings(RULE, 'bad', path);
	assert.equal(d.severity, 'warning');
	assert.equal(spanOf(text, d), 's0-s0:c0.c1023');
	assert.match(d.message, /clearance range/);
});

test('qm/label-level-too-broad: no level is silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

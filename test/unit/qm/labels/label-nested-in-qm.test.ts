import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { allFindings, files, findings, QM } from './support';

const RULE = 'label-nested-in-qm';

test('qm/label-nested-in-qm: SecurityLabelNested=true on a nested container warns; the fix removes the line', () => {
	const path = `${QM}/app-store.container`;
	const text = files(RULE, 'bad')[path];
	const [d] = findings(RULE, 'bad', path);
	assert.equal(d.severity, 'warning');
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelNested=true\n', ''));
});

test('qm/label-nested-in-qm: nested labelling on the QM boundary is silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

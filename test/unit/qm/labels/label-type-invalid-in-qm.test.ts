import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { allFindings, files, findings, QM, spanOf } from './support';

const RULE = 'label-type-invalid-in-qm';

test('qm/label-type-invalid-in-qm: ipc_t on a QM bridge client is an error, fixed to qm_container_ipc_t', () => {
	const path = `${QM}/fleet-client.container`;
	const text = files(RULE, 'bad')[path];
	const [d] = findings(RULE, 'bad', path);
	assert.equal(d.severity, 'error');
	assert.equal(spanOf(text, d), 'ipc_t');
	assert.match(d.message, /host \(ASIL\) side of the \/run\/ipc bridge/);
	assert.equal(d.fixes![0].isPreferred, true);
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelType=ipc_t', 'SecurityLabelType=qm_container_ipc_t'));
});

test('qm/label-type-invalid-in-qm: spc_t is an error; the fix removes only that line', () => {
	const path = `${QM}/debug-shell.container`;
	const text = files(RULE, 'bad')[path];
	const [d] = findings(RULE, 'bad', path);
	assert.equal(spanOf(text, d), 'spc_t');
	assert.equal(d.fixes!.length, 1);
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelType=spc_t\n', ''));
});

test('qm/label-type-invalid-in-qm: qm_container_* types are silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { allFindings, files, findings, HOST, spanOf } from './support';

const RULE = 'label-type-qm-on-host';

test('qm/label-type-qm-on-host: a host container in qm_container_t is an error; the fix removes the line', () => {
	const path = `${HOST}/brake-monitor.container`;
	const text = files(RULE, 'bad')[path];
	const [d] = findings(RULE, 'bad', path);
	assert.equal(d.severity, 'error');
	assert.equal(spanOf(text, d), 'qm_container_t');
	assert.match(d.message, /host \(ASIL\) container into QM's SELinux domain/);
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelType=qm_container_t\n', ''));
});

test('qm/label-type-qm-on-host: ipc_t on the host and qm_t on the QM boundary are silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { allFindings, files, findings, QM, spanOf } from './support';

const RULE = 'label-type-redundant';

test('qm/label-type-redundant: qm_container_init_t with Exec=/sbin/init is a hint tagged unnecessary', () => {
	const path = `${QM}/service-bundle.container`;
	const text = files(RULE, 'bad')[path];
	const [d] = findings(RULE, 'bad', path);
	assert.equal(d.severity, 'hint');
	assert.deepEqual(d.tags, ['unnecessary']);
	assert.equal(spanOf(text, d), 'qm_container_init_t');
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelType=qm_container_init_t\n', ''));
});

test('qm/label-type-redundant: no key, or kvm type without a VM runtime, is silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { allFindings, files, findings, QM, spanOf } from './support';

const RULE = 'label-type-wayland-broad';

test('qm/label-type-wayland-broad: the GUI type without any GUI signal is information', () => {
	const path = `${QM}/podcast-sync.container`;
	const text = files(RULE, 'bad')[path];
	const [d] = findings(RULE, 'bad', path);
	assert.equal(d.severity, 'information');
	assert.equal(spanOf(text, d), 'qm_container_wayland_t');
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelType=qm_container_wayland_t\n', ''));
});

test('qm/label-type-wayland-broad: a Wayland client (env + /run/user volume) is silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

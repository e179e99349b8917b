import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allFindings, applyFix, files, findings, QM } from './support';

const RULE = 'label-level-shared-unrelated';

test('qm/label-level-shared-unrelated: two unrelated containers with one pair both get a warning', () => {
	assert.deepEqual(allFindings(RULE, 'bad'), [
		`${QM}/parking-camera.container: s0:c21,c22`,
		`${QM}/radio-tuner.container: s0:c21,c22`,
	]);
	const path = `${QM}/parking-camera.container`;
	const [d] = findings(RULE, 'bad', path);
	assert.equal(d.severity, 'warning');
	assert.match(d.message, /also the level of radio-tuner\.container/);
	assert.deepEqual(d.related!.map((r) => r.path), [`${QM}/radio-tuner.container`]);
	const all = files(RULE, 'bad');
	const after = applyFix(all, path, d.fixes![0]);
	assert.equal(after[path], all[path].replace('SecurityLabelLevel=s0:c21,c22', 'SecurityLabelLevel=s0:c1,c2'));
	assert.equal(after[`${QM}/radio-tuner.container`], all[`${QM}/radio-tuner.container`]);
});

test('qm/label-level-shared-unrelated: peers sharing a run directory may share the pair', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

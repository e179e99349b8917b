import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { allFindings, files, findings, QM, spanOf } from './support';

const RULE = 'label-level-weak';

test('qm/label-level-weak: s0 and single-category levels on nested containers are warnings', () => {
	assert.deepEqual(allFindings(RULE, 'bad'), [
		`${QM}/media-indexer.container: s0`,
		`${QM}/voice-assistant.container: s0:c7`,
	]);
	const path = `${QM}/media-indexer.container`;
	const text = files(RULE, 'bad')[path];
	const [d] = findings(RULE, 'bad', path);
	assert.equal(d.severity, 'warning');
	assert.match(d.message, /every nested QM container dominates it/);
	// c7 is taken by voice-assistant, so the first free pair is c1,c2.
	assert.equal(d.fixes![0].title, 'Change to the unused pair s0:c1,c2');
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelLevel=s0\n', 'SecurityLabelLevel=s0:c1,c2\n'));
	assert.equal(d.fixes![0].otherFiles, undefined);
});

test('qm/label-level-weak: a pair in QM and s0 on a host bridge server are silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

test('qm/label-level-weak: the single category is the finding span', () => {
	const path = `${QM}/voice-assistant.container`;
	const [d] = findings(RULE, 'bad', path);
	assert.equal(spanOf(files(RULE, 'bad')[path], d), 's0:c7');
	assert.match(d.message, /includes c7/);
});

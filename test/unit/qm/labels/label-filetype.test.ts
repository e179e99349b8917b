import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { allFindings, files, findings, QM } from './support';

const RULE = 'label-filetype';

test('qm/label-filetype: qm_file_t is an error, other file types a warning', () => {
	assert.deepEqual(allFindings(RULE, 'bad'), [
		`${QM}/font-cache.container: fonts_cache_t`,
		`${QM}/photo-store.container: qm_file_t`,
	]);
	assert.equal(findings(RULE, 'bad', `${QM}/photo-store.container`)[0].severity, 'error');
	const path = `${QM}/font-cache.container`;
	const [d] = findings(RULE, 'bad', path);
	assert.equal(d.severity, 'warning');
	const text = files(RULE, 'bad')[path];
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelFileType=fonts_cache_t\n', ''));
});

test('qm/label-filetype: qm_container_ro_file_t is silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

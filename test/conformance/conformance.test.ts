import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHARED_SKIP } from '../helpers/paths';
import { formatReport, runConformance, summaryLine, type ConformanceResult } from './corpus-check';

let cached: ConformanceResult | undefined;
const result = (): ConformanceResult => (cached ??= runConformance());

test('every file podman refuses gets at least one error', { skip: SHARED_SKIP }, () => {
	const r = result();
	const missed = r.mismatches.filter((m) => m.expected.startsWith('podman refuses'));
	assert.equal(r.fail.total, 24, summaryLine(r));
	assert.deepEqual(missed, [], formatReport(r));
});

test('no file podman accepts gets an error', { skip: SHARED_SKIP }, () => {
	const r = result();
	const wrong = r.mismatches.filter((m) => m.expected.startsWith('podman accepts'));
	assert.equal(r.ok.total, 294, summaryLine(r));
	assert.deepEqual(wrong, [], formatReport(r));
});

test('no installed QM file (qm-upstream/real) gets an error', { skip: SHARED_SKIP }, () => {
	const r = result();
	const wrong = r.mismatches.filter((m) => m.file.startsWith('qm-upstream/'));
	assert.ok(r.real.total > 0, 'qm-upstream/real holds files');
	assert.deepEqual(wrong, [], formatReport(r));
});

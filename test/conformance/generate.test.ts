import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHARED_SKIP } from '../helpers/paths';
import { BAR, formatReport, runGenerateConformance, summaryLine, TYPES, type GenerateConformance } from './generate-run';

let cached: GenerateConformance | undefined;
const result = (): GenerateConformance => (cached ??= runGenerateConformance());

test(`generate: at least ${BAR * 100}% of podman's assertion lines hold, per unit type`, { skip: SHARED_SKIP }, () => {
	const r = result();
	for (const type of TYPES) {
		const t = r.byType.get(type)!;
		assert.ok(t.total > 0, `${type}: the corpus has assertion lines`);
		assert.ok(t.held / t.total >= BAR, `${type} below the bar\n${formatReport(r)}`);
	}
	console.log(summaryLine(r));
});

test('generate: units podman accepts convert, units it refuses are refused with its message', { skip: SHARED_SKIP }, () => {
	const r = result();
	assert.deepEqual(r.refusedOk, []);
	assert.deepEqual(r.refused.misses, []);
	assert.equal(r.refused.total, 24);
	assert.deepEqual(r.serviceNames, []);
});

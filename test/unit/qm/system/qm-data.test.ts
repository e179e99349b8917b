import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotationsCovering, boundaryData, devicesData, forbiddenDevice, podmanFlagsData } from '../../../../server/src/service/qm/qm-data';
import { DevicesDataSchema } from '../../../../server/src/service/qm/qm-data-schema';
import { DATA_FILES } from '../../../../server/src/service/data-files';
import { vendorUnit } from '../../../../server/src/service/qm/boundary';
import { getCatalog } from '../../../../server/src/service/catalog/catalog';

test('qm data: every schemas/qm/*.json file passes its zod schema', () => {
	for (const { file, data, schema } of DATA_FILES.filter((f) => f.file.startsWith('qm/'))) {
		const r = schema.safeParse(data);
		assert.ok(r.success, `${file}: ${r.success ? '' : r.error.message}`);
	}
	assert.doesNotThrow(() => { boundaryData(); devicesData(); podmanFlagsData(); });
});

test('qm data: a broken table is rejected', () => {
	assert.equal(DevicesDataSchema.safeParse({ forbidden: [{ pattern: '/dev/mem', name: 'x', severity: 'error', why: 'unanchored pattern' }], annotations: [], annotationPrefix: 'x' }).success, false);
});

test('qm data: the vendor qm.container parses cleanly and uses only catalog keys', () => {
	const parsed = vendorUnit();
	assert.deepEqual(parsed.problems, []);
	for (const e of parsed.entries) assert.ok(getCatalog().key('container', e.section!.name, e.key), `${e.section!.name}/${e.key}`);
});

test('qm data: every PodmanArgs flag maps to a key the catalog knows', () => {
	for (const f of podmanFlagsData().flags) assert.ok(getCatalog().key('container', 'Container', f.key), f.key);
});

test('qm data: device patterns', () => {
	assert.equal(forbiddenDevice('/dev/mem')?.severity, 'error');
	assert.equal(forbiddenDevice('/dev/nvme0n1p2')?.severity, 'warning');
	assert.equal(forbiddenDevice('/dev/media0'), undefined);
	assert.deepEqual(annotationsCovering('/dev/snd/pcmC0D0p').map((a) => a.key), ['org.containers.qm.device.audio']);
	assert.deepEqual(annotationsCovering('/dev/tty8'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import raw from '../../../../schemas/qm/volume-sources.json';
import { DEFAULT_PREFIXES } from '../../../../server/src/service/qm/domain';
import { compilePattern, getVolumeSources } from '../../../../server/src/service/qm/volume-sources';
import { VolumeSourcesSchema } from '../../../../server/src/service/qm/volume-sources-schema';
import { VOLUMES_RULES } from '../../../../server/src/service/rules/qm/volumes/index';

test('schemas/qm/volume-sources.json validates', () => {
	assert.doesNotThrow(() => VolumeSourcesSchema.parse(raw));
	assert.ok(getVolumeSources().tables.qm.length > 0);
});

test('every rule named by a table row exists (or is another family\'s IPC rule)', () => {
	const ids = new Set(VOLUMES_RULES.map((r) => r.id));
	const data = getVolumeSources();
	for (const rows of Object.values(data.tables)) {
		for (const row of rows) {
			for (const f of [row.finding, row.ifWritable]) {
				if (f) assert.ok(ids.has(f.rule) || f.rule === 'qm/ipc-asil-qm-outside-bridge', f.rule);
			}
		}
	}
});

test('pattern syntax: exact, one segment, subtree, prefix variables', () => {
	const m = (p: string, path: string) => compilePattern(p, DEFAULT_PREFIXES)(path);
	assert.ok(m('/run', '/run'));
	assert.ok(!m('/run', '/run/ipc'));
	assert.ok(m('/run/ipc/**', '/run/ipc'));
	assert.ok(m('/run/ipc/**', '/run/ipc/a.sock'));
	assert.ok(!m('/run/ipc/**', '/run/ipc.socket'));
	assert.ok(m('/var/lib/*', '/var/lib/app'));
	assert.ok(!m('/var/lib/*', '/var/lib/app/data'));
	assert.ok(m('/dev/sd*', '/dev/sda1'));
	assert.ok(m('/dev/*/**', '/dev/tty0'));
	assert.ok(!m('/dev/*/**', '/dev'));
	assert.ok(m('/**', '/'));
	assert.ok(m('${RWETCFS}/**', '/etc/qm/containers'));
	assert.ok(!m('${RWETCFS}/**', '/etc/qmx'));
});

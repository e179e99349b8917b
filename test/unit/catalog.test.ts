import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOG_FILES, getCatalog } from '../../server/src/service/catalog/catalog';
import { SectionFileSchema } from '../../server/src/service/catalog/catalog-schema';
import { DATA_FILES, validateDataFiles } from '../../server/src/service/data-files';
import { readdirSync } from 'node:fs';
import { parseUnit } from '../../server/src/service/parser/parse-unit';
import { HAVE_SHARED, SHARED, SHARED_SKIP } from '../helpers/paths';

test('every schemas/*.json file passes the zod schema', () => {
	for (const [file, data] of Object.entries(CATALOG_FILES)) {
		const r = SectionFileSchema.safeParse(data);
		assert.ok(r.success, `${file}: ${r.success ? '' : r.error.message}`);
	}
	assert.doesNotThrow(() => getCatalog());
});

test('a broken data file is rejected with its name', () => {
	const problems = validateDataFiles([{ file: 'quadlet/x.json', data: { section: 'X' }, schema: SectionFileSchema }]);
	assert.equal(problems.length, 1);
	assert.match(problems[0], /^schemas\/quadlet\/x\.json: /);
});

test('every data file under schemas/ is validated, and all pass', () => {
	const root = resolve(__dirname, '../../../schemas');
	const onDisk = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())
		.flatMap((d) => readdirSync(resolve(root, d.name)).filter((f) => f.endsWith('.json')).map((f) => `${d.name}/${f}`)).sort();
	assert.deepEqual(DATA_FILES.map((f) => f.file).sort(), onDisk);
	assert.deepEqual(validateDataFiles(), []);
});

test('every example is a valid assignment of its own key', () => {
	for (const s of getCatalog().sections) {
		for (const [name, key] of Object.entries(s.keys)) {
			const parsed = parseUnit(`[${s.section}]\n${key.example}\n`);
			assert.deepEqual(parsed.problems, [], `${s.file} ${name}`);
			assert.equal(parsed.entries[0]?.key, name, `${s.file}: example of ${name} is "${key.example}"`);
		}
	}
});

test('enum defaults are among the listed values', () => {
	for (const s of getCatalog().sections) {
		for (const [name, key] of Object.entries(s.keys)) {
			if (key.type !== 'enum' || key.default === undefined || !key.values) continue;
			const vals = key.caseInsensitive ? key.values.map((v) => v.toLowerCase()) : key.values;
			assert.ok(vals.includes(key.caseInsensitive ? key.default.toLowerCase() : key.default), `${s.section}.${name} default ${key.default}`);
		}
	}
});

test('quadlet sections hold exactly the keys podman supports', { skip: SHARED_SKIP }, () => {
	if (!HAVE_SHARED) return;
	const facts = JSON.parse(readFileSync(resolve(SHARED, 'reference', 'quadlet-keys.json'), 'utf8')) as Record<string, Record<string, Record<string, { since: string; repeatable: boolean }>>>;
	const catalog = getCatalog();
	for (const [kind, sections] of Object.entries(facts)) {
		for (const [section, keys] of Object.entries(sections)) {
			const spec = catalog.section(kind as never, section);
			assert.ok(spec, `${kind} [${section}]`);
			assert.deepEqual(Object.keys(spec.keys).sort(), Object.keys(keys).sort(), `${kind} [${section}]`);
			for (const [k, v] of Object.entries(keys)) {
				assert.equal(spec.keys[k].repeatable, v.repeatable, `${section}.${k} repeatable`);
				const since = v.since.startsWith('unreleased') ? 'unreleased' : v.since;
				assert.equal(spec.keys[k].since, since, `${section}.${k} since`);
			}
		}
	}
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_RULE_METAS } from '../../server/src/service/rules/index';
import { renderConfiguration, renderRuleTable } from '../../server/src/service/rules/rule-docs';
import { REPO } from '../helpers/paths';

// Run with UPDATE=1 (npm run sync) to rewrite the generated parts instead of checking them.
const UPDATE = process.env.UPDATE === '1';
const BEGIN = '<!-- BEGIN GENERATED RULE TABLE (npm run sync) -->';
const END = '<!-- END GENERATED RULE TABLE -->';

test('rule ids are unique and well-formed', () => {
	const ids = ALL_RULE_METAS.map((r) => r.id);
	assert.equal(new Set(ids).size, ids.length);
	for (const id of ids) assert.match(id, /^(quadlet|systemd|qm)\/[a-z0-9-]+$/);
});

test('README rule table matches the rule registry', () => {
	const path = resolve(REPO, 'README.md');
	const readme = readFileSync(path, 'utf8');
	const a = readme.indexOf(BEGIN);
	const b = readme.indexOf(END);
	assert.ok(a >= 0 && b > a, 'README has the generated-table markers');
	const expected = `${BEGIN}\n${renderRuleTable(ALL_RULE_METAS)}\n${END}`;
	const actual = readme.slice(a, b + END.length);
	if (UPDATE && actual !== expected) writeFileSync(path, readme.slice(0, a) + expected + readme.slice(b + END.length));
	else assert.equal(actual, expected, 'README rule table is stale: run npm run sync');
});

test('package.json settings match the rule registry', () => {
	const path = resolve(REPO, 'package.json');
	const pkg = JSON.parse(readFileSync(path, 'utf8'));
	const expected = renderConfiguration(ALL_RULE_METAS);
	if (UPDATE && JSON.stringify(pkg.contributes.configuration) !== JSON.stringify(expected)) {
		pkg.contributes.configuration = expected;
		writeFileSync(path, JSON.stringify(pkg, null, '\t') + '\n');
	} else {
		assert.deepEqual(pkg.contributes.configuration, expected, 'package.json configuration is stale: run npm run sync');
	}
});

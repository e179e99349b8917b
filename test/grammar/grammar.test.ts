import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IGrammar } from 'vscode-textmate';
import { REPO } from '../helpers/paths';
import { createRegistry, GRAMMARS, tokenize } from './textmate';

// Scope snapshots of test/grammar/fixtures/* in test/grammar/snapshots/*.json.
// Regenerate with UPDATE=1 (e.g. `npm run build && UPDATE=1 node --test out/test/grammar/grammar.test.js`).
const UPDATE = process.env.UPDATE === '1';
const FIXTURES = resolve(REPO, 'test', 'grammar', 'fixtures');
const SNAPSHOTS = resolve(REPO, 'test', 'grammar', 'snapshots');

interface Generator {
	renderGrammar(schemaDir?: string): string;
	readSections(schemaDir?: string): { section: string; owner: string; keys: Record<string, string> }[];
}

async function loadGenerator(): Promise<Generator> {
	// The generator is an ES module; a dynamic import keeps it out of the CommonJS build.
	return (await import(pathToFileURL(resolve(REPO, 'scripts', 'gen-grammar.mjs')).href)) as Generator;
}

function scopeFor(file: string): string {
	return extname(file) === '.socket' || extname(file) === '.service' ? 'source.systemd-unit.quadlet' : 'source.quadlet';
}

async function grammarOf(scope: string, overrides: Record<string, string> = {}): Promise<IGrammar> {
	const g = await createRegistry(overrides).loadGrammar(scope);
	assert.ok(g, `grammar ${scope} loads`);
	return g;
}

test('the grammar is up to date with schemas/ (npm run gen:grammar)', async () => {
	const gen = await loadGenerator();
	const onDisk = readFileSync(GRAMMARS['source.quadlet'], 'utf8');
	assert.equal(onDisk, gen.renderGrammar(), 'syntaxes/quadlet.tmLanguage.json is stale: run npm run gen:grammar');
});

test('every scope name ends in .quadlet and the grammars declare their scope names', () => {
	for (const [scopeName, path] of Object.entries(GRAMMARS)) {
		const json = JSON.parse(readFileSync(path, 'utf8'));
		assert.equal(json.scopeName, scopeName);
		const walk = (node: unknown): void => {
			if (Array.isArray(node)) { node.forEach(walk); return; }
			if (!node || typeof node !== 'object') return;
			for (const [k, v] of Object.entries(node)) {
				if ((k === 'name' || k === 'contentName') && typeof v === 'string') {
					for (const s of v.split(/\s+/)) assert.match(s, /\.quadlet$/, `${basename(path)}: scope "${s}"`);
				} else walk(v);
			}
		};
		walk(json.patterns);
		walk(json.repository);
	}
});

test('every key of every schema section is highlighted as a known key in its section', async () => {
	const gen = await loadGenerator();
	const grammar = await grammarOf('source.quadlet');
	let checked = 0;
	for (const s of gen.readSections()) {
		const keys = Object.keys(s.keys);
		const lines = tokenize(grammar, `[${s.section}]\n${keys.map((k) => `${k}=x`).join('\n')}\n`);
		keys.forEach((k, i) => {
			const first = lines[i + 1][0];
			assert.equal(first.text, k, `[${s.section}] ${k}`);
			assert.match(first.scopes, /keyword\.other\.definition\.quadlet$/, `[${s.section}] ${k} → ${first.scopes}`);
			checked++;
		});
	}
	assert.ok(checked > 500, `checked ${checked} keys`);
});

test('a key is known only in its own section', async () => {
	const grammar = await grammarOf('source.quadlet');
	const lines = tokenize(grammar, '[Volume]\nExec=x\n[Container]\nExec=x\n');
	assert.match(lines[1][0].scopes, /invalid\.illegal\.unknown-key\.quadlet/);
	assert.match(lines[3][0].scopes, /keyword\.other\.definition\.quadlet$/);
});

test('a 100 KB line and 10k repeated lines tokenize quickly (no catastrophic backtracking)', async () => {
	const grammar = await grammarOf('source.quadlet');
	const long = `[Container]\nEnvironment=${'A=%n${B} "q\\"x" '.repeat(6000)}\nLabel=${'x\\'.repeat(50000)}\n`;
	let t = Date.now();
	tokenize(grammar, long);
	assert.ok(Date.now() - t < 5000, `long lines took ${Date.now() - t} ms`);
	t = Date.now();
	tokenize(grammar, `[Container]\n${'Environment=A=1\n[Container]\n'.repeat(5000)}`);
	assert.ok(Date.now() - t < 5000, `repeated lines took ${Date.now() - t} ms`);
});

const fixtures = existsSync(FIXTURES) ? readdirSync(FIXTURES).sort() : [];

for (const name of fixtures) {
	test(`scope snapshot: ${name}`, async () => {
		const text = readFileSync(resolve(FIXTURES, name), 'utf8');
		const grammar = await grammarOf(scopeFor(name));
		const actual = tokenize(grammar, text).map((line) => line.map((t) => [t.text, t.scopes]));
		const snapPath = resolve(SNAPSHOTS, `${name}.json`);
		const rendered = `[\n${actual.map((l) => `\t${JSON.stringify(l)}`).join(',\n')}\n]\n`;
		if (UPDATE) {
			mkdirSync(SNAPSHOTS, { recursive: true });
			writeFileSync(snapPath, rendered);
			return;
		}
		assert.ok(existsSync(snapPath), `missing snapshot ${snapPath}: run with UPDATE=1`);
		assert.deepEqual(actual, JSON.parse(readFileSync(snapPath, 'utf8')), `${name}: scopes changed; if intended, re-run with UPDATE=1`);
	});
}

test('there is a fixture for each grammar and no orphan snapshot', () => {
	assert.ok(fixtures.some((f) => scopeFor(f) === 'source.quadlet'));
	assert.ok(fixtures.some((f) => scopeFor(f) === 'source.systemd-unit.quadlet'));
	if (existsSync(SNAPSHOTS)) {
		for (const s of readdirSync(SNAPSHOTS)) assert.ok(fixtures.includes(s.replace(/\.json$/, '')), `orphan snapshot ${s}`);
	}
});

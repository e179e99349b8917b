// Generates syntaxes/quadlet.tmLanguage.json from the key catalog in schemas/ so that the
// grammar's known-key alternations never drift from the language service.
//
//   node scripts/gen-grammar.mjs          write the grammar
//   node scripts/gen-grammar.mjs --check  exit 1 when the file on disk is stale
//
// test/grammar/grammar.test.ts imports generateGrammar() and compares it with the file.
//
// Shape (mirrors podman's line rules, see server/src/service/parser/parse-unit.ts):
// - `#`/`;` at the start of a trimmed line is a comment, also inside a continued value;
// - a known [Section] opens a block whose keys are checked against that section's schema file:
//   known keys, X- extension keys and unknown keys get different scopes;
// - a value runs from `=` to the end of the line, and on to the next non-blank, non-comment line
//   while the trimmed line ends in a backslash;
// - inside values: %-specifiers, ${VAR}/$VAR, "quoted strings", C escapes, and for bool-typed keys
//   the boolean words.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const GRAMMAR_PATH = join(REPO, 'syntaxes', 'quadlet.tmLanguage.json');

const BOOL_TYPES = new Set(['bool', 'sd-bool', 'bool-or-enum']);

/** Reads every section file under schemas/ → [{ section, owner, keys: {name: type} }], sorted. */
export function readSections(schemaDir = join(REPO, 'schemas')) {
	const out = new Map();
	const walk = (dir) => {
		for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			const p = join(dir, name.name);
			if (name.isDirectory()) walk(p);
			else if (name.name.endsWith('.json')) {
				const json = JSON.parse(readFileSync(p, 'utf8'));
				if (typeof json.section !== 'string' || !json.keys) continue;
				const prev = out.get(json.section) ?? { section: json.section, owner: json.owner, keys: {} };
				for (const [k, spec] of Object.entries(json.keys)) prev.keys[k] = spec.type;
				out.set(json.section, prev);
			}
		}
	};
	walk(schemaDir);
	return [...out.values()].sort((a, b) => a.section.localeCompare(b.section));
}

/** Known specifier letters from schemas/systemd/specifiers.json. */
export function readSpecifierLetters(schemaDir = join(REPO, 'schemas')) {
	const json = JSON.parse(readFileSync(join(schemaDir, 'systemd', 'specifiers.json'), 'utf8'));
	return json.specifiers.map((s) => s.letter).filter((l) => /^[A-Za-z]$/.test(l)).sort().join('');
}

const alt = (names) => [...names].sort((a, b) => b.length - a.length || a.localeCompare(b)).join('|');
const slug = (section) => section.toLowerCase().replace(/[^a-z0-9]+/g, '-');

// A value ends at the end of a line whose last non-blank character is not a backslash. Blank
// lines and comment lines (consumed with their newline by #value-comment) keep it open.
const VALUE_END = '(?<=[^\\\\\\s])[ \\t]*$';

function entry(keyPattern, keyScope, extraValuePatterns = []) {
	return {
		name: 'meta.entry.quadlet',
		begin: `^[ \\t]*(${keyPattern})[ \\t]*(=)`,
		beginCaptures: {
			1: { name: keyScope },
			2: { name: 'punctuation.separator.key-value.quadlet' },
		},
		end: VALUE_END,
		contentName: 'string.unquoted.value.quadlet',
		patterns: [...extraValuePatterns, { include: '#value' }],
	};
}

/** Builds the grammar object (pure: same schemas in, same JSON out). */
export function generateGrammar(schemaDir = join(REPO, 'schemas')) {
	const sections = readSections(schemaDir);
	const letters = readSpecifierLetters(schemaDir);
	const repository = {};
	const sectionIncludes = [];

	for (const s of sections) {
		const id = slug(s.section);
		const names = Object.keys(s.keys);
		const bools = names.filter((k) => BOOL_TYPES.has(s.keys[k]));
		const others = names.filter((k) => !BOOL_TYPES.has(s.keys[k]));
		const patterns = [{ include: '#comment' }];
		if (bools.length) patterns.push(entry(alt(bools), 'keyword.other.definition.quadlet', [{ include: '#boolean' }]));
		if (others.length) patterns.push(entry(alt(others), 'keyword.other.definition.quadlet'));
		patterns.push({ include: '#entry-extension' }, { include: '#entry-unknown' }, { include: '#invalid-line' });
		repository[`section-${id}`] = {
			name: `meta.section.${id}.quadlet`,
			begin: `^[ \\t]*(\\[)(${s.section})(\\])[ \\t]*$`,
			beginCaptures: {
				0: { name: 'meta.section.header.quadlet' },
				1: { name: 'punctuation.definition.section.begin.quadlet' },
				2: { name: 'entity.name.section.group-title.quadlet' },
				3: { name: 'punctuation.definition.section.end.quadlet' },
			},
			end: '(?=^[ \\t]*\\[[^\\]]*\\][ \\t]*$)',
			patterns,
		};
		sectionIncludes.push({ include: `#section-${id}` });
	}

	Object.assign(repository, {
		'section-other': {
			name: 'meta.section.other.quadlet',
			begin: '^[ \\t]*(\\[)([^\\]]*)(\\])[ \\t]*$',
			beginCaptures: {
				0: { name: 'meta.section.header.quadlet' },
				1: { name: 'punctuation.definition.section.begin.quadlet' },
				2: { name: 'entity.name.section.group-title.quadlet' },
				3: { name: 'punctuation.definition.section.end.quadlet' },
			},
			end: '(?=^[ \\t]*\\[[^\\]]*\\][ \\t]*$)',
			patterns: [{ include: '#comment' }, { include: '#entry-generic' }, { include: '#invalid-line' }],
		},
		comment: {
			patterns: [
				{
					name: 'comment.line.number-sign.quadlet',
					match: '^[ \\t]*(#).*\\n?',
					captures: { 1: { name: 'punctuation.definition.comment.quadlet' } },
				},
				{
					name: 'comment.line.semicolon.quadlet',
					match: '^[ \\t]*(;).*\\n?',
					captures: { 1: { name: 'punctuation.definition.comment.quadlet' } },
				},
			],
		},
		'entry-extension': entry('X-[A-Za-z0-9_-]+', 'keyword.other.definition.extension.quadlet'),
		'entry-unknown': entry('[^=#;\\[\\s][^=]*?', 'invalid.illegal.unknown-key.quadlet'),
		'entry-generic': entry('[^=#;\\[\\s][^=]*?', 'keyword.other.definition.quadlet'),
		'invalid-line': {
			patterns: [
				{ name: 'invalid.illegal.line.quadlet', match: '^[ \\t]*(?![#;])[^=\\s][^=]*$' },
				{ name: 'invalid.illegal.line.quadlet', match: '^[ \\t]*=.*$' },
			],
		},
		boolean: {
			name: 'constant.language.boolean.quadlet',
			match: '\\G[ \\t]*(?i:true|false|yes|no|on|off)(?=[ \\t]*$)',
		},
		value: {
			patterns: [
				{ include: '#value-comment' },
				{ name: 'constant.character.escape.line-continuation.quadlet', match: '\\\\(?=[ \\t]*$)' },
				{ include: '#string' },
				{ include: '#escape' },
				{ include: '#specifier' },
				{ include: '#variable' },
			],
		},
		'value-comment': {
			// A comment line inside a continued value: podman skips it and keeps the value open.
			patterns: [
				{
					name: 'comment.line.number-sign.quadlet',
					match: '^[ \\t]*(#).*\\n?',
					captures: { 1: { name: 'punctuation.definition.comment.quadlet' } },
				},
				{
					name: 'comment.line.semicolon.quadlet',
					match: '^[ \\t]*(;).*\\n?',
					captures: { 1: { name: 'punctuation.definition.comment.quadlet' } },
				},
			],
		},
		string: {
			patterns: [
				{
					name: 'string.quoted.double.quadlet',
					match: '(")((?:[^"\\\\]|\\\\.)*)(")',
					captures: {
						1: { name: 'punctuation.definition.string.begin.quadlet' },
						2: { patterns: [{ include: '#escape' }, { include: '#specifier' }, { include: '#variable' }] },
						3: { name: 'punctuation.definition.string.end.quadlet' },
					},
				},
				{
					name: 'string.quoted.single.quadlet',
					match: "(')([^']*)(')",
					captures: {
						1: { name: 'punctuation.definition.string.begin.quadlet' },
						2: { patterns: [{ include: '#specifier' }, { include: '#variable' }] },
						3: { name: 'punctuation.definition.string.end.quadlet' },
					},
				},
			],
		},
		escape: {
			name: 'constant.character.escape.quadlet',
			match: '\\\\(?:[abfnrtvs\\\\"\'$]|x[0-9A-Fa-f]{2}|[0-7]{3}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})',
		},
		specifier: {
			patterns: [
				{ name: 'constant.character.escape.percent.quadlet', match: '%%' },
				{ name: 'constant.other.placeholder.specifier.quadlet', match: `%[${letters}]` },
				{ name: 'invalid.illegal.specifier.quadlet', match: '%[A-Za-z]' },
			],
		},
		variable: {
			patterns: [
				{
					name: 'variable.other.environment.quadlet',
					match: '(\\$\\{)([A-Za-z_][A-Za-z0-9_]*)(\\})',
					captures: {
						1: { name: 'punctuation.definition.variable.begin.quadlet' },
						3: { name: 'punctuation.definition.variable.end.quadlet' },
					},
				},
				{
					name: 'variable.other.environment.quadlet',
					match: '(\\$)[A-Za-z_][A-Za-z0-9_]*',
					captures: { 1: { name: 'punctuation.definition.variable.quadlet' } },
				},
			],
		},
	});

	return {
		$schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
		information_for_contributors: [
			'GENERATED by scripts/gen-grammar.mjs from schemas/**/*.json. Do not edit by hand:',
			'change the generator or the schemas and run `npm run gen:grammar`.',
		],
		name: 'Podman Quadlet',
		scopeName: 'source.quadlet',
		patterns: [
			{ include: '#comment' },
			...sectionIncludes,
			{ include: '#section-other' },
			{ include: '#entry-generic' },
			{ include: '#invalid-line' },
		],
		repository,
	};
}

export function renderGrammar(schemaDir) {
	return `${JSON.stringify(generateGrammar(schemaDir), null, '\t')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const text = renderGrammar();
	if (process.argv.includes('--check')) {
		let current = '';
		try { current = readFileSync(GRAMMAR_PATH, 'utf8'); } catch { /* missing counts as stale */ }
		if (current !== text) {
			console.error(`${GRAMMAR_PATH} is stale: run npm run gen:grammar`);
			process.exit(1);
		}
		console.log('grammar is up to date');
	} else {
		writeFileSync(GRAMMAR_PATH, text);
		console.log(`wrote ${GRAMMAR_PATH}`);
	}
}

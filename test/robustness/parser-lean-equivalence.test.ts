import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parseUnit, valueIndexToOffset } from '../../server/src/service/parser/parse-unit';
import type { ParsedUnit } from '../../server/src/service/parser/ast';
import { referenceParseUnit, referenceValueIndexToOffset } from '../helpers/reference-parser';
import { FIXTURES, HAVE_SHARED, REPO, SHARED } from '../helpers/paths';
import { anyText, mutated } from './arbitraries';

// The parser stores a lean tree (lines built on demand, derived entry offsets and segments
// computed on access). Everything it exposes must equal what the eager parser computed.

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 4242);

/** Every field the service can read, as plain data (getters evaluated). */
function plain(p: ParsedUnit) {
	const entryIndex = new Map(p.entries.map((e, i) => [e, i]));
	const sectionIndex = new Map(p.sections.map((s, i) => [s, i]));
	return {
		text: p.text,
		hasBom: p.hasBom,
		lines: p.lines.map((l) => ({ kind: l.kind, start: l.start, end: l.end, next: l.next, contentStart: l.contentStart, contentEnd: l.contentEnd })),
		sections: p.sections.map((s) => ({
			name: s.name, start: s.start, end: s.end, nameStart: s.nameStart, nameEnd: s.nameEnd, bodyEnd: s.bodyEnd, line: s.line,
			entries: s.entries.map((e) => entryIndex.get(e)),
		})),
		entries: p.entries.map((e) => ({
			section: e.section ? sectionIndex.get(e.section) : undefined,
			key: e.key, value: e.value, keyStart: e.keyStart, keyEnd: e.keyEnd, eq: e.eq, valueStart: e.valueStart, valueEnd: e.valueEnd,
			start: e.start, end: e.end, firstLine: e.firstLine, lastLine: e.lastLine,
			segments: e.segments.map((s) => ({ start: s.start, end: s.end, logicalStart: s.logicalStart })),
		})),
		comments: p.comments.map((c) => ({ start: c.start, end: c.end, text: c.text, insideContinuation: c.insideContinuation })),
		problems: p.problems.map((x) => ({ ...x })),
	};
}

function assertSame(text: string): void {
	const lean = parseUnit(text);
	const eager = referenceParseUnit(text);
	assert.deepEqual(plain(lean), plain(eager), JSON.stringify(text.slice(0, 200)));
	lean.entries.forEach((e, i) => {
		const r = eager.entries[i];
		for (const k of [-2, 0, 1, 3, e.value.length, e.value.length + 2]) {
			assert.equal(valueIndexToOffset(e, k), referenceValueIndexToOffset(r, k), `${JSON.stringify(text.slice(0, 200))} entry ${i} index ${k}`);
		}
	});
}

function corpusFiles(): string[] {
	const roots = [FIXTURES, resolve(REPO, 'examples')];
	if (HAVE_SHARED) roots.push(resolve(SHARED, 'corpus'));
	const out: string[] = [];
	const walk = (d: string) => {
		for (const n of readdirSync(d)) {
			const p = join(d, n);
			if (statSync(p).isDirectory()) walk(p);
			else if (/\.(container|pod|kube|volume|network|image|build|artifact|socket|service|conf|cfg)$/.test(n)) out.push(p);
		}
	};
	roots.filter(existsSync).forEach(walk);
	return out.sort();
}

test('lean tree equals the eager parser on every corpus file', () => {
	const files = corpusFiles();
	assert.ok(files.length > 100, `${files.length} corpus files`);
	for (const f of files) assertSame(readFileSync(f, 'utf8'));
});

test('lean tree equals the eager parser on edge cases', () => {
	for (const text of [
		'', '\n', '\n\n', 'a', '\\', '\\\n', '\\\n\\', '\\\nK=v', 'K=v\\', '[A]\nK=a\\\n# c\n  b\n', '[A]\nK=a\\\n# only a comment\n',
		'[A]\nK=a\\\n\n', '[A]\n\\\nK=v\n', '[A]\nK=\\\n\\\n=x\n', '\ufeff[A]\nK=v', '\ufeff', '\ufeff\\\n', '[A\\\n]\nK=v',
		'[A]\r\nK = v \r\n', '[]\n', '[A]x\n', 'K=v\n[A]\n', '[A]\n[B]\nK=v\n[A]\nK=w', '[A]\nK=v\\\n[B]\n',
		'[A]\nSecurityLabelLevel=s0:c1,c2\nAVeryLongKeyNameThatIsLong=1\n', '[A]\nK=\u2028x\u3000\n', '[A]\n\u0000=1\n',
	]) assertSame(text);
});

test('lean tree equals the eager parser on random and mutated texts', () => {
	fc.assert(fc.property(anyText, (text) => assertSame(text)), { numRuns: RUNS * 3, seed: SEED });
	const base = readFileSync(join(FIXTURES, ...firstFixture()), 'utf8');
	fc.assert(fc.property(mutated(base), (text) => assertSame(text)), { numRuns: RUNS, seed: SEED });
});

test('lines are built once and kept', () => {
	const p = parseUnit('[A]\nK=v\n');
	assert.equal(p.lines, p.lines);
});

test('keys and section names are shared between trees, and never pin a file text', () => {
	const a = parseUnit('[Container]\nImage=x\nSecurityLabelLevel=s0\n');
	const b = parseUnit('[Container]\nImage=y\nSecurityLabelLevel=s1\n');
	assert.equal(a.entries[0].key, b.entries[0].key);
	assert.equal(a.sections[0].name, 'Container');
	assert.equal(a.entries[1].key, 'SecurityLabelLevel');
	assert.equal(b.entries[1].key, 'SecurityLabelLevel');
});

function firstFixture(): string[] {
	const files = corpusFiles().filter((f) => f.startsWith(FIXTURES) && f.endsWith('.container'));
	return [files[0].slice(FIXTURES.length + 1)];
}

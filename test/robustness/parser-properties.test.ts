import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseUnit } from '../../server/src/service/parser/parse-unit';
import { anyText } from './arbitraries';

// Fixed seeds keep CI reproducible; `npm run fuzz` raises the run count (FUZZ_RUNS).
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 4242);

test('the parser round-trips any string byte for byte', () => {
	fc.assert(fc.property(anyText, (text) => {
		const p = parseUnit(text);
		assert.equal(p.lines.map((l) => text.slice(l.start, l.next)).join(''), text);
	}), { numRuns: RUNS, seed: SEED });
});

test('every node offset stays inside the text and ranges are ordered', () => {
	fc.assert(fc.property(anyText, (text) => {
		const p = parseUnit(text);
		const n = text.length;
		const inside = (a: number, b: number) => 0 <= a && a <= b && b <= n;
		for (const l of p.lines) assert.ok(inside(l.start, l.end) && l.end <= l.next && inside(l.contentStart, l.contentEnd));
		for (const s of p.sections) assert.ok(inside(s.start, s.end) && inside(s.nameStart, s.nameEnd) && s.end <= s.bodyEnd && s.bodyEnd <= n);
		for (const e of p.entries) {
			assert.ok(inside(e.keyStart, e.keyEnd) && inside(e.valueStart, e.valueEnd) && inside(e.start, e.end), JSON.stringify(e.key));
			assert.ok(e.keyEnd <= e.eq && e.eq < e.valueStart + 1);
			for (const seg of e.segments) assert.ok(inside(seg.start, seg.end));
		}
		for (const c of p.comments) assert.ok(inside(c.start, c.end));
		for (const pr of p.problems) assert.ok(inside(pr.start, pr.end));
	}), { numRuns: RUNS, seed: SEED });
});

test('a single-line entry\'s key and value are exactly its text', () => {
	fc.assert(fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/), fc.stringMatching(/^[^\n\\\r]{0,30}$/), (key, value) => {
		const text = `[S]\n${key}=${value}\n`;
		const p = parseUnit(text);
		const e = p.entries[0];
		assert.equal(text.slice(e.keyStart, e.keyEnd), key);
		assert.equal(e.value, value.replace(/^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/g, '').trimStart());
	}), { numRuns: RUNS, seed: SEED });
});

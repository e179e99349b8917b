import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUnit } from '../../../server/src/service/parser/parse-unit';
import { valueIndexToOffset } from '../../../server/src/service/parser/parse-unit';

function entries(text: string): [string, string][] {
	return parseUnit(text).entries.map((e) => [e.key, e.value]);
}

function codes(text: string): string[] {
	return parseUnit(text).problems.map((p) => p.code);
}

test('lines tile the text so it round-trips byte for byte', () => {
	for (const text of ['', '\n', '[A]\nB=c', '[A]\r\nB=c\r\n', 'a\\\n\\\n', '\n\n[X]\n\n', '\ufeff[A]\n']) {
		const p = parseUnit(text);
		assert.equal(p.lines.map((l) => text.slice(l.start, l.next)).join(''), text, JSON.stringify(text));
	}
});

test('key, value and offsets of a plain entry', () => {
	const text = '[Container]\n  Image = quay.io/x/y:1  \n';
	const p = parseUnit(text);
	const e = p.entries[0];
	assert.equal(e.key, 'Image');
	assert.equal(e.value, 'quay.io/x/y:1');
	assert.equal(text.slice(e.keyStart, e.keyEnd), 'Image');
	assert.equal(text.slice(e.valueStart, e.valueEnd), 'quay.io/x/y:1');
	assert.equal(e.section?.name, 'Container');
	assert.deepEqual(p.problems, []);
});

test('# and ; start comments, no inline comments', () => {
	assert.deepEqual(entries('[A]\n# x=1\n; y=2\n   # z=3\nImage=foo # bar\n'), [['Image', 'foo # bar']]);
	assert.equal(parseUnit('[A]\n# c\n;d\n').comments.length, 2);
});

test('continuation joins trimmed lines without a separator', () => {
	assert.deepEqual(entries('[A]\nK=a\\\n   b\n'), [['K', 'ab']]);
	assert.deepEqual(entries('[A]\nK=a \\\nb\n'), [['K', 'a b']]);
	assert.deepEqual(entries('[A]\nK=a\\   \nb\n'), [['K', 'ab']]);
});

test('comment and blank lines inside a continuation are skipped', () => {
	const text = '[A]\nExec=one \\\n# note\n\n## assert-x\n  two\n';
	const p = parseUnit(text);
	assert.deepEqual(p.entries.map((e) => e.value), ['one two']);
	assert.equal(p.comments.filter((c) => c.insideContinuation).length, 2);
	const e = p.entries[0];
	assert.equal(text.slice(valueIndexToOffset(e, 4), valueIndexToOffset(e, 7)), 'two');
	assert.equal(e.lastLine, 5);
});

test('a backslash on the last line is dropped and the line kept', () => {
	assert.deepEqual(entries('[A]\nK=v\\'), [['K', 'v']]);
});

test('an open continuation followed only by comments is dropped and reported', () => {
	const p = parseUnit('[A]\nExec=true \\\n\n# c\n');
	assert.deepEqual(p.entries, []);
	assert.deepEqual(p.problems.map((x) => x.code), ['quadlet/syntax-continuation-at-eof']);
});

test('repeated keys and repeated sections are all kept in order', () => {
	const p = parseUnit('[A]\nK=1\n[B]\nX=y\n[A]\nK=\nK=2\n');
	assert.deepEqual(p.sections.map((s) => s.name), ['A', 'B', 'A']);
	assert.deepEqual(entries('[A]\nK=1\n[B]\nX=y\n[A]\nK=\nK=2\n'), [['K', '1'], ['X', 'y'], ['K', ''], ['K', '2']]);
});

test('CRLF line ends are trimmed like podman does', () => {
	const p = parseUnit('[A]\r\nK=v\r\n');
	assert.deepEqual(p.entries.map((e) => [e.key, e.value]), [['K', 'v']]);
	assert.equal(p.sections[0].name, 'A');
});

test('header: whitespace after ] is allowed, other text is not', () => {
	assert.deepEqual(codes('[A]  \t\nK=v'), []);
	assert.deepEqual(codes('[A] x\n'), ['quadlet/syntax-invalid-line']);
	assert.deepEqual(codes('[A\n'), ['quadlet/syntax-invalid-line']);
});

test('invalid section names are reported', () => {
	assert.deepEqual(codes('[]\n'), ['quadlet/syntax-invalid-section-name']);
	assert.deepEqual(codes('[a[b]\n'), ['quadlet/syntax-invalid-section-name']);
	assert.deepEqual(codes('[a\u0001b]\n'), ['quadlet/syntax-invalid-section-name']);
});

test('a key before any section is reported', () => {
	assert.deepEqual(codes('K=v\n[A]\n'), ['quadlet/syntax-key-outside-section']);
});

test('a line starting with = is not an assignment', () => {
	assert.deepEqual(codes('[A]\n=v\n'), ['quadlet/syntax-invalid-line']);
});

test('invalid line message names the last physical line of a continued line', () => {
	const p = parseUnit('[A]\nfoo\\\nbar\n');
	assert.match(p.problems[0].message, /^Line 3 /);
});

test('UTF-8 BOM is reported and the rest still parses', () => {
	const p = parseUnit('\ufeff[Container]\nImage=x\n');
	assert.deepEqual(p.problems.map((x) => x.code), ['quadlet/syntax-bom']);
	assert.equal(p.sections[0].name, 'Container');
	assert.equal(p.entries.length, 1);
});

test('NUL bytes and broken UTF-8 are reported', () => {
	assert.deepEqual(codes('[A]\nK=a\u0000b\n'), ['quadlet/syntax-nul']);
	assert.deepEqual(codes('[A]\nK=a\ufffdb\n'), ['quadlet/syntax-invalid-utf8']);
	assert.deepEqual(codes('[A]\nK=a\ud800b\n'), ['quadlet/syntax-invalid-utf8']);
	assert.deepEqual(codes('[A]\nK=a\ud83d\ude00b\n'), []);
});

test('later = belong to the value; value leading space trimmed', () => {
	assert.deepEqual(entries('[A]\nEnvironment=  A=1 B=2\n'), [['Environment', 'A=1 B=2']]);
});

test('specifiers are kept verbatim', () => {
	assert.deepEqual(entries('[A]\nVolume=%h/data:/data:Z\n'), [['Volume', '%h/data:/data:Z']]);
});

test('empty file and whitespace-only file parse without problems', () => {
	assert.deepEqual(codes(''), []);
	assert.deepEqual(codes('   \n\t\n'), []);
});

test('section body ends where the next header starts', () => {
	const text = '[A]\nK=v\n\n[B]\nX=y\n';
	const p = parseUnit(text);
	assert.equal(text.slice(p.sections[0].start, p.sections[0].bodyEnd), '[A]\nK=v\n\n');
	assert.equal(p.sections[1].bodyEnd, text.length);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendMarker, parseContainersConf, stringItems, stringOffset, tomlLineOf, type TomlArray, type TomlString, type TomlValue } from '../../../../server/src/service/parser/containers-conf';

const codes = (text: string) => parseContainersConf(text).problems.map((p) => `${p.code}:${text.slice(p.start, p.end)}`);

test('tables, dotted keys and scalar values keep their offsets', () => {
	const text = '# engine defaults\n[containers]\noom_score_adj = 750\nnetns = "host"  # comment\nlabel = true\n\n[engine.service_destinations.prod]\nuri = \'ssh://core@192.0.2.10/run/podman/podman.sock\'\nnetwork.dns_bind_port = 0x35\n';
	const p = parseContainersConf(text);
	assert.deepEqual(p.problems, []);
	assert.deepEqual(p.tables.map((t) => [t.name, text.slice(t.nameStart, t.nameEnd), t.line]), [
		['containers', 'containers', 1],
		['engine.service_destinations.prod', 'engine.service_destinations.prod', 6],
	]);
	assert.deepEqual(p.entries.map((e) => e.path.join('.')), [
		'containers.oom_score_adj', 'containers.netns', 'containers.label',
		'engine.service_destinations.prod.uri', 'engine.service_destinations.prod.network.dns_bind_port',
	]);
	for (const e of p.entries) {
		// Round trip: the key and value ranges cover exactly what is written.
		assert.equal(text.slice(e.key.start, e.key.end), e.key.parts.join('.'));
		assert.equal(text.slice(e.start, e.end), `${text.slice(e.key.start, e.key.end)} = ${text.slice(e.value.start, e.value.end)}`);
	}
	const v = (i: number) => p.entries[i].value;
	assert.deepEqual([v(0).type, (v(0) as { value: number }).value], ['integer', 750]);
	assert.equal((v(1) as TomlString).value, 'host');
	assert.equal(text.slice((v(1) as TomlString).contentStart, (v(1) as TomlString).contentEnd), 'host');
	assert.deepEqual([v(2).type, (v(2) as { value: boolean }).value], ['boolean', true]);
	assert.equal((v(3) as TomlString).literal, true);
	assert.equal((v(4) as { value: number }).value, 53);
	assert.deepEqual(p.comments.map((c) => c.text), ['# engine defaults', '# comment']);
	assert.equal(tomlLineOf(p, p.entries[1].value.start), 3);
	assert.equal(p.tables[0].bodyEnd, text.indexOf('[engine'));
});

test('arrays over several lines with comments, trailing commas and {append=true}', () => {
	const text = 'devices = [\n  "/dev/video0",  # front camera\n\n  # rear camera\n  \'/dev/video1\',\n  {append=true},\n]\nempty = [ ]\n';
	const p = parseContainersConf(text);
	assert.deepEqual(p.problems, []);
	const a = p.entries[0].value as TomlArray;
	assert.equal(a.closed, true);
	assert.deepEqual(stringItems(a).map((s) => s.value), ['/dev/video0', '/dev/video1']);
	assert.deepEqual(stringItems(a).map((s) => text.slice(s.start, s.end)), ['"/dev/video0"', "'/dev/video1'"]);
	assert.ok(appendMarker(a));
	assert.equal(text.slice(a.start, a.end), text.slice(text.indexOf('['), text.indexOf(']\n') + 1));
	assert.deepEqual(p.comments.map((c) => c.text), ['# front camera', '# rear camera']);
	assert.equal((p.entries[1].value as TomlArray).items.length, 0);
	assert.equal(appendMarker(p.entries[1].value as TomlArray), undefined);
	assert.equal(appendMarker((parseContainersConf('x = ["a", {append=false}]').entries[0].value as TomlArray)), undefined);
});

test('escapes map value positions back to the document', () => {
	const text = 'mounts = ["type=bind,source=\\u002Fdev/tty1,target=/dev/tty1", "a\\tb"]\n';
	const p = parseContainersConf(text);
	assert.deepEqual(p.problems, []);
	const [m, t] = stringItems(p.entries[0].value as TomlArray);
	assert.equal(m.value, 'type=bind,source=/dev/tty1,target=/dev/tty1');
	const i = m.value.indexOf('/dev/tty1');
	// The first character comes from the 6-character escape; the rest map one to one.
	assert.equal(text.slice(stringOffset(m, i), stringOffset(m, i + '/dev/tty1'.length)), '\\u002Fdev/tty1');
	assert.equal(text.slice(stringOffset(m, 0), stringOffset(m, m.value.length)), text.slice(m.contentStart, m.contentEnd));
	assert.equal(t.value, 'a\tb');
});

test('multi-line strings, floats and dates are values too', () => {
	const text = 'a = """\nfirst \\\n   second"""\nb = \'\'\'raw \\n\'\'\'\nc = 1.5e3\nd = 1979-05-27T07:32:00Z\ne = -inf\n';
	const p = parseContainersConf(text);
	assert.deepEqual(p.problems, []);
	assert.deepEqual(p.entries.map((e) => e.value.type), ['string', 'string', 'float', 'datetime', 'float']);
	assert.equal((p.entries[0].value as TomlString).value, 'first second');
	assert.equal((p.entries[1].value as TomlString).value, 'raw \\n');
	assert.equal((p.entries[2].value as { value: number }).value, 1500);
});

test('quadlet/INI text is reported line by line', () => {
	assert.deepEqual(codes('[Container]\nAddDevice=-/dev/dvb0\nVolume=/run/x:/run/x\n'), [
		'toml/invalid-value:-/dev/dvb0',
		'toml/invalid-value:/run/x:/run/x',
	]);
	assert.deepEqual(codes('netns = host\n'), ['toml/invalid-value:host']);
	assert.deepEqual(codes('just words\n'), ['toml/invalid-line:just words']);
	assert.deepEqual(codes('key\n'), ['toml/invalid-line:key']);
	assert.deepEqual(codes('key =\n'), ['toml/missing-value:key =']);
});

test('syntax errors: strings, headers, arrays, duplicates, trailing text', () => {
	assert.deepEqual(codes('a = "open\nb = 1\n'), ['toml/unterminated-string:"open']);
	assert.deepEqual(codes('a = "bad \\q escape"\n'), ['toml/invalid-escape:\\q']);
	assert.deepEqual(codes('[engine\nx = 1\n'), ['toml/invalid-header:[engine']);
	assert.deepEqual(codes('a = 1 2\n'), ['toml/trailing-characters:2']);
	assert.deepEqual(codes('[t]\na = 1\na = 2\n[t]\n'), ['toml/duplicate-key:a', 'toml/duplicate-table:t']);
	assert.deepEqual(codes('a = 1\n[a]\n'), ['toml/duplicate-table:a']);
	assert.deepEqual(codes('x = ["a" "b"]\n'), ['toml/unterminated-array:"b"]']);
	assert.deepEqual(codes('x = ["a",\n'), ['toml/unterminated-array:[']);
	assert.deepEqual(codes('x = {append=true\n'), ['toml/unterminated-inline-table:{']);
	assert.deepEqual(codes('x = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n').filter((c) => c.startsWith('toml/too-deep')).length, 1);
});

test('an array left open stops at the next key, so the rest of the file is read normally', () => {
	const text = '[containers]\nenv = [\n  "A=1",\n  "B=2",\nlog_size_max = 1024\n\n[engine]\nnum_locks = 8\n';
	const p = parseContainersConf(text);
	assert.deepEqual(p.problems.map((x) => [x.code, x.message]), [['toml/unterminated-array', 'The array is not closed: add "]" before line 5.']]);
	assert.deepEqual(p.entries.map((e) => e.path.join('.')), ['containers.env', 'containers.log_size_max', 'engine.num_locks']);
	assert.deepEqual(stringItems(p.entries[0].value as TomlArray).map((s) => s.value), ['A=1', 'B=2']);
});

test('CRLF line ends and a byte order mark', () => {
	const text = '\uFEFF[containers]\r\nnetns = "host"\r\n# done\r\n';
	const p = parseContainersConf(text);
	assert.deepEqual(p.problems, []);
	assert.equal((p.entries[0].value as TomlString).value, 'host');
	assert.deepEqual(p.comments.map((c) => c.text), ['# done']);
});

/** A tiny deterministic PRNG (the test must be reproducible). */
function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 0x100000000;
	};
}

function checkRanges(text: string, v: TomlValue): void {
	assert.ok(v.start >= 0 && v.start <= v.end && v.end <= text.length, 'value range inside the text');
	if (v.type === 'array') for (const i of v.items) checkRanges(text, i);
	if (v.type === 'inline-table') for (const e of v.entries) checkRanges(text, e.value);
}

test('never throws and keeps every range inside the text (random and truncated input)', () => {
	const pieces = ['[', ']', '[[', ']]', '{', '}', '"', "'", '"""', "'''", '=', ',', '.', '#', '\n', '\r\n', ' ', '\t', '\\', '\\u00', 'a', 'key', '1', '-', 'true', '{append=true}', '"/dev/x"', 'x = [', '\uFEFF', '\u0000'];
	const next = rng(42);
	const samples: string[] = [];
	for (let n = 0; n < 2000; n++) {
		let s = '';
		const len = Math.floor(next() * 40);
		for (let k = 0; k < len; k++) s += pieces[Math.floor(next() * pieces.length)];
		samples.push(s);
	}
	const real = '[containers]\nmounts = [\n  "type=bind,source=/dev/tty0,target=/dev/tty0", # c\n  {append=true},\n]\noom_score_adj = 750\n[network]\ndefault_subnet="10.89.0.0/16"\n';
	for (let k = 0; k <= real.length; k++) samples.push(real.slice(0, k));
	for (const s of samples) {
		const p = parseContainersConf(s);
		for (const x of p.problems) assert.ok(x.start >= 0 && x.start <= x.end && x.end <= s.length, JSON.stringify(s));
		for (const e of p.entries) {
			assert.ok(e.key.start <= e.key.end && e.key.end <= e.value.start, JSON.stringify(s));
			checkRanges(s, e.value);
		}
	}
});

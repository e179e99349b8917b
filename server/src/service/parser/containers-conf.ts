/**
 * Reader for the TOML that podman's containers.conf(5) uses: `[table]` / `[table.sub]` headers
 * (and `[[array]]`), `key = value` with bare, quoted and dotted keys, basic and literal strings
 * (also multi-line), integers, floats, booleans, dates, arrays spanning lines with comments and
 * trailing commas, and inline tables such as containers.conf's `{append=true}` marker.
 *
 * Like parseUnit it is pure and never throws: every node keeps `[start, end)` offsets into the
 * text and problems are returned as data. After a problem the reader skips to the end of the
 * line and goes on, so one typo does not hide the rest of the file.
 */

export type TomlProblemCode =
	| 'toml/invalid-line'
	| 'toml/invalid-header'
	| 'toml/invalid-key'
	| 'toml/missing-value'
	| 'toml/invalid-value'
	| 'toml/unterminated-string'
	| 'toml/invalid-escape'
	| 'toml/unterminated-array'
	| 'toml/unterminated-inline-table'
	| 'toml/trailing-characters'
	| 'toml/duplicate-key'
	| 'toml/duplicate-table'
	| 'toml/too-deep';

export interface TomlProblem {
	code: TomlProblemCode;
	message: string;
	start: number;
	end: number;
}

interface Span {
	start: number;
	end: number;
}

export interface TomlString extends Span {
	type: 'string';
	value: string;
	/** '…' or '''…''' (no escapes). */
	literal: boolean;
	multiline: boolean;
	/** Offsets of the text between the quotes. */
	contentStart: number;
	contentEnd: number;
	/** Raw offset of each character of `value`; absent when they map 1:1 from contentStart. */
	map?: number[];
}

export interface TomlInteger extends Span { type: 'integer'; value: number; raw: string }
export interface TomlFloat extends Span { type: 'float'; value: number; raw: string }
export interface TomlBoolean extends Span { type: 'boolean'; value: boolean }
export interface TomlDateTime extends Span { type: 'datetime'; raw: string }
/** A bare word that is no TOML value (`-/dev/dvb0`, `host`); already reported as a problem. */
export interface TomlInvalid extends Span { type: 'invalid'; raw: string }

export interface TomlArray extends Span {
	type: 'array';
	items: TomlValue[];
	/** The closing `]` was found. */
	closed: boolean;
}

export interface TomlInlineTable extends Span {
	type: 'inline-table';
	entries: TomlKeyValue[];
	closed: boolean;
}

export type TomlValue = TomlString | TomlInteger | TomlFloat | TomlBoolean | TomlDateTime | TomlArray | TomlInlineTable | TomlInvalid;

export interface TomlKey extends Span {
	/** Dotted parts, unquoted: `a."b.c"` → ["a", "b.c"]. */
	parts: string[];
	partRanges: Span[];
}

export interface TomlKeyValue extends Span {
	key: TomlKey;
	value: TomlValue;
}

export interface TomlEntry extends TomlKeyValue {
	/** The table the entry is written in (undefined: before the first header). */
	table: TomlTable | undefined;
	/** Full path: table path + key parts, e.g. ["containers", "devices"]. */
	path: string[];
	/** Zero-based line of the key. */
	line: number;
}

export interface TomlTable extends Span {
	/** `[engine.service_destinations]` → ["engine", "service_destinations"]. */
	path: string[];
	/** The path joined with ".". */
	name: string;
	/** `[[name]]`. */
	arrayOfTables: boolean;
	nameStart: number;
	nameEnd: number;
	/** Start of the next header (or end of text). */
	bodyEnd: number;
	entries: TomlEntry[];
	line: number;
}

export interface TomlComment extends Span {
	text: string;
}

export interface ParsedToml {
	text: string;
	tables: TomlTable[];
	/** Every key/value in file order (not those inside inline tables). */
	entries: TomlEntry[];
	comments: TomlComment[];
	problems: TomlProblem[];
	/** Offset of the first character of every line. */
	lineStarts: number[];
}

const MAX_DEPTH = 64;
const NEXT_KEY = /[A-Za-z0-9_-]+[ \t]*(\.[ \t]*[A-Za-z0-9_-]+[ \t]*)*=/y;
const NEXT_HEADER = /\[\[?[ \t]*[A-Za-z0-9_-]+([ \t]*\.[ \t]*[A-Za-z0-9_-]+)*[ \t]*\]\]?[ \t]*(#[^\n]*)?(\r?\n|$)/y;
const BARE_KEY = /[A-Za-z0-9_-]/;
const INTEGER = /^[+-]?(0|[1-9](_?[0-9])*)$|^0x[0-9A-Fa-f](_?[0-9A-Fa-f])*$|^0o[0-7](_?[0-7])*$|^0b[01](_?[01])*$/;
const FLOAT = /^[+-]?(0|[1-9](_?[0-9])*)((\.[0-9](_?[0-9])*)([eE][+-]?[0-9](_?[0-9])*)?|[eE][+-]?[0-9](_?[0-9])*)$|^[+-]?(inf|nan)$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}([Tt]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?([Zz]|[+-]\d{2}:\d{2})?$|^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Parses containers.conf text. Never throws. */
export function parseContainersConf(text: string): ParsedToml {
	const r = new Reader(text);
	try {
		r.run();
	} catch (e) {
		// Not expected; keep the promise of never throwing and say where reading stopped.
		r.problem('toml/invalid-line', `The file could not be read past this point (${(e as Error).message}).`, Math.min(r.i, text.length), text.length);
	}
	r.finish();
	return { text, tables: r.tables, entries: r.entries, comments: r.comments, problems: r.problems, lineStarts: r.lineStarts };
}

/** Document offset of the character at `index` of a string's value (index = length: its end). */
export function stringOffset(s: TomlString, index: number): number {
	if (!s.map) return Math.min(s.contentStart + index, s.contentEnd);
	if (index < s.map.length) return s.map[index];
	return s.contentEnd;
}

/** The `{append=true}` element of an array (containers.conf: extend, don't replace), if any. */
export function appendMarker(a: TomlArray): TomlInlineTable | undefined {
	for (const item of a.items) {
		if (item.type !== 'inline-table') continue;
		const e = item.entries.find((x) => x.key.parts.length === 1 && x.key.parts[0] === 'append');
		if (e && e.value.type === 'boolean' && e.value.value) return item;
	}
	return undefined;
}

/** The string items of an array (other items are skipped). */
export function stringItems(a: TomlArray): TomlString[] {
	return a.items.filter((v): v is TomlString => v.type === 'string');
}

/** Zero-based line of an offset. */
export function tomlLineOf(parsed: ParsedToml, offset: number): number {
	const ls = parsed.lineStarts;
	let lo = 0;
	let hi = ls.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (ls[mid] <= offset) lo = mid; else hi = mid - 1;
	}
	return lo;
}

class Reader {
	i = 0;
	readonly n: number;
	readonly tables: TomlTable[] = [];
	readonly entries: TomlEntry[] = [];
	readonly comments: TomlComment[] = [];
	readonly problems: TomlProblem[] = [];
	readonly lineStarts: number[] = [0];
	private current: TomlTable | undefined;
	private readonly definedKeys = new Set<string>();
	private readonly definedTables = new Set<string>();

	constructor(readonly text: string) {
		this.n = text.length;
		for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) this.lineStarts.push(k + 1);
		if (text.charCodeAt(0) === 0xfeff) this.i = 1;
	}

	problem(code: TomlProblemCode, message: string, start: number, end: number): void {
		const s = Math.max(0, Math.min(start, this.n));
		this.problems.push({ code, message, start: s, end: Math.max(s, Math.min(end, this.n)) });
	}

	run(): void {
		while (this.i < this.n) {
			this.skipBlank();
			if (this.i >= this.n) break;
			const c = this.text[this.i];
			if (this.atEol()) { this.skipEol(); continue; }
			if (c === '#') { this.readComment(); continue; }
			const lineStart = this.i;
			const ok = c === '[' ? this.readHeader() : this.readKeyValue();
			if (!ok) { this.skipToEol(); continue; }
			this.endOfLine(lineStart);
		}
	}

	finish(): void {
		for (let k = 0; k < this.tables.length; k++) {
			this.tables[k].bodyEnd = k + 1 < this.tables.length ? this.lineStart(this.tables[k + 1].start) : this.n;
		}
	}

	// -- lines ------------------------------------------------------------------------------

	private atEol(): boolean {
		const c = this.text.charCodeAt(this.i);
		return c === 10 || (c === 13 && this.text.charCodeAt(this.i + 1) === 10);
	}

	private skipEol(): void {
		if (this.text.charCodeAt(this.i) === 13) this.i++;
		if (this.text.charCodeAt(this.i) === 10) this.i++;
	}

	/** Spaces and tabs (and a stray CR, which TOML forbids but podman's reader tolerates poorly; we are lenient). */
	private skipBlank(): void {
		while (this.i < this.n) {
			const c = this.text.charCodeAt(this.i);
			if (c === 32 || c === 9 || (c === 13 && this.text.charCodeAt(this.i + 1) !== 10)) this.i++;
			else break;
		}
	}

	private skipToEol(): void {
		while (this.i < this.n && !this.atEol()) this.i++;
	}

	private readComment(): void {
		const start = this.i;
		this.skipToEol();
		let end = this.i;
		if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
		this.comments.push({ start, end, text: this.text.slice(start, end) });
	}

	/** After a header or key/value: only blanks and a comment may follow on the line. */
	private endOfLine(lineStart: number): void {
		// An unclosed array stops at the start of the next key line: nothing is left on this one.
		if (this.i > lineStart && this.text.charCodeAt(this.i - 1) === 10) return;
		this.skipBlank();
		if (this.i >= this.n || this.atEol()) return;
		if (this.text[this.i] === '#') { this.readComment(); return; }
		const start = this.i;
		this.skipToEol();
		this.problem('toml/trailing-characters', `Unexpected text after the ${this.text[lineStart] === '[' ? 'table header' : 'value'}: "${clip(this.text.slice(start, this.i))}". Put one key = value per line; comments start with "#".`, start, this.i);
	}

	private lineStart(offset: number): number {
		let k = offset;
		while (k > 0 && this.text.charCodeAt(k - 1) !== 10) k--;
		return k;
	}

	private lineOf(offset: number): number {
		const ls = this.lineStarts;
		let lo = 0;
		let hi = ls.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (ls[mid] <= offset) lo = mid; else hi = mid - 1;
		}
		return lo;
	}

	/** Inside arrays and inline tables: blanks, newlines and comments. */
	private skipBlankLinesAndComments(): void {
		for (;;) {
			this.skipBlank();
			if (this.i >= this.n) return;
			if (this.atEol()) { this.skipEol(); continue; }
			if (this.text[this.i] === '#') { this.readComment(); continue; }
			return;
		}
	}

	// -- headers and keys -------------------------------------------------------------------

	private readHeader(): boolean {
		const start = this.i;
		const arrayOfTables = this.text[this.i + 1] === '[';
		this.i += arrayOfTables ? 2 : 1;
		this.skipBlank();
		const before = this.problems.length;
		const key = this.readKey();
		if (!key) {
			if (this.problems.length > before) return false;
			this.problem('toml/invalid-header', `Invalid table header: write [name] or [name.sub] with letters, digits, "_" and "-" (or a quoted name).`, start, this.endOfLineOffset(start));
			return false;
		}
		this.skipBlank();
		const close = arrayOfTables ? ']]' : ']';
		if (!this.text.startsWith(close, this.i)) {
			this.problem('toml/invalid-header', `The table header is not closed with "${close}".`, start, this.endOfLineOffset(start));
			return false;
		}
		this.i += close.length;
		const name = key.parts.join('.');
		const id = key.parts.join('\u0000');
		const table: TomlTable = {
			path: key.parts, name, arrayOfTables, start, end: this.i,
			nameStart: key.start, nameEnd: key.end, bodyEnd: this.n, entries: [], line: this.lineOf(start),
		};
		if (!arrayOfTables && (this.definedTables.has(id) || this.definedKeys.has(id))) {
			this.problem('toml/duplicate-table', `The table [${name}] is already defined above; TOML does not allow defining it twice (podman refuses the file). Merge the two.`, key.start, key.end);
		}
		if (!arrayOfTables) this.definedTables.add(id);
		this.tables.push(table);
		this.current = table;
		return true;
	}

	private readKey(): TomlKey | undefined {
		const parts: string[] = [];
		const partRanges: Span[] = [];
		const start = this.i;
		for (;;) {
			const ps = this.i;
			const c = this.text[this.i];
			let part: string | undefined;
			if (c === '"' || c === "'") {
				const s = this.readSingleLineString(c === "'");
				if (!s) return undefined;
				part = s.value;
			} else {
				while (this.i < this.n && BARE_KEY.test(this.text[this.i])) this.i++;
				if (this.i === ps) return undefined;
				part = this.text.slice(ps, this.i);
			}
			parts.push(part);
			partRanges.push({ start: ps, end: this.i });
			const save = this.i;
			this.skipBlank();
			if (this.text[this.i] === '.') {
				this.i++;
				this.skipBlank();
				continue;
			}
			this.i = save;
			return { parts, partRanges, start, end: this.i };
		}
	}

	private readKeyValue(): boolean {
		const start = this.i;
		const kv = this.readKeyValueBody(0, false);
		if (!kv) return false;
		const path = [...(this.current?.path ?? []), ...kv.key.parts];
		const id = path.join('\u0000');
		if (this.definedKeys.has(id) || this.definedTables.has(id)) {
			this.problem('toml/duplicate-key', `"${kv.key.parts.join('.')}" is already set${this.current ? ` in [${this.current.name}]` : ''}; TOML does not allow a key twice (podman refuses the file). Keep one.`, kv.key.start, kv.key.end);
		}
		this.definedKeys.add(id);
		const entry: TomlEntry = { ...kv, start, table: this.current, path, line: this.lineOf(start) };
		this.entries.push(entry);
		this.current?.entries.push(entry);
		return true;
	}

	/** `key = value`; reports and returns undefined when it is not one. */
	private readKeyValueBody(depth: number, inline: boolean): TomlKeyValue | undefined {
		const start = this.i;
		const before = this.problems.length;
		const key = this.readKey();
		if (!key) {
			// An unterminated quoted key was reported already.
			if (this.problems.length > before) return undefined;
			const end = inline ? this.tokenEnd(start) : this.endOfLineOffset(start);
			this.problem(inline ? 'toml/invalid-key' : 'toml/invalid-line', inline
				? 'Expected a key (letters, digits, "_", "-", or a quoted name).'
				: `"${clip(this.text.slice(start, end))}" is not TOML: containers.conf lines are [table] headers or key = value (strings in quotes).`, start, Math.max(end, start + 1));
			return undefined;
		}
		this.skipBlank();
		if (this.text[this.i] !== '=') {
			const end = inline ? this.tokenEnd(this.i) : this.endOfLineOffset(start);
			this.problem(inline ? 'toml/invalid-key' : 'toml/invalid-line', `Expected "=" after the key "${key.parts.join('.')}": containers.conf lines are [table] headers or key = value.`, inline ? key.start : start, Math.max(end, key.end));
			return undefined;
		}
		const eq = this.i;
		this.i++;
		this.skipBlank();
		const value = this.readValue(depth);
		if (!value) {
			this.problem('toml/missing-value', `"${key.parts.join('.')} =" has no value. Write a string in quotes, a number, true/false or an array.`, key.start, eq + 1);
			return undefined;
		}
		return { key, value, start, end: value.end };
	}

	// -- values -----------------------------------------------------------------------------

	private readValue(depth: number): TomlValue | undefined {
		if (this.i >= this.n) return undefined;
		const c = this.text[this.i];
		if (depth > MAX_DEPTH && (c === '[' || c === '{')) {
			const start = this.i;
			this.skipToEol();
			this.problem('toml/too-deep', `Arrays and inline tables are nested more than ${MAX_DEPTH} levels deep.`, start, this.i);
			return { type: 'invalid', raw: this.text.slice(start, this.i), start, end: this.i };
		}
		if (c === '"' || c === "'") {
			const literal = c === "'";
			if (this.text.startsWith(literal ? "'''" : '"""', this.i)) return this.readMultilineString(literal);
			const start = this.i;
			const s = this.readSingleLineString(literal);
			if (s) return s;
			return { type: 'invalid', raw: this.text.slice(start, this.i), start, end: this.i };
		}
		if (c === '[') return this.readArray(depth);
		if (c === '{') return this.readInlineTable(depth);
		const start = this.i;
		const end = this.tokenEnd(start);
		if (end === start) return undefined;
		this.i = end;
		const raw = this.text.slice(start, end);
		if (raw === 'true' || raw === 'false') return { type: 'boolean', value: raw === 'true', start, end };
		if (INTEGER.test(raw)) return { type: 'integer', value: integerValue(raw), raw, start, end };
		if (FLOAT.test(raw)) return { type: 'float', value: Number(raw.replace(/_/g, '')), raw, start, end };
		if (DATETIME.test(raw)) return { type: 'datetime', raw, start, end };
		this.problem('toml/invalid-value', `${clip(raw)} is not a TOML value: strings need quotes ("${clip(raw)}"), booleans are true/false.`, start, end);
		return { type: 'invalid', raw, start, end };
	}

	/** End of a bare word: stops at blanks, line ends and TOML punctuation. */
	private tokenEnd(from: number): number {
		let k = from;
		while (k < this.n) {
			const c = this.text[k];
			if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',' || c === ']' || c === '}' || c === '#' || c === '=' || c === '[' || c === '{' || c === '"' || c === "'") break;
			k++;
		}
		return k;
	}

	private endOfLineOffset(from: number): number {
		let k = from;
		while (k < this.n && this.text.charCodeAt(k) !== 10) k++;
		if (k > from && this.text.charCodeAt(k - 1) === 13) k--;
		return k;
	}

	/** "…" or '…' on one line; reports and returns undefined when unterminated. */
	private readSingleLineString(literal: boolean): TomlString | undefined {
		const start = this.i;
		const quote = literal ? "'" : '"';
		this.i++;
		const contentStart = this.i;
		let value = '';
		let map: number[] | undefined;
		while (this.i < this.n) {
			const c = this.text[this.i];
			if (c === quote) {
				const contentEnd = this.i;
				this.i++;
				return { type: 'string', value, literal, multiline: false, contentStart, contentEnd, start, end: this.i, ...(map ? { map } : {}) };
			}
			if (c === '\n' || (c === '\r' && this.text[this.i + 1] === '\n')) break;
			if (c === '\\' && !literal) {
				if (!map) map = Array.from({ length: value.length }, (_, k) => contentStart + k);
				const at = this.i;
				const decoded = this.readEscape();
				for (let k = 0; k < decoded.length; k++) map.push(at);
				value += decoded;
				continue;
			}
			if (map) map.push(this.i);
			value += c;
			this.i++;
		}
		this.problem('toml/unterminated-string', `The string is not closed: add ${quote} before the end of the line.`, start, this.i);
		return undefined;
	}

	/** One escape at `\`: returns the decoded text (the escape itself when invalid, after reporting). */
	private readEscape(): string {
		const at = this.i;
		const c = this.text[this.i + 1];
		const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\', e: '\x1b' };
		if (c !== undefined && Object.prototype.hasOwnProperty.call(simple, c)) {
			this.i += 2;
			return simple[c];
		}
		if (c === 'u' || c === 'U') {
			const len = c === 'u' ? 4 : 8;
			const hex = this.text.slice(this.i + 2, this.i + 2 + len);
			if (hex.length === len && /^[0-9A-Fa-f]+$/.test(hex)) {
				const cp = parseInt(hex, 16);
				this.i += 2 + len;
				if (cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) return String.fromCodePoint(cp);
				this.problem('toml/invalid-escape', `\\${c}${hex} is not a Unicode scalar value.`, at, this.i);
				return '';
			}
		}
		this.i += c === undefined || c === '\n' || c === '\r' ? 1 : 2;
		this.problem('toml/invalid-escape', `Invalid escape "${this.text.slice(at, this.i).replace(/[\r\n]/g, '')}" in a double-quoted string: use \\\\ for a backslash, or a single-quoted (literal) string.`, at, this.i);
		return this.text.slice(at, this.i);
	}

	/** """…""" or '''…''' (may span lines). */
	private readMultilineString(literal: boolean): TomlString {
		const start = this.i;
		const delim = literal ? "'''" : '"""';
		this.i += 3;
		// A newline right after the opening delimiter is not part of the value.
		if (this.text[this.i] === '\r' && this.text[this.i + 1] === '\n') this.i += 2;
		else if (this.text[this.i] === '\n') this.i++;
		const contentStart = this.i;
		let value = '';
		const map: number[] = [];
		while (this.i < this.n) {
			if (this.text.startsWith(delim, this.i)) {
				// Up to two quotes right before the closing delimiter belong to the value.
				let extra = 0;
				while (extra < 2 && this.text[this.i + 3 + extra] === delim[0]) extra++;
				for (let k = 0; k < extra; k++) { map.push(this.i + k); value += delim[0]; }
				const contentEnd = this.i + extra;
				this.i += 3 + extra;
				return { type: 'string', value, literal, multiline: true, contentStart, contentEnd, start, end: this.i, map };
			}
			const c = this.text[this.i];
			if (c === '\\' && !literal) {
				// Line-ending backslash: trim the newline and the blanks that follow.
				let k = this.i + 1;
				while (this.text[k] === ' ' || this.text[k] === '\t') k++;
				if (this.text[k] === '\n' || (this.text[k] === '\r' && this.text[k + 1] === '\n')) {
					while (k < this.n && /[ \t\r\n]/.test(this.text[k])) k++;
					this.i = k;
					continue;
				}
				const at = this.i;
				const decoded = this.readEscape();
				for (let m = 0; m < decoded.length; m++) map.push(at);
				value += decoded;
				continue;
			}
			map.push(this.i);
			value += c;
			this.i++;
		}
		this.problem('toml/unterminated-string', `The multi-line string is not closed with ${delim}.`, start, start + 3);
		return { type: 'string', value, literal, multiline: true, contentStart, contentEnd: this.n, start, end: this.n, map };
	}

	private readArray(depth: number): TomlArray {
		const start = this.i;
		this.i++;
		const items: TomlValue[] = [];
		for (;;) {
			this.skipBlankLinesAndComments();
			if (this.i >= this.n) {
				this.problem('toml/unterminated-array', 'The array is not closed: add "]".', start, start + 1);
				return { type: 'array', items, closed: false, start, end: this.n };
			}
			if (this.text[this.i] === ']') {
				this.i++;
				return { type: 'array', items, closed: true, start, end: this.i };
			}
			if (this.startsNextStatement()) {
				// `key = …` or `[table]` on a new line: the "]" was forgotten. Stop here so that
				// the next line is read normally.
				this.problem('toml/unterminated-array', `The array is not closed: add "]" before line ${this.lineOf(this.i) + 1}.`, start, start + 1);
				this.i = this.lineStart(this.i);
				return { type: 'array', items, closed: false, start, end: items.length ? items[items.length - 1].end : start + 1 };
			}
			const v = this.readValue(depth + 1);
			if (!v) return this.brokenArray(start, items, 'Expected a value or "]" in the array.');
			items.push(v);
			this.skipBlankLinesAndComments();
			if (this.text[this.i] === ',') { this.i++; continue; }
			if (this.text[this.i] === ']') { this.i++; return { type: 'array', items, closed: true, start, end: this.i }; }
			return this.brokenArray(start, items, 'Expected "," or "]" after the array element (is a comma or the closing bracket missing?).');
		}
	}

	/** At the first non-blank of a line that reads as `key =` or a `[table]` header. */
	private startsNextStatement(): boolean {
		const ls = this.lineStart(this.i);
		if (this.text.slice(ls, this.i).trim() !== '') return false;
		NEXT_KEY.lastIndex = this.i;
		if (NEXT_KEY.test(this.text)) return true;
		NEXT_HEADER.lastIndex = this.i;
		return NEXT_HEADER.test(this.text);
	}

	private brokenArray(start: number, items: TomlValue[], message: string): TomlArray {
		if (this.i >= this.n) {
			this.problem('toml/unterminated-array', 'The array is not closed: add "]".', start, start + 1);
			return { type: 'array', items, closed: false, start, end: this.n };
		}
		const at = this.i;
		const end = Math.max(this.endOfLineOffset(at), at + 1);
		this.problem('toml/unterminated-array', message, at, end);
		this.i = at;
		this.skipToEol();
		return { type: 'array', items, closed: false, start, end: this.i };
	}

	/** `{ key = value, … }` on one line (TOML 1.0 inline tables do not span lines). */
	private readInlineTable(depth: number): TomlInlineTable {
		const start = this.i;
		this.i++;
		const entries: TomlKeyValue[] = [];
		const unclosed = (): TomlInlineTable => {
			this.problem('toml/unterminated-inline-table', 'The inline table is not closed: add "}" on the same line.', start, start + 1);
			return { type: 'inline-table', entries, closed: false, start, end: this.i };
		};
		for (;;) {
			this.skipBlank();
			if (this.i >= this.n || this.atEol()) return unclosed();
			if (this.text[this.i] === '}') {
				this.i++;
				return { type: 'inline-table', entries, closed: true, start, end: this.i };
			}
			const kv = this.readKeyValueBody(depth + 1, true);
			if (!kv) {
				this.skipToEol();
				return { type: 'inline-table', entries, closed: false, start, end: this.i };
			}
			entries.push(kv);
			this.skipBlank();
			if (this.text[this.i] === ',') { this.i++; continue; }
			if (this.text[this.i] === '}') { this.i++; return { type: 'inline-table', entries, closed: true, start, end: this.i }; }
			if (this.i >= this.n || this.atEol()) return unclosed();
			const at = this.i;
			this.problem('toml/unterminated-inline-table', 'Expected "," or "}" in the inline table.', at, Math.max(this.endOfLineOffset(at), at + 1));
			this.skipToEol();
			return { type: 'inline-table', entries, closed: false, start, end: this.i };
		}
	}
}

function integerValue(raw: string): number {
	const t = raw.replace(/_/g, '');
	if (/^0x/.test(t)) return parseInt(t.slice(2), 16);
	if (/^0o/.test(t)) return parseInt(t.slice(2), 8);
	if (/^0b/.test(t)) return parseInt(t.slice(2), 2);
	return Number(t);
}

function clip(s: string): string {
	return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

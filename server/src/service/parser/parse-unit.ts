import type { CommentNode, EntryNode, LineKind, ParsedUnit, PhysicalLine, SectionNode, Segment, SyntaxProblem } from './ast';
import { isGoSpace, isGoControl } from './chars';

/**
 * Parses a unit file the way podman's quadlet parser reads it (pkg/systemd/parser): lines are
 * trimmed, `#`/`;` start comments, a trailing backslash joins the next non-comment line without
 * a separator, comment lines inside a continuation are skipped, and a continuation still open at
 * the end of the file is discarded. Never throws: problems are returned as data.
 *
 * Lean on purpose (the workspace keeps a tree for every indexed file): no object per physical
 * line (`lines` is built on first access), no joined string or segment list for the common
 * single-line entry, keys and section names shared between files.
 */
export function parseUnit(text: string): ParsedUnit {
	const len = text.length;
	const hasBom = text.charCodeAt(0) === 0xfeff;
	const problems: SyntaxProblem[] = [];
	const sections: SectionNode[] = [];
	const entries: EntryNode[] = [];
	const comments: CommentNode[] = [];
	let current: SectionNode | undefined;
	/** Index in `entries` of the current section's first entry. */
	let currentFrom = 0;

	if (hasBom) {
		problems.push({
			code: 'quadlet/syntax-bom',
			message: 'The file starts with a UTF-8 byte order mark. Podman\'s quadlet parser does not skip it and rejects the first line; save the file as UTF-8 without BOM.',
			start: 0, end: 1,
		});
	}

	// A logical line continued over several physical lines (rare): its segments and joined text.
	let segs: Segment[] | undefined;
	let joined = '';
	let pendingFirst = -1;
	let pendingFirstStart = 0;

	/**
	 * Handles one complete logical line. Positions `a`…`b` index `s`: the text itself for a
	 * single physical line (positions are offsets), the joined text when `logical` is given.
	 */
	const finish = (s: string, a: number, b: number, logical: Segment[] | undefined, firstLine: number, lastLine: number, lineStart: number, lineEnd: number): void => {
		const kind = classify(s, a, b);
		if (kind === 'section') {
			const close = s.indexOf(']', a);
			const name = intern(s.slice(a + 1, close));
			if (current) { current.bodyEnd = lineStart; current.entries = entries.slice(currentFrom); }
			current = {
				name,
				start: toOffset(logical, a), end: lineEnd,
				nameStart: toOffset(logical, a + 1), nameEnd: toOffset(logical, close),
				bodyEnd: len,
				entries: NO_ENTRIES,
				line: firstLine,
			};
			currentFrom = entries.length;
			sections.push(current);
			const bad = invalidSectionNameIndex(name);
			if (bad >= 0) {
				problems.push({
					code: 'quadlet/syntax-invalid-section-name',
					message: name.length === 0
						? 'Empty section name "[]". Write a section name such as [Container] or [Unit].'
						: `Invalid section name "[${printable(name)}]": section names cannot contain "[", "]" or control characters.`,
					start: current.nameStart, end: Math.max(current.nameEnd, current.nameStart + 1),
				});
			}
		} else if (kind === 'entry') {
			const eq = s.indexOf('=', a);
			let keyEnd = eq;
			while (keyEnd > a && isGoSpace(s.charCodeAt(keyEnd - 1))) keyEnd--;
			let valuePos = eq + 1;
			while (valuePos < b && isGoSpace(s.charCodeAt(valuePos))) valuePos++;
			const entry = new Entry(current, intern(s.slice(a, keyEnd)), s.slice(valuePos, b), toOffset(logical, a), toOffset(logical, eq), lineEnd, firstLine, lastLine, logical);
			entries.push(entry);
			if (!current) {
				problems.push({
					code: 'quadlet/syntax-key-outside-section',
					message: `"${entry.key}=" appears before any [Section] header. Every key must belong to a section; add a header such as [Container] above it.`,
					start: entry.keyStart, end: entry.keyEnd,
				});
			}
		} else {
			problems.push({
				code: 'quadlet/syntax-invalid-line',
				message: `Line ${lastLine + 1} is neither a comment, a [Section] header nor a Key=value assignment: "${printable(truncate(s.slice(a, b), 60))}". Add the missing "=", close the "[" header, or comment it out with "#".`,
				start: toOffset(logical, a), end: lineEnd,
			});
		}
	};

	// Physical lines like podman: drop one trailing "\n", split on "\n" (see buildLines).
	let start = 0;
	for (let i = 0; ; i++) {
		let nl = text.indexOf('\n', start);
		if (nl < 0) nl = len;
		const next = nl < len ? nl + 1 : len;
		const isLast = nl >= len || next >= len;
		let cs = start;
		let ce = nl;
		if (start === 0 && hasBom) cs = 1;
		while (cs < ce && isGoSpace(text.charCodeAt(cs))) cs++;
		while (ce > cs && isGoSpace(text.charCodeAt(ce - 1))) ce--;

		const first = text.charCodeAt(cs);
		if (cs === ce) {
			// blank
		} else if (first === 0x23 /* # */ || first === 0x3b /* ; */) {
			comments.push(new Comment(text, cs, ce, pendingFirst >= 0));
		} else {
			const continued = text.charCodeAt(ce - 1) === 0x5c /* \ */;
			const segEnd = continued ? ce - 1 : ce;
			if (pendingFirst < 0 && !(continued && !isLast)) {
				finish(text, cs, segEnd, undefined, i, i, start, segEnd);
			} else {
				if (pendingFirst < 0) { pendingFirst = i; pendingFirstStart = start; segs = []; joined = ''; }
				(segs as Segment[]).push({ start: cs, end: segEnd, logicalStart: joined.length });
				joined += text.slice(cs, segEnd);
				if (!(continued && !isLast)) {
					const logical = segs as Segment[];
					const firstLine = pendingFirst;
					pendingFirst = -1;
					segs = undefined;
					finish(joined, 0, joined.length, logical, firstLine, i, pendingFirstStart, segEnd);
					joined = '';
				}
			}
		}
		if (isLast) break;
		start = next;
	}
	if (current) current.entries = entries.slice(currentFrom);

	if (segs) {
		const lastSeg = segs[segs.length - 1];
		problems.push({
			code: 'quadlet/syntax-continuation-at-eof',
			message: 'This line ends with "\\" but only comments or blank lines follow, so podman silently drops the whole line. Remove the trailing backslash.',
			start: segs[0].start, end: lastSeg.end + 1,
		});
	}

	reportBadCharacters(text, problems);
	return new Parsed(text, trimmed(sections), trimmed(entries), trimmed(comments), problems, hasBom);
}

/** A copy without the spare capacity `push` leaves (up to 16 slots per small array). */
function trimmed<T>(list: T[]): T[] {
	return list.length === 0 ? list : list.slice();
}

/** Placeholder until a section's entries are known (replaced before parseUnit returns). */
const NO_ENTRIES: EntryNode[] = [];

class Parsed implements ParsedUnit {
	private builtLines: PhysicalLine[] | undefined = undefined;
	constructor(
		readonly text: string,
		readonly sections: SectionNode[],
		readonly entries: EntryNode[],
		readonly comments: CommentNode[],
		readonly problems: SyntaxProblem[],
		readonly hasBom: boolean,
	) {}

	get lines(): PhysicalLine[] {
		return (this.builtLines ??= buildLines(this));
	}
}

class Entry implements EntryNode {
	constructor(
		public section: SectionNode | undefined,
		public key: string,
		public value: string,
		public keyStart: number,
		public eq: number,
		public valueEnd: number,
		public firstLine: number,
		public lastLine: number,
		/** Only for an entry continued over several lines; single-line segments are derived. */
		private readonly logical: Segment[] | undefined,
	) {}

	get start(): number { return this.keyStart; }
	get end(): number { return this.valueEnd; }
	get keyEnd(): number {
		return this.logical === undefined ? this.keyStart + this.key.length : logicalToOffset(this.logical, this.key.length);
	}
	get valueStart(): number {
		return this.logical === undefined ? this.valueEnd - this.value.length : valueIndexToOffset(this, 0);
	}
	get segments(): Segment[] {
		return this.logical ?? [{ start: this.keyStart, end: this.valueEnd, logicalStart: 0 }];
	}
	/** @internal */
	get multiLine(): Segment[] | undefined { return this.logical; }
}

class Comment implements CommentNode {
	constructor(
		private readonly source: string,
		public start: number,
		public end: number,
		/** Comment lines inside a continued value are skipped by podman but kept here. */
		public insideContinuation: boolean,
	) {}

	get text(): string { return this.source.slice(this.start, this.end); }
}

/**
 * The physical line table, derived from the text and the tree: a line's kind is that of the
 * logical line it belongs to (entries and sections record their first line), comment and blank
 * lines are recognised from their content, and an unfinished continuation at EOF is "dropped".
 */
function buildLines(p: ParsedUnit): PhysicalLine[] {
	const text = p.text;
	const len = text.length;
	const lines: PhysicalLine[] = [];
	const { entries, sections } = p;
	let ei = 0;
	let si = 0;
	let pendingFirst = -1;
	let start = 0;
	for (let i = 0; ; i++) {
		let nl = text.indexOf('\n', start);
		if (nl < 0) nl = len;
		const next = nl < len ? nl + 1 : len;
		const isLast = nl >= len || next >= len;
		let cs = start;
		let ce = nl;
		// The BOM is not whitespace to podman; we skip it here so the rest of the line still parses
		// and report it once as its own problem.
		if (start === 0 && text.charCodeAt(0) === 0xfeff) cs = 1;
		while (cs < ce && isGoSpace(text.charCodeAt(cs))) cs++;
		while (ce > cs && isGoSpace(text.charCodeAt(ce - 1))) ce--;
		const first = text.charCodeAt(cs);
		let kind: LineKind;
		if (cs === ce) kind = 'blank';
		else if (first === 0x23 /* # */ || first === 0x3b /* ; */) kind = 'comment';
		else {
			if (pendingFirst >= 0) kind = 'continuation';
			else {
				pendingFirst = i;
				while (ei < entries.length && entries[ei].firstLine < i) ei++;
				while (si < sections.length && sections[si].line < i) si++;
				kind = ei < entries.length && entries[ei].firstLine === i ? 'entry'
					: si < sections.length && sections[si].line === i ? 'section' : 'invalid';
			}
			if (!(text.charCodeAt(ce - 1) === 0x5c /* \ */ && !isLast)) pendingFirst = -1;
		}
		lines.push({ kind, start, end: nl, next, contentStart: cs, contentEnd: ce });
		if (isLast) break;
		start = next;
	}
	if (pendingFirst >= 0) {
		for (let j = pendingFirst; j < lines.length; j++) {
			if (lines[j].kind !== 'blank' && lines[j].kind !== 'comment') lines[j].kind = 'dropped';
		}
	}
	return lines;
}

/** Keys and section names repeat across files: keep one copy of each. */
const interned = new Map<string, string>();
const INTERN_MAX_LENGTH = 64;
const INTERN_MAX_SIZE = 20000;

function intern(s: string): string {
	if (s.length > INTERN_MAX_LENGTH) return s;
	const known = interned.get(s);
	if (known !== undefined) return known;
	if (interned.size >= INTERN_MAX_SIZE) return s;
	// V8 keeps a substring of 13+ characters as a view of its parent: store a copy so the cache
	// never pins the text of the file the key first appeared in.
	const own = s.length < 13 ? s : JSON.parse(JSON.stringify(s)) as string;
	interned.set(own, own);
	return own;
}

/** Kind of the logical line `s[a, b)`: a section header, a key=value entry, or invalid. */
function classify(s: string, a: number, b: number): LineKind {
	if (s.charCodeAt(a) === 0x5b /* [ */) {
		const close = s.indexOf(']', a);
		if (close >= 0 && close < b) {
			let onlyBlank = true;
			for (let j = close + 1; j < b; j++) {
				const c = s.charCodeAt(j);
				if (c !== 0x20 && c !== 0x09) { onlyBlank = false; break; }
			}
			if (onlyBlank) return 'section';
		}
	}
	const eq = s.indexOf('=', a);
	if (eq > a && eq < b) return 'entry';
	return 'invalid';
}

/** Offset of position `p`: itself for a single line, mapped through the segments otherwise. */
function toOffset(logical: Segment[] | undefined, p: number): number {
	return logical === undefined ? p : logicalToOffset(logical, p);
}

function invalidSectionNameIndex(name: string): number {
	if (name.length === 0) return 0;
	for (let i = 0; i < name.length; i++) {
		const c = name.charCodeAt(i);
		if (c === 0x5b || c === 0x5d || isGoControl(c)) return i;
	}
	return -1;
}

function logicalToOffset(segments: Segment[], index: number): number {
	for (let i = segments.length - 1; i >= 0; i--) {
		const seg = segments[i];
		if (index >= seg.logicalStart) {
			// Past the end of a segment: point at its end (covers the final position).
			return Math.min(seg.start + (index - seg.logicalStart), seg.end);
		}
	}
	return segments[0].start;
}

/** Maps an index in an entry's logical value to a document offset (continuations included). */
export function valueIndexToOffset(entry: EntryNode, index: number): number {
	const segments = entry instanceof Entry ? entry.multiLine : entry.segments;
	if (segments === undefined) {
		// One physical line: the logical text is the document text from the key on.
		const at = (entry.valueEnd - entry.keyStart) - entry.value.length + index;
		return at >= 0 ? Math.min(entry.keyStart + at, entry.valueEnd) : entry.keyStart;
	}
	const lastSeg = segments[segments.length - 1];
	const joinedLength = lastSeg.logicalStart + (lastSeg.end - lastSeg.start);
	return logicalToOffset(segments, joinedLength - entry.value.length + index);
}

function reportBadCharacters(text: string, problems: SyntaxProblem[]): void {
	let nulReported = 0;
	let utfReported = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0 && nulReported < 3) {
			nulReported++;
			problems.push({
				code: 'quadlet/syntax-nul',
				message: 'The file contains a NUL byte. systemd refuses unit files with embedded NUL bytes; delete it.',
				start: i, end: i + 1,
			});
		} else if (utfReported < 3) {
			let bad = c === 0xfffd;
			if (c >= 0xd800 && c <= 0xdbff) {
				const d = text.charCodeAt(i + 1);
				if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
				bad = true;
			} else if (c >= 0xdc00 && c <= 0xdfff) {
				bad = true;
			}
			if (bad) {
				utfReported++;
				problems.push({
					code: 'quadlet/syntax-invalid-utf8',
					message: 'The file is not valid UTF-8 here (a replacement character or a broken surrogate). systemd ignores assignments that are not UTF-8 clean; re-save the file as UTF-8.',
					start: i, end: i + 1,
				});
			}
		}
	}
}

function printable(s: string): string {
	// eslint-disable-next-line no-control-regex
	return s.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function truncate(s: string, n: number): string {
	return s.length > n ? `${s.slice(0, n)}…` : s;
}

// The eager parser as it was before the lean parse tree (plain objects, every field stored):
// tests compare the current parser against it, field by field, on the corpus and on random
// input. Keep it frozen; it is the specification of the tree the service relies on.
import type { CommentNode, EntryNode, LineKind, ParsedUnit, PhysicalLine, SectionNode, Segment, SyntaxProblem } from '../../server/src/service/parser/ast';
import { isGoSpace, isGoControl } from '../../server/src/service/parser/chars';

/**
 * Parses a unit file the way podman's quadlet parser reads it (pkg/systemd/parser): lines are
 * trimmed, `#`/`;` start comments, a trailing backslash joins the next non-comment line without
 * a separator, comment lines inside a continuation are skipped, and a continuation still open at
 * the end of the file is discarded. Never throws: problems are returned as data.
 */
export function referenceParseUnit(text: string): ParsedUnit {
	const lines = splitLines(text);
	const hasBom = text.charCodeAt(0) === 0xfeff;
	const problems: SyntaxProblem[] = [];
	const sections: SectionNode[] = [];
	const entries: EntryNode[] = [];
	const comments: CommentNode[] = [];
	let current: SectionNode | undefined;

	if (hasBom) {
		problems.push({
			code: 'quadlet/syntax-bom',
			message: 'The file starts with a UTF-8 byte order mark. Podman\'s quadlet parser does not skip it and rejects the first line; save the file as UTF-8 without BOM.',
			start: 0, end: 1,
		});
	}

	let pending: { segments: Segment[]; joined: string; firstLine: number; lineIndexes: number[] } | undefined;
	const last = lines.length - 1;

	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		const first = text.charCodeAt(line.contentStart);
		const isComment = line.contentStart === line.contentEnd || first === 0x23 /* # */ || first === 0x3b /* ; */;
		if (isComment) {
			line.kind = line.contentStart === line.contentEnd ? 'blank' : 'comment';
			if (line.kind === 'comment') {
				comments.push({ start: line.contentStart, end: line.contentEnd, text: text.slice(line.contentStart, line.contentEnd), insideContinuation: pending !== undefined });
			}
			continue;
		}
		const continued = text.charCodeAt(line.contentEnd - 1) === 0x5c /* \ */;
		const segEnd = continued ? line.contentEnd - 1 : line.contentEnd;
		if (!pending) pending = { segments: [], joined: '', firstLine: i, lineIndexes: [] };
		pending.segments.push({ start: line.contentStart, end: segEnd, logicalStart: pending.joined.length });
		pending.joined += text.slice(line.contentStart, segEnd);
		pending.lineIndexes.push(i);
		if (continued && i !== last) continue;

		const logical = pending;
		pending = undefined;
		const kind = classifyLogicalLine(logical.joined);
		logical.lineIndexes.forEach((li, n) => { lines[li].kind = n === 0 ? kind : 'continuation'; });
		const toOffset = (index: number) => logicalToOffset(logical.segments, index);
		const lineEnd = logical.segments[logical.segments.length - 1].end;
		const lastLine = logical.lineIndexes[logical.lineIndexes.length - 1];

		if (kind === 'section') {
			const close = logical.joined.indexOf(']');
			const name = logical.joined.slice(1, close);
			if (current) current.bodyEnd = lines[logical.firstLine].start;
			current = {
				name,
				start: toOffset(0), end: lineEnd,
				nameStart: toOffset(1), nameEnd: toOffset(close),
				bodyEnd: text.length,
				entries: [],
				line: logical.firstLine,
			};
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
			const eqIndex = logical.joined.indexOf('=');
			let keyEndIndex = eqIndex;
			while (keyEndIndex > 0 && isGoSpace(logical.joined.charCodeAt(keyEndIndex - 1))) keyEndIndex--;
			let valueIndex = eqIndex + 1;
			while (valueIndex < logical.joined.length && isGoSpace(logical.joined.charCodeAt(valueIndex))) valueIndex++;
			const entry: EntryNode = {
				section: current,
				key: logical.joined.slice(0, keyEndIndex),
				value: logical.joined.slice(valueIndex),
				keyStart: toOffset(0),
				keyEnd: toOffset(keyEndIndex),
				eq: toOffset(eqIndex),
				valueStart: toOffset(valueIndex),
				valueEnd: lineEnd,
				start: toOffset(0),
				end: lineEnd,
				firstLine: logical.firstLine,
				lastLine,
				segments: logical.segments,
			};
			entries.push(entry);
			if (current) current.entries.push(entry);
			else {
				problems.push({
					code: 'quadlet/syntax-key-outside-section',
					message: `"${entry.key}=" appears before any [Section] header. Every key must belong to a section; add a header such as [Container] above it.`,
					start: entry.keyStart, end: entry.keyEnd,
				});
			}
		} else {
			problems.push({
				code: 'quadlet/syntax-invalid-line',
				message: `Line ${lastLine + 1} is neither a comment, a [Section] header nor a Key=value assignment: "${printable(truncate(logical.joined, 60))}". Add the missing "=", close the "[" header, or comment it out with "#".`,
				start: toOffset(0), end: lineEnd,
			});
		}
	}

	if (pending) {
		for (const li of pending.lineIndexes) lines[li].kind = 'dropped';
		const lastSeg = pending.segments[pending.segments.length - 1];
		problems.push({
			code: 'quadlet/syntax-continuation-at-eof',
			message: 'This line ends with "\\" but only comments or blank lines follow, so podman silently drops the whole line. Remove the trailing backslash.',
			start: pending.segments[0].start, end: lastSeg.end + 1,
		});
	}

	reportBadCharacters(text, problems);
	return { text, lines, sections, entries, comments, problems, hasBom };
}

function classifyLogicalLine(s: string): LineKind {
	if (s.charCodeAt(0) === 0x5b /* [ */) {
		const close = s.indexOf(']');
		if (close >= 0) {
			let onlyBlank = true;
			for (let j = close + 1; j < s.length; j++) {
				const c = s.charCodeAt(j);
				if (c !== 0x20 && c !== 0x09) { onlyBlank = false; break; }
			}
			if (onlyBlank) return 'section';
		}
	}
	const eq = s.indexOf('=');
	if (eq > 0) return 'entry';
	return 'invalid';
}

function invalidSectionNameIndex(name: string): number {
	if (name.length === 0) return 0;
	for (let i = 0; i < name.length; i++) {
		const c = name.charCodeAt(i);
		if (c === 0x5b || c === 0x5d || isGoControl(c)) return i;
	}
	return -1;
}

/** Splits like podman: drop one trailing "\n", split on "\n"; offsets tile the whole text. */
function splitLines(text: string): PhysicalLine[] {
	const lines: PhysicalLine[] = [];
	let start = 0;
	const len = text.length;
	for (;;) {
		let nl = text.indexOf('\n', start);
		if (nl < 0) nl = len;
		const next = nl < len ? nl + 1 : len;
		let cs = start;
		let ce = nl;
		// The BOM is not whitespace to podman; we skip it here so the rest of the line still parses
		// and report it once as its own problem.
		if (start === 0 && text.charCodeAt(0) === 0xfeff) cs = 1;
		while (cs < ce && isGoSpace(text.charCodeAt(cs))) cs++;
		while (ce > cs && isGoSpace(text.charCodeAt(ce - 1))) ce--;
		lines.push({ kind: 'blank', start, end: nl, next, contentStart: cs, contentEnd: ce });
		if (nl >= len || next >= len) break;
		start = next;
	}
	return lines;
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
export function referenceValueIndexToOffset(entry: EntryNode, index: number): number {
	const lastSeg = entry.segments[entry.segments.length - 1];
	const joinedLength = lastSeg.logicalStart + (lastSeg.end - lastSeg.start);
	return logicalToOffset(entry.segments, joinedLength - entry.value.length + index);
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

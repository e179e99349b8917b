import type { EntryNode, ParsedUnit, PhysicalLine, SectionNode } from './ast';

export type CursorContext =
	| { kind: 'section-name'; replaceStart: number; replaceEnd: number; prefix: string }
	| { kind: 'key'; section: SectionNode | undefined; replaceStart: number; replaceEnd: number; prefix: string; hasEquals: boolean }
	| { kind: 'value'; section: SectionNode | undefined; key: string; entry: EntryNode | undefined; valueStart: number; replaceStart: number; replaceEnd: number; prefix: string }
	| { kind: 'specifier'; section: SectionNode | undefined; key: string; replaceStart: number; replaceEnd: number }
	| { kind: 'comment'; line: PhysicalLine }
	| { kind: 'none' };

/** The line index containing `offset` (binary search over the line table). */
export function lineAt(parsed: ParsedUnit, offset: number): number {
	const lines = parsed.lines;
	let lo = 0;
	let hi = lines.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (lines[mid].start <= offset) lo = mid; else hi = mid - 1;
	}
	return lo;
}

/** The section whose body contains `offset` (the last header starting before it). */
export function sectionAt(parsed: ParsedUnit, offset: number): SectionNode | undefined {
	let found: SectionNode | undefined;
	for (const s of parsed.sections) {
		if (s.start <= offset) found = s; else break;
	}
	return found;
}

export function entryAt(parsed: ParsedUnit, offset: number): EntryNode | undefined {
	const line = lineAt(parsed, offset);
	for (const e of parsed.entries) {
		if (line >= e.firstLine && line <= e.lastLine) return e;
		if (e.firstLine > line) break;
	}
	return undefined;
}

/** What the user is typing at `offset`: decides which completions make sense. Pure. */
export function getCursorContext(parsed: ParsedUnit, offset: number): CursorContext {
	const text = parsed.text;
	const li = lineAt(parsed, offset);
	const line = parsed.lines[li];
	if (!line) return { kind: 'none' };
	const section = sectionAt(parsed, offset);
	// After the newline that ends the last line the cursor is on a new, empty line (the parser
	// keeps no line for it): a key goes there, unless the last line continues with a backslash.
	if (li === parsed.lines.length - 1 && offset > line.end && /[\r\n]/.test(text.slice(line.end, offset)) && text[line.contentEnd - 1] !== '\\') {
		return { kind: 'key', section, replaceStart: offset, replaceEnd: offset, prefix: '', hasEquals: false };
	}
	const specifierAt = (valueKey: string): CursorContext | undefined => {
		if (offset > line.start && text[offset - 1] === '%' && text[offset - 2] !== '%') {
			return { kind: 'specifier', section, key: valueKey, replaceStart: offset - 1, replaceEnd: offset };
		}
		return undefined;
	};

	if (line.kind === 'continuation' || ((line.kind === 'entry') && entryAt(parsed, offset)?.firstLine !== li)) {
		const entry = entryAt(parsed, offset);
		if (entry && offset >= entry.valueStart) {
			return specifierAt(entry.key) ?? valueContext(parsed, entry.section ?? section, entry.key, entry, offset, line);
		}
	}
	const before = text.slice(line.contentStart, Math.max(offset, line.contentStart));
	if (offset < line.contentStart) {
		// Cursor in leading indentation: behaves like the start of the content.
		return keyOrSection(parsed, section, line, line.contentStart, '');
	}
	if (before.startsWith('#') || before.startsWith(';')) return { kind: 'comment', line };
	if (before.startsWith('[')) {
		return { kind: 'section-name', replaceStart: line.contentStart, replaceEnd: line.contentEnd, prefix: before.slice(1) };
	}
	const eq = before.indexOf('=');
	if (eq >= 0) {
		const key = before.slice(0, eq).trimEnd();
		const entry = entryAt(parsed, offset);
		return specifierAt(key) ?? valueContext(parsed, section, key, entry?.key === key ? entry : undefined, offset, line);
	}
	return keyOrSection(parsed, section, line, offset, before);
}

function keyOrSection(parsed: ParsedUnit, section: SectionNode | undefined, line: PhysicalLine, offset: number, before: string): CursorContext {
	const rest = parsed.text.slice(offset, line.contentEnd);
	const eqInRest = rest.indexOf('=');
	return {
		kind: 'key', section,
		replaceStart: line.contentStart,
		replaceEnd: eqInRest >= 0 ? offset + eqInRest + 1 : line.contentEnd,
		prefix: before,
		hasEquals: eqInRest >= 0,
	};
}

function valueContext(parsed: ParsedUnit, section: SectionNode | undefined, key: string, entry: EntryNode | undefined, offset: number, line: PhysicalLine): CursorContext {
	const text = parsed.text;
	let valueStart: number;
	if (entry) valueStart = entry.valueStart;
	else {
		let i = text.indexOf('=', line.contentStart) + 1;
		while (i < line.contentEnd && (text[i] === ' ' || text[i] === '\t')) i++;
		valueStart = i;
	}
	// Replace the word under the cursor: values are completed one word at a time.
	let ws = offset;
	while (ws > valueStart && ws > line.contentStart && !/\s/.test(text[ws - 1])) ws--;
	let we = offset;
	const lineEnd = line.contentEnd;
	while (we < lineEnd && !/\s/.test(text[we]) && text[we] !== '\\') we++;
	return { kind: 'value', section, key, entry, valueStart, replaceStart: ws, replaceEnd: we, prefix: text.slice(ws, offset) };
}

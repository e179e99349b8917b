import type { ParsedUnit } from '../parser/ast';
import { lineAt } from '../parser/cursor-context';

export interface UnitSymbol {
	name: string;
	detail: string;
	kind: 'section' | 'key';
	start: number;
	end: number;
	selectionStart: number;
	selectionEnd: number;
	children: UnitSymbol[];
}

const MAX_SYMBOLS = 5000;

/** Sections with their keys, for the outline and breadcrumbs. */
export function findDocumentSymbols(parsed: ParsedUnit): UnitSymbol[] {
	let budget = MAX_SYMBOLS;
	const out: UnitSymbol[] = [];
	for (const s of parsed.sections) {
		if (budget-- <= 0) break;
		const end = lastContentEnd(parsed, s.start, s.bodyEnd);
		const children: UnitSymbol[] = [];
		for (const e of s.entries) {
			if (budget-- <= 0) break;
			children.push({ name: e.key, detail: e.value.length > 60 ? `${e.value.slice(0, 60)}…` : e.value, kind: 'key', start: e.start, end: e.end, selectionStart: e.keyStart, selectionEnd: e.keyEnd, children: [] });
		}
		out.push({ name: `[${s.name}]`, detail: '', kind: 'section', start: s.start, end, selectionStart: s.start, selectionEnd: s.end, children });
	}
	return out;
}

function lastContentEnd(parsed: ParsedUnit, start: number, bodyEnd: number): number {
	let li = lineAt(parsed, Math.max(start, bodyEnd - 1));
	while (li > 0 && parsed.lines[li].start >= start && (parsed.lines[li].kind === 'blank' || parsed.lines[li].start >= bodyEnd)) li--;
	return Math.max(parsed.lines[li].end, start);
}

export interface FoldRange { startLine: number; endLine: number; kind?: 'comment' }

/** Folding by section, by continued value, and by runs of comment lines. */
export function getFoldingRanges(parsed: ParsedUnit): FoldRange[] {
	const out: FoldRange[] = [];
	for (const s of parsed.sections) {
		const endLine = lineAt(parsed, lastContentEnd(parsed, s.start, s.bodyEnd));
		if (endLine > s.line) out.push({ startLine: s.line, endLine });
	}
	for (const e of parsed.entries) if (e.lastLine > e.firstLine) out.push({ startLine: e.firstLine, endLine: e.lastLine });
	let run = -1;
	parsed.lines.forEach((l, i) => {
		if (l.kind === 'comment') { if (run < 0) run = i; return; }
		if (run >= 0 && i - 1 > run) out.push({ startLine: run, endLine: i - 1, kind: 'comment' });
		run = -1;
	});
	if (run >= 0 && parsed.lines.length - 1 > run) out.push({ startLine: run, endLine: parsed.lines.length - 1, kind: 'comment' });
	return out.slice(0, MAX_SYMBOLS).sort((a, b) => a.startLine - b.startLine);
}

/** Nested ranges around an offset: word → value → entry → section → file. */
export function getSelectionRanges(parsed: ParsedUnit, offset: number): { start: number; end: number }[] {
	const ranges: { start: number; end: number }[] = [];
	const text = parsed.text;
	const entry = parsed.entries.find((e) => offset >= e.start && offset <= e.end);
	if (entry) {
		if (offset >= entry.valueStart && entry.valueEnd > entry.valueStart) {
			let ws = offset; let we = offset;
			while (ws > entry.valueStart && !/\s/.test(text[ws - 1])) ws--;
			while (we < entry.valueEnd && !/\s/.test(text[we])) we++;
			if (we > ws) ranges.push({ start: ws, end: we });
			ranges.push({ start: entry.valueStart, end: entry.valueEnd });
		} else if (offset <= entry.keyEnd) {
			ranges.push({ start: entry.keyStart, end: entry.keyEnd });
		}
		ranges.push({ start: entry.start, end: entry.end });
	}
	const section = [...parsed.sections].reverse().find((s) => s.start <= offset && offset <= s.bodyEnd);
	if (section) ranges.push({ start: section.start, end: lastContentEnd(parsed, section.start, section.bodyEnd) });
	ranges.push({ start: 0, end: text.length });
	// Keep only strictly growing ranges (LSP requires each parent to contain its child).
	const kept: { start: number; end: number }[] = [];
	for (const r of ranges) {
		const prev = kept[kept.length - 1];
		if (!prev || (r.start <= prev.start && r.end >= prev.end && (r.start < prev.start || r.end > prev.end))) kept.push(r);
	}
	return kept;
}

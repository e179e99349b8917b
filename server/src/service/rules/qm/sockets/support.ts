/** Shared plumbing of the socket/dependency rules (qm-rules §3.2). */
import type { ViewEntry } from '../../../model/unit-view';
import type { QmUnit } from '../../../qm/model';
import type { RelatedLocation } from '../../../types';
import type { RuleContext } from '../../rule';
import { offsetsInValue } from '../support';

/** The three domains where QM rules run (qm-rules §1.3 step 5). */
export function knownDomain(ctx: RuleContext): boolean {
	return ctx.domain.domain !== 'unknown';
}

/** Document range of `[index, index+length)` of an entry's value (the whole value for index < 0). */
export function rangeIn(at: ViewEntry, index: number, length: number): { start: number; end: number } {
	const e = at.entry;
	if (index < 0 || length < 0) return e.valueEnd > e.valueStart ? { start: e.valueStart, end: e.valueEnd } : { start: e.keyStart, end: e.valueEnd };
	return offsetsInValue(e, index, length);
}

/** The whole `Key=value` of an entry. */
export function entryRange(at: ViewEntry): { start: number; end: number } {
	return { start: at.entry.keyStart, end: at.entry.valueEnd };
}

/** A related location on a whole entry of another (or the same) file. */
export function relatedAt(at: ViewEntry, message: string): RelatedLocation {
	return { path: at.path, ...entryRange(at), message };
}

/** A related location on the first section header of a unit's file (for "this unit" pointers). */
export function relatedUnit(unit: QmUnit, message: string, section?: string): RelatedLocation {
	const parsed = unit.file.parsed;
	const s = (section ? parsed.sections.find((x) => x.name === section) : undefined) ?? parsed.sections[0];
	return s ? { path: unit.file.path, start: s.start, end: s.end, message } : { path: unit.file.path, start: 0, end: 0, message };
}

/** Range of the `[name]` header of the checked file, else its first section, else the first line. */
export function headerIn(ctx: RuleContext, name: string): { start: number; end: number } {
	const s = ctx.parsed.sections.find((x) => x.name === name) ?? ctx.parsed.sections[0];
	if (s) return { start: s.start, end: s.end };
	const first = ctx.parsed.lines[0];
	return first ? { start: first.contentStart, end: first.contentEnd } : { start: 0, end: 0 };
}

/** The line terminator the file uses. */
export function eolOf(text: string): string {
	const nl = text.indexOf('\n');
	return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** Offsets of the physical lines of an entry (from the start of its first line to after its last). */
export function entryLines(ctx: RuleContext, at: ViewEntry): { start: number; end: number } {
	return { start: ctx.parsed.lines[at.entry.firstLine].start, end: ctx.parsed.lines[at.entry.lastLine].next };
}

/**
 * An edit inserting whole lines right after an entry of the checked file (keeps everything else,
 * adds a terminator first when the entry ends the file without one).
 */
export function insertAfterEntry(ctx: RuleContext, at: ViewEntry, lines: string[]): { start: number; end: number; newText: string } {
	const eol = eolOf(ctx.text);
	const last = ctx.parsed.lines[at.entry.lastLine];
	const body = lines.join(eol);
	return last.next > last.end
		? { start: last.next, end: last.next, newText: `${body}${eol}` }
		: { start: last.end, end: last.end, newText: `${eol}${body}` };
}

/** A short name for a unit in messages: its file name. */
export function unitLabel(u: QmUnit): string {
	return u.fileName;
}

/**
 * Minimal offset edits for QM quick fixes: delete a line, replace a value, insert a line, drop
 * one word or option from a value. Each touches only the bytes that must change.
 */
import type { EntryNode, ParsedUnit, SectionNode } from '../parser/ast';
import { valueIndexToOffset } from '../parser/parse-unit';
import type { Fix, OffsetEdit } from '../types';
import { unquoteValue, type UnitView } from '../model/unit-view';
import type { SettingPart } from './container-settings';

/** Document range of a setting part (through continuation lines). */
export function partRange(p: SettingPart): { start: number; end: number } {
	const e = p.entry.entry;
	if (p.length <= 0 && p.index === 0) return { start: e.keyStart, end: e.valueEnd };
	return { start: valueIndexToOffset(e, p.index), end: valueIndexToOffset(e, p.index + p.length) };
}

/** Range of an entry for a finding: the value, or key and "=" when the value is empty. */
export function entryRange(e: EntryNode): { start: number; end: number } {
	return e.valueEnd > e.valueStart ? { start: e.valueStart, end: e.valueEnd } : { start: e.keyStart, end: e.valueEnd };
}

/** Deletes the physical lines of an entry (with their line break). */
export function removeLine(parsed: ParsedUnit, e: EntryNode): OffsetEdit {
	return { start: parsed.lines[e.firstLine].start, end: parsed.lines[e.lastLine].next, newText: '' };
}

/** Replaces the whole value of an entry. */
export function replaceValue(e: EntryNode, newValue: string): OffsetEdit {
	return { start: e.valueStart, end: e.valueEnd, newText: newValue };
}

/** Inserts a line after an entry (after its last continuation line). */
export function insertLineAfter(parsed: ParsedUnit, e: EntryNode, line: string): OffsetEdit {
	const last = parsed.lines[e.lastLine];
	const atEof = last.next === last.end;
	return atEof ? { start: last.end, end: last.end, newText: `\n${line}` } : { start: last.next, end: last.next, newText: `${line}\n` };
}

/** Inserts a line before an entry. */
export function insertLineBefore(parsed: ParsedUnit, e: EntryNode, line: string): OffsetEdit {
	const first = parsed.lines[e.firstLine];
	return { start: first.start, end: first.start, newText: `${line}\n` };
}

/** Inserts a line at the end of a section's entries (after its last entry, else after the header). */
export function appendToSection(parsed: ParsedUnit, section: SectionNode, line: string): OffsetEdit {
	const last = section.entries[section.entries.length - 1];
	if (last) return insertLineAfter(parsed, last, line);
	const header = parsed.lines[section.line];
	return header.next === header.end ? { start: header.end, end: header.end, newText: `\n${line}` } : { start: header.next, end: header.next, newText: `${line}\n` };
}

/**
 * Removes `[index, index+length)` of an entry's value together with the blanks on one side, so
 * that `a b c` minus `b` gives `a c`. Returns undefined when nothing else would remain (the
 * caller then removes the whole line).
 */
export function removeFromValue(e: EntryNode, index: number, length: number): OffsetEdit | undefined {
	const v = e.value;
	let s = index;
	let t = index + length;
	const restBefore = v.slice(0, s).trim();
	const restAfter = v.slice(t).trim();
	// Nothing but blanks and the quotes that wrapped the removed text would remain.
	if (!(restBefore + restAfter).replace(/["'\s]/g, '')) return undefined;
	if (restAfter) { while (t < v.length && /\s/.test(v[t])) t++; } else { while (s > 0 && /\s/.test(v[s - 1])) s--; }
	return { start: valueIndexToOffset(e, s), end: valueIndexToOffset(e, t), newText: '' };
}

/** Removes a part (a word or a PodmanArgs option) from its value, or its whole line. */
export function removePart(parsed: ParsedUnit, p: SettingPart, usesFlag = true): OffsetEdit {
	const index = usesFlag && p.flag ? p.flag.start : p.index;
	const length = usesFlag && p.flag ? p.flag.end - p.flag.start : p.length;
	return removeFromValue(p.entry.entry, index, length) ?? removeLine(parsed, p.entry.entry);
}

/**
 * The fix that undoes a bad override of `section`/`key` whose winning assignment is in `path`:
 * in a drop-in, when the value underneath is good, delete this file's assignments (the value
 * below applies again); otherwise set the winning assignment to `goodValue`.
 */
export function restoreFix(
	parsed: ParsedUnit, path: string, isDropIn: boolean, view: UnitView, section: string, key: string,
	winnerEntry: EntryNode, isGood: (value: string) => boolean, goodValue: string,
): Fix {
	const mine = view.occurrences(section, key).filter((o) => o.path === path);
	// The winner is in this file, so every other file's assignment comes before it.
	const below = view.occurrences(section, key).filter((o) => o.path !== path);
	const under = below[below.length - 1];
	if (isDropIn && under && isGood(unquoteValue(under.entry.value))) {
		return {
			title: `Remove the ${key}= override (${key}=${unquoteValue(under.entry.value)} applies again)`,
			edits: mine.map((o) => removeLine(parsed, o.entry)),
			isPreferred: true,
		};
	}
	return { title: `Set ${key}=${goodValue}`, edits: [replaceValue(winnerEntry, goodValue)], isPreferred: true };
}

/**
 * Removes one item of a list: a word of a key's value, or one element of a comma list in a
 * PodmanArgs option (`--cap-add=a,b`), or the whole option when it is the only element.
 */
export function removeListItem(parsed: ParsedUnit, p: SettingPart): OffsetEdit {
	const f = p.flag;
	if (!f) return removePart(parsed, p, false);
	if (!f.value.includes(',')) return removePart(parsed, p, true);
	const from = f.valueMap.indexOf(p.map[0]);
	const len = p.text.length;
	const e = p.entry.entry;
	const [s, t] = from + len < f.value.length
		? [f.valueMap[from], f.valueMap[from + len] + 1]
		: [f.valueMap[from - 1], f.valueMap[from + len - 1] + 1];
	return { start: valueIndexToOffset(e, s), end: valueIndexToOffset(e, t), newText: '' };
}

/**
 * Shared plumbing of the generator rules: where a finding about the whole unit goes, how a
 * missing key is inserted, and podman's accessors over the merged unit view.
 */
import { compareVersions, PRIMARY_SECTION } from '../../catalog/catalog';
import { findUnit } from '../../features/references';
import { unquoteValue, type UnitView, type ViewEntry } from '../../model/unit-view';
import type { EntryNode } from '../../parser/ast';
import { valueIndexToOffset } from '../../parser/parse-unit';
import type { Fix, RelatedLocation } from '../../types';
import { baseName, isQuadletKind } from '../../unit-path';
import { NameIndex } from '../../util/name-index';
import type { WorkspaceFile } from '../../workspace/workspace';
import type { RuleContext } from '../rule';

/** Extensions the generator converts (and resolves in references). */
export const QUADLET_EXTENSIONS = ['container', 'pod', 'kube', 'volume', 'network', 'image', 'build', 'artifact'] as const;

/** The section the generator validates for this file's kind ("Container" for .container). */
export function primarySection(ctx: RuleContext): string {
	return PRIMARY_SECTION[ctx.kind] ?? '';
}

/** A quadlet unit file or a drop-in of one. */
export function isQuadletFile(ctx: RuleContext): boolean {
	return isQuadletKind(ctx.kind);
}

/** The main unit file of a quadlet unit: whole-unit checks are reported here only. */
export function isMainUnit(ctx: RuleContext): boolean {
	return isQuadletKind(ctx.kind) && ctx.info.dropIn === undefined;
}

/** True when the target podman is `version` or older ("unreleased" is newer than every release). */
export function targetAtMost(ctx: RuleContext, version: string): boolean {
	const m = /^(\d+)\.(\d+)/.exec(ctx.podmanVersion);
	return m !== null && compareVersions(`${m[1]}.${m[2]}`, version) <= 0;
}

/** podman's Lookup of the value of one entry: the text and its index in `entry.value`. */
export function lookupText(entry: EntryNode): { text: string; index: number } {
	const text = unquoteValue(entry.value);
	return { text, index: text.length < entry.value.trimEnd().length ? 1 : 0 };
}

/** Document range of `[from, to)` in an entry's logical value. */
export function valueSpan(entry: EntryNode, from: number, to: number): { start: number; end: number } {
	const start = valueIndexToOffset(entry, from);
	return { start, end: Math.max(start, valueIndexToOffset(entry, to)) };
}

/** The value of an entry as a range (the key when the value is empty). */
export function entryValueRange(entry: EntryNode): { start: number; end: number } {
	return entry.valueEnd > entry.valueStart ? { start: entry.valueStart, end: entry.valueEnd } : { start: entry.keyStart, end: entry.keyEnd };
}

/** Where a drop-in entry is, for `related`. */
export function relatedEntry(at: ViewEntry, message: string): RelatedLocation {
	return { path: at.path, start: at.entry.keyStart, end: at.entry.valueEnd, message };
}

/**
 * The range of a whole-unit finding: the entry itself when it is in the checked file, else the
 * primary section header (or the first line) with `related` pointing at the entry elsewhere.
 */
export function anchor(ctx: RuleContext, at: ViewEntry | undefined, relatedMessage: string, part: 'key' | 'entry' = 'entry'): { start: number; end: number; related?: RelatedLocation[] } {
	if (at && at.path === ctx.path) {
		return part === 'key' ? { start: at.entry.keyStart, end: at.entry.keyEnd } : { start: at.entry.keyStart, end: at.entry.valueEnd };
	}
	const range = headerRange(ctx);
	return at ? { ...range, related: [relatedEntry(at, relatedMessage)] } : range;
}

/** The primary section header of the checked file, or its first line. */
export function headerRange(ctx: RuleContext): { start: number; end: number } {
	const name = primarySection(ctx);
	const section = ctx.parsed.sections.find((s) => s.name === name);
	if (section) return { start: section.start, end: section.end };
	const first = ctx.parsed.lines[0];
	return first ? { start: first.contentStart, end: first.contentEnd } : { start: 0, end: 0 };
}

/** The line terminator the file uses. */
function eolOf(text: string): string {
	const nl = text.indexOf('\n');
	return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * A fix that adds `Key=value` on a new line at the end of the primary section of the checked
 * file (after its last entry), creating the section at the end of the file when it is absent.
 */
export function insertKeyFix(ctx: RuleContext, key: string, value: string, title = `Add ${key}=${value}`, sectionName = primarySection(ctx)): Fix {
	const text = ctx.text;
	const eol = eolOf(text);
	const line = `${key}=${value}`;
	const sections = ctx.parsed.sections.filter((s) => s.name === sectionName);
	const section = sections[sections.length - 1];
	if (section) {
		const lastEntry = section.entries[section.entries.length - 1];
		const after = ctx.parsed.lines[lastEntry ? lastEntry.lastLine : section.line];
		const edit = after.next > after.end
			? { start: after.next, end: after.next, newText: `${line}${eol}` }
			: { start: after.end, end: after.end, newText: `${eol}${line}` };
		return { title, edits: [edit], isPreferred: true };
	}
	let sep = '';
	if (text.length > 0) {
		if (!text.endsWith('\n')) sep = eol + eol;
		else if (!/\n\s*\n$/.test(text) && text.trim() !== '') sep = eol;
	}
	return {
		title,
		edits: [{ start: text.length, end: text.length, newText: `${sep}[${sectionName}]${eol}${line}${eol}` }],
		isPreferred: true,
	};
}

/** A fix replacing `[start, end)` of the checked file. */
export function replaceFix(title: string, start: number, end: number, newText: string, isPreferred = true): Fix {
	return { title, edits: [{ start, end, newText }], isPreferred };
}

/** Deletes the physical lines of entries in the checked file. */
export function removeLinesFix(ctx: RuleContext, title: string, entries: readonly EntryNode[]): Fix {
	const edits = entries.map((e) => ({ start: ctx.parsed.lines[e.firstLine].start, end: ctx.parsed.lines[e.lastLine].next, newText: '' }));
	return { title, edits, isPreferred: false };
}

/** The last occurrence of a key when its text (podman Lookup) is non-empty. */
export function lookupNonEmpty(view: UnitView, section: string, key: string): ViewEntry | undefined {
	const last = view.last(section, key);
	return last && unquoteValue(last.entry.value) !== '' ? last : undefined;
}

/** The workspace file being checked. */
export function selfFile(ctx: RuleContext): WorkspaceFile | undefined {
	return ctx.workspace.get(ctx.path);
}

/** Resolves a quadlet unit name as the generator does: by file name among the loaded units. */
export function resolveUnit(ctx: RuleContext, name: string): WorkspaceFile | undefined {
	const from = selfFile(ctx);
	return from ? findUnit(ctx.workspace, from, name) : undefined;
}

/** "Did you mean" among the unit files with the same extension. */
export function suggestUnit(ctx: RuleContext, name: string): string | undefined {
	const dot = name.lastIndexOf('.');
	const ext = dot >= 0 ? name.slice(dot) : '';
	const units = ctx.workspace.unitsOfKind(ext.slice(1));
	let index = nameIndexes.get(units);
	if (!index) {
		index = new NameIndex(units.map((f) => baseName(f.path)));
		nameIndexes.set(units, index);
	}
	return index.closest(name, Math.max(2, Math.min(4, Math.floor(name.length / 4))));
}

/** Keyed by the workspace's per-generation list of units of a kind, so it lives as long as that list. */
const nameIndexes = new WeakMap<readonly WorkspaceFile[], NameIndex>();

/** podman's isURL for build contexts: `^((https?)|(git)://)|(github\.com/).+$`. */
export function isBuildUrl(value: string): boolean {
	return /^((https?)|(git):\/\/)|(github\.com\/).+$/.test(value);
}

/** A path quadlet does not join with the unit directory: absolute or starting with a specifier. */
export function isSelfContainedPath(value: string): boolean {
	return value.startsWith('/') || (value.startsWith('%') && !value.startsWith('%%'));
}

/**
 * The first explicit user-namespace key podman sees as set (handleUserMappings): UserNS=,
 * UIDMap=, GIDMap=, SubUIDMap=, SubGIDMap=. With one of them the Remap* keys are refused.
 */
export function explicitMapping(view: UnitView, section: string): ViewEntry | undefined {
	const userns = lookupNonEmpty(view, section, 'UserNS');
	if (userns) return userns;
	for (const key of ['UIDMap', 'GIDMap']) {
		if (view.lookupWords(section, key).length > 0) return view.lookupAll(section, key)[0];
	}
	return lookupNonEmpty(view, section, 'SubUIDMap') ?? lookupNonEmpty(view, section, 'SubGIDMap');
}

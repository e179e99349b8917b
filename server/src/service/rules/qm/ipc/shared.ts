/** Helpers shared by the IPC rules (not a rule): edits that add or replace one line. */
import type { EntryNode } from '../../../parser/ast';
import type { Fix, OffsetEdit } from '../../../types';
import type { RuleContext } from '../../rule';
import type { LabelSetting } from '../../../qm/model';
import { valueIndexToOffset } from '../../../parser/parse-unit';

function eol(text: string): string {
	return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Inserts `line` after the last entry of the last `[section]` group of this file (or after its
 * header when it is empty); adds the group at the end of the file when there is none.
 */
export function appendToSection(ctx: RuleContext, section: string, line: string): OffsetEdit {
	const nl = eol(ctx.text);
	const groups = ctx.parsed.sections.filter((s) => s.name === section);
	const group = groups[groups.length - 1];
	if (!group) {
		const end = ctx.text.length;
		const lead = end === 0 ? '' : ctx.text.endsWith('\n') ? nl : nl + nl;
		return { start: end, end, newText: `${lead}[${section}]${nl}${line}${nl}` };
	}
	const last = group.entries[group.entries.length - 1];
	const physical = ctx.parsed.lines[last ? last.lastLine : group.line];
	if (physical.next === physical.end) return { start: physical.end, end: physical.end, newText: `${nl}${line}` };
	return { start: physical.next, end: physical.next, newText: `${line}${nl}` };
}

/** Replaces the whole value of an entry. */
export function replaceValue(entry: EntryNode, newValue: string): OffsetEdit {
	return { start: entry.valueStart, end: entry.valueEnd, newText: newValue };
}

/**
 * The edit that sets a SecurityLabel* setting to `wanted`: the key's value, the `label=type:`
 * word of a PodmanArgs= line, or a new key at the end of [Container].
 */
export function labelEdit(ctx: RuleContext, key: string, current: LabelSetting | undefined, wanted: string): OffsetEdit | undefined {
	if (!current) return appendToSection(ctx, 'Container', `${key}=${wanted}`);
	const e = current.entry.entry;
	if (current.entry.path !== ctx.path) return undefined;
	if (!current.fromPodmanArgs) return replaceValue(e, wanted);
	const what = key === 'SecurityLabelType' ? 'type' : key === 'SecurityLabelLevel' ? 'level' : '';
	if (!what) return undefined;
	const i = e.value.indexOf(`label=${what}:${current.value}`);
	if (i < 0) return undefined;
	const at = i + `label=${what}:`.length;
	return { start: valueIndexToOffset(e, at), end: valueIndexToOffset(e, at + current.value.length), newText: wanted };
}

/** A fix from a per-file edit plan: this file's edits inline, the others in otherFiles. */
export function planFix(ctx: RuleContext, title: string, plan: Map<string, OffsetEdit[]>): Fix {
	const otherFiles = [...plan.entries()].filter(([p]) => p !== ctx.path).map(([path, edits]) => ({ path, edits }));
	return { title, edits: plan.get(ctx.path) ?? [], ...(otherFiles.length ? { otherFiles } : {}) };
}

/** Range of a key=value entry's key, for findings about the whole line. */
export function entryRange(e: EntryNode): { start: number; end: number } {
	return { start: e.keyStart, end: e.valueEnd };
}

/** Document range of a SecurityLabel* setting: the key's value, or the `label=…:value` word of PodmanArgs=. */
export function labelRange(setting: LabelSetting, what: 'type' | 'level'): { start: number; end: number } {
	const e = setting.entry.entry;
	if (setting.fromPodmanArgs) {
		const word = `label=${what}:${setting.value}`;
		const i = e.value.indexOf(word);
		if (i >= 0) return { start: valueIndexToOffset(e, i), end: valueIndexToOffset(e, i + word.length) };
	}
	return { start: e.valueStart, end: e.valueEnd };
}

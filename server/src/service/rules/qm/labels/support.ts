/** Shared pieces of the label rules: which settings to look at, and the edits of their quick fixes. */
import type { ParsedUnit } from '../../../parser/ast';
import { effectiveOccurrence, hasExpansion, LABEL_KEYS, labelOccurrences, type LabelField, type LabelOccurrence } from '../../../qm/labels';
import type { QmUnit } from '../../../qm/model';
import { overlaps, normalizePath } from '../../../qm/paths';
import { isBridgePath } from '../../../qm/peers';
import type { Fix, OffsetEdit } from '../../../types';
import type { RuleContext } from '../../rule';

/** Label settings of `field` written in the checked file. */
export function occurrencesHere(ctx: RuleContext, field: LabelField): LabelOccurrence[] {
	return labelOccurrences(ctx.path, ctx.parsed, ctx.kind).filter((o) => o.field === field);
}

/** Literal SecurityLabelLevel values of the checked file (values with `%x`/`$VAR` are skipped). */
export function levelsHere(ctx: RuleContext): LabelOccurrence[] {
	return occurrencesHere(ctx, 'level').filter((o) => !hasExpansion(o.value));
}

/** `SecurityLabelLevel=x` or `--security-opt label=level:x`, as the user wrote it. */
export function shown(o: LabelOccurrence): string {
	const key = o.fromPodmanArgs ? `PodmanArgs=… --security-opt label=${o.field}` : keyOf(o.field);
	if (o.field === 'disable' || o.field === 'nested') return o.fromPodmanArgs ? key : `${key}=${o.value}`;
	return o.fromPodmanArgs ? `${key}:${o.value}` : `${key}=${o.value}`;
}

export function keyOf(field: LabelField): string {
	return LABEL_KEYS[field];
}

/** "Remove this line" (or, inside PodmanArgs=, just the `--security-opt label=…` words). */
export function removeFix(o: LabelOccurrence, preferred = true): Fix[] {
	if (!o.removal) return [];
	const what = o.fromPodmanArgs ? `the --security-opt label=${o.field}${o.field === 'disable' || o.field === 'nested' ? '' : ':…'} option` : `the ${keyOf(o.field)}= line`;
	return [{ title: `Remove ${what}`, edits: [{ ...o.removal, newText: '' }], isPreferred: preferred }];
}

/** Replaces the value of a setting (the text after `=` or after `label=level:`). */
export function replaceValueFix(o: LabelOccurrence, value: string, title?: string, preferred = true): Fix {
	return { title: title ?? `Change to ${value}`, edits: [{ start: o.start, end: o.end, newText: value }], isPreferred: preferred };
}

/**
 * Where a new `Key=value` line goes at the end of a file's last [Container] section (after its
 * last entry); a new section at the end of the file when there is none.
 */
export function insertInContainer(parsed: ParsedUnit, line: string): OffsetEdit {
	const text = parsed.text;
	const sections = parsed.sections.filter((s) => s.name === 'Container');
	const section = sections[sections.length - 1];
	if (!section) {
		const sep = text.length === 0 || text.endsWith('\n') ? '' : '\n';
		return { start: text.length, end: text.length, newText: `${sep}${text.length ? '\n' : ''}[Container]\n${line}\n` };
	}
	const last = section.entries[section.entries.length - 1];
	const lineIndex = last ? last.lastLine : section.line;
	const at = parsed.lines[lineIndex].next;
	const endsWithNewline = at > parsed.lines[lineIndex].end;
	return endsWithNewline ? { start: at, end: at, newText: `${line}\n` } : { start: at, end: at, newText: `\n${line}` };
}

/**
 * Edits that make `unit` run at `level`: the value of its effective SecurityLabelLevel (key or
 * PodmanArgs) replaced, or a `SecurityLabelLevel=` line added to its unit file.
 */
export function setLevelEdits(unit: QmUnit, level: string): { path: string; edits: OffsetEdit[] } {
	const eff = effectiveOccurrence(unit, 'level');
	if (eff) return { path: eff.path, edits: [{ start: eff.start, end: eff.end, newText: level }] };
	return { path: unit.file.path, edits: [insertInContainer(unit.file.parsed, `SecurityLabelLevel=${level}`)] };
}

/** One fix setting `level` on several units; edits of the checked file go in `edits`, the rest in `otherFiles`. */
export function setLevelFix(ctx: RuleContext, units: readonly QmUnit[], level: string, title: string, preferred = false): Fix {
	const edits: OffsetEdit[] = [];
	const others = new Map<string, OffsetEdit[]>();
	for (const u of units) {
		const e = setLevelEdits(u, level);
		if (e.path === ctx.path) edits.push(...e.edits);
		else others.set(e.path, [...(others.get(e.path) ?? []), ...e.edits]);
	}
	const fix: Fix = { title, edits, isPreferred: preferred };
	if (others.size) fix.otherFiles = [...others].map(([path, es]) => ({ path, edits: es }));
	return fix;
}

/** Last path segment, for messages. */
export function fileNameOf(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

/** The container mounts (part of, or a directory containing) the /run/ipc bridge, or names a path in it. */
export function usesBridge(unit: QmUnit): boolean {
	const touches = (p: string) => p.startsWith('/') && overlaps(normalizePath(p), '/run/ipc') && normalizePath(p) !== '/';
	return unit.mounts.some((m) => (m.source !== undefined && touches(m.source)) || touches(m.dest))
		|| unit.refs.some((r) => !r.abstract && isBridgePath(r.path));
}

import {
	CompletionItemKind, CompletionItemTag, DiagnosticSeverity, DiagnosticTag, InsertTextFormat,
	type CompletionItem, type Diagnostic as LspDiagnostic, type Position, type Range,
} from 'vscode-languageserver';
import type { Completion } from '../service/features/complete';
import type { Diagnostic, Severity } from '../service/types';
import type { ParsedUnit } from '../service/parser/ast';
import { lineAt } from '../service/parser/cursor-context';
import { pathToUri } from './uri';

/** Offsets → LSP positions through the parser's line table (UTF-16, like LSP). */
export function positionAt(parsed: ParsedUnit, offset: number): Position {
	const o = Math.max(0, Math.min(offset, parsed.text.length));
	const line = lineAt(parsed, o);
	return { line, character: o - (parsed.lines[line]?.start ?? 0) };
}

export function rangeOf(parsed: ParsedUnit, start: number, end: number): Range {
	return { start: positionAt(parsed, start), end: positionAt(parsed, end) };
}

export function offsetAt(parsed: ParsedUnit, pos: Position): number {
	const line = parsed.lines[Math.min(Math.max(pos.line, 0), parsed.lines.length - 1)];
	if (!line) return 0;
	if (pos.line >= parsed.lines.length) return parsed.text.length;
	return Math.min(line.start + Math.max(pos.character, 0), line.end);
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning,
	information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: Diagnostic, parsed: ParsedUnit, parsedOf: (path: string) => ParsedUnit | undefined): LspDiagnostic {
	const out: LspDiagnostic = {
		range: rangeOf(parsed, d.start, d.end),
		severity: SEVERITY[d.severity],
		code: d.code,
		source: 'qm-quadlet',
		message: d.message,
	};
	if (d.tags) out.tags = d.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
	if (d.related) {
		out.relatedInformation = d.related.flatMap((r) => {
			const p = parsedOf(r.path);
			return p ? [{ location: { uri: pathToUri(r.path), range: rangeOf(p, r.start, r.end) }, message: r.message }] : [];
		});
	}
	return out;
}

const COMPLETION_KIND: Record<Completion['kind'], CompletionItemKind> = {
	section: CompletionItemKind.Module, key: CompletionItemKind.Property, value: CompletionItemKind.Value,
	enum: CompletionItemKind.EnumMember, unit: CompletionItemKind.Reference, specifier: CompletionItemKind.Variable,
	snippet: CompletionItemKind.Snippet,
};

/** The items of one completion list; they mostly share one edit range, converted once. */
export function toLspCompletions(items: Completion[], parsed: ParsedUnit): CompletionItem[] {
	let last: { start: number; end: number; range: Range } | undefined;
	return items.map((c) => {
		if (!last || last.start !== c.edit.start || last.end !== c.edit.end) last = { start: c.edit.start, end: c.edit.end, range: rangeOf(parsed, c.edit.start, c.edit.end) };
		return toLspCompletion(c, parsed, last.range);
	});
}

export function toLspCompletion(c: Completion, parsed: ParsedUnit, range = rangeOf(parsed, c.edit.start, c.edit.end)): CompletionItem {
	const item: CompletionItem = {
		label: c.label,
		kind: COMPLETION_KIND[c.kind],
		textEdit: { range, newText: c.edit.newText },
		insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
	};
	if (c.detail) item.detail = c.detail;
	if (c.documentation) item.documentation = { kind: 'markdown', value: c.documentation };
	if (c.sortText) item.sortText = c.sortText;
	// Clients filter by the label when there is no filterText: don't send it twice.
	if (c.filterText && c.filterText !== c.label) item.filterText = c.filterText;
	if (c.deprecated) item.tags = [CompletionItemTag.Deprecated];
	if (c.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
	if (c.data) item.data = c.data;
	return item;
}

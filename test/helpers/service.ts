import { createLanguageService, type Diagnostic, type LanguageService, type ServiceOptions } from '../../server/src/service/index';

/** A language service over an in-memory tree: { "/etc/containers/systemd/a.container": "..." }. */
export function serviceWith(files: Record<string, string>, options: ServiceOptions = {}): LanguageService {
	const s = createLanguageService(options);
	for (const [path, text] of Object.entries(files)) s.workspace.set(path, text);
	return s;
}

/** Diagnostics of one file as compact, comparable strings: "code@line:col-line:col severity". */
export function lint(files: Record<string, string>, path: string, options: ServiceOptions = {}): Diagnostic[] {
	return serviceWith(files, options).doValidation(path);
}

export function codes(diags: Diagnostic[]): string[] {
	return diags.map((d) => d.code);
}

/** Applies offset edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: { start: number; end: number; newText: string }[]): string {
	const sorted = [...edits].sort((a, b) => b.start - a.start);
	let out = text;
	for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
	return out;
}

/** Text with a "|" cursor marker → [text without marker, offset]. */
export function cursor(marked: string): [string, number] {
	const i = marked.indexOf('|');
	if (i < 0) throw new Error('no | cursor in fixture');
	return [marked.slice(0, i) + marked.slice(i + 1), i];
}

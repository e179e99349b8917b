/** Shared assertions of the generator-rule tests (rules/quadlet/*). */
import assert from 'node:assert/strict';
import type { Diagnostic, Fix, ServiceOptions } from '../../../server/src/service/index';
import { applyEdits, lint } from '../../helpers/service';

export const DIR = '/etc/containers/systemd';

/** Diagnostics with one code for `path` in a workspace of `files`. */
export function only(code: string, files: Record<string, string>, path: string, options: ServiceOptions = {}): Diagnostic[] {
	return lint(files, path, options).filter((d) => d.code === code);
}

/** The single diagnostic with `code`; fails when there is none or more than one. */
export function one(code: string, files: Record<string, string>, path: string, options: ServiceOptions = {}): Diagnostic {
	const found = only(code, files, path, options);
	assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(lint(files, path, options), null, 1)}`);
	return found[0];
}

/** The text a diagnostic covers. */
export function covered(text: string, d: { start: number; end: number }): string {
	return text.slice(d.start, d.end);
}

/**
 * Applies a fix and checks the whole result, and that every byte outside the edited ranges is
 * the original one.
 */
export function assertFix(text: string, fix: Fix | undefined, expected: string): void {
	assert.ok(fix, 'the diagnostic offers a fix');
	assert.equal(fix.otherFiles, undefined);
	const out = applyEdits(text, fix.edits);
	assert.equal(out, expected);
	const start = Math.min(...fix.edits.map((e) => e.start));
	const end = Math.max(...fix.edits.map((e) => e.end));
	assert.equal(out.slice(0, start), text.slice(0, start), 'bytes before the edit are unchanged');
	assert.equal(out.slice(out.length - (text.length - end)), text.slice(end), 'bytes after the edit are unchanged');
}

/** The fix with this title. */
export function fixNamed(d: Diagnostic, title: string): Fix | undefined {
	return d.fixes?.find((f) => f.title === title);
}

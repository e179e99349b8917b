/** Shared helpers of the socket/dependency-family tests (qm-rules §3.2). */
import assert from 'node:assert/strict';
import type { Diagnostic, Fix } from '../../../../server/src/service/index';
import { applyEdits, serviceWith } from '../../../helpers/service';
import { readTree } from '../../../helpers/tree';

/** Fixture tree of a rule: test/fixtures/qm/<id-without-prefix>/<variant>. */
export function tree(rule: string, variant: string): Record<string, string> {
	return readTree(`qm/${rule}/${variant}`);
}

/** Diagnostics with `code` for `path` in a workspace of `files`. */
export function findings(files: Record<string, string>, path: string, code: string): Diagnostic[] {
	return serviceWith(files).doValidation(path).filter((d) => d.code === code);
}

/** Every diagnostic with `code` in every file of the workspace, as "path: covered text". */
export function everywhere(files: Record<string, string>, code: string): string[] {
	const s = serviceWith(files);
	const out: string[] = [];
	for (const p of Object.keys(files).sort()) {
		for (const d of s.doValidation(p)) if (d.code === code) out.push(`${p}: ${files[p].slice(d.start, d.end)}`);
	}
	return out;
}

/** Every diagnostic of every file, with its path. */
export function allDiagnostics(files: Record<string, string>): (Diagnostic & { path: string })[] {
	const s = serviceWith(files);
	return Object.keys(files).sort().flatMap((p) => s.doValidation(p).map((d) => ({ ...d, path: p })));
}

/** The one diagnostic with `code` in `path`. */
export function one(files: Record<string, string>, path: string, code: string): Diagnostic {
	const found = findings(files, path, code);
	assert.equal(found.length, 1, `expected one ${code} in ${path}, got ${JSON.stringify(found, null, 1)}`);
	return found[0];
}

/** The text a diagnostic covers. */
export function covered(files: Record<string, string>, path: string, d: { start: number; end: number }): string {
	return files[path].slice(d.start, d.end);
}

/** The fix with this title. */
export function fixNamed(d: Diagnostic, title: string): Fix | undefined {
	return d.fixes?.find((f) => f.title === title);
}

/** Applies a fix of the checked file and returns the whole resulting text (the fix touches no other file). */
export function applied(text: string, fix: Fix | undefined): string {
	assert.ok(fix, 'the diagnostic offers a fix');
	assert.equal(fix.otherFiles, undefined, 'the fix edits only this file');
	return applyEdits(text, fix.edits);
}

/** The QM rule ids of this family. */
export const FAMILY = /^qm\/(socket-|unit-dep-|boundary-hard-dependency$|service-type-|service-user-group$)/;

/** Helpers shared by the QM rule-family tests: fixture trees and the findings of one rule. */
import assert from 'node:assert/strict';
import type { Diagnostic, Fix } from '../../server/src/service/index';
import { applyEdits, serviceWith } from './service';
import { readTree } from './tree';

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

/** The one diagnostic with `code` in `path`. */
export function one(files: Record<string, string>, path: string, code: string): Diagnostic {
	const found = findings(files, path, code);
	assert.equal(found.length, 1, `expected one ${code} in ${path}, got ${JSON.stringify(found, null, 1)}`);
	return found[0];
}

export function covered(files: Record<string, string>, path: string, d: { start: number; end: number }): string {
	return files[path].slice(d.start, d.end);
}

/** The diagnostic with `code` in `path` whose range covers exactly `text`. */
export function at(files: Record<string, string>, path: string, code: string, text: string, nth = 0): Diagnostic {
	const found = findings(files, path, code).filter((d) => files[path].slice(d.start, d.end) === text);
	assert.ok(found.length > nth, `expected ${code} on "${text}" in ${path}; got ${JSON.stringify(findings(files, path, code).map((d) => files[path].slice(d.start, d.end)))}`);
	return found[nth];
}

/** The fix titled like `title` (substring) of a diagnostic. */
export function fixOf(d: Diagnostic, title: string): Fix {
	const fix = d.fixes?.find((f) => f.title.includes(title));
	assert.ok(fix, `no fix "${title}" in ${JSON.stringify(d.fixes?.map((f) => f.title))}`);
	return fix;
}

/** The text of `path` after applying a fix (edits of this file only). */
export function applied(files: Record<string, string>, path: string, fix: Fix): string {
	assert.equal(fix.otherFiles, undefined, 'the fix edits only this file');
	return applyEdits(files[path], fix.edits);
}

/** A copy of `files` with one file replaced/added. */
export function withFile(files: Record<string, string>, path: string, text: string): Record<string, string> {
	return { ...files, [path]: text };
}

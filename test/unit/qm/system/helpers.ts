/** Shared helpers of the QM paths/system/dropins rule tests (fixture trees under test/fixtures/qm/). */
import assert from 'node:assert/strict';
import type { Diagnostic, Fix, ServiceOptions } from '../../../../server/src/service/index';
import { applyEdits, lint } from '../../../helpers/service';
import { readTree, serviceForTree } from '../../../helpers/tree';

/** Diagnostics with `code` for every file of a fixture tree, as "path → diagnostics" (files without any are left out). */
export function treeFindings(tree: string, code: string, options: ServiceOptions = {}): Map<string, Diagnostic[]> {
	const s = serviceForTree(tree, options);
	const out = new Map<string, Diagnostic[]>();
	for (const path of Object.keys(readTree(tree))) {
		const found = s.doValidation(path).filter((d) => d.code === code);
		if (found.length) out.set(path, found);
	}
	return out;
}

/** Asserts that no file of the tree gets `code`. */
export function assertSilent(tree: string, code: string, options: ServiceOptions = {}): void {
	const found = treeFindings(tree, code, options);
	assert.deepEqual([...found.entries()].map(([p, ds]) => `${p}: ${ds.map((d) => d.message).join(' | ')}`), [], `${tree} must not get ${code}`);
}

/** The diagnostics with `code` of one file of a fixture tree. */
export function inTree(tree: string, path: string, code: string, options: ServiceOptions = {}): Diagnostic[] {
	return serviceForTree(tree, options).doValidation(path).filter((d) => d.code === code);
}

/** Diagnostics with `code` for `path` in an in-memory workspace. */
export function only(code: string, files: Record<string, string>, path: string, options: ServiceOptions = {}): Diagnostic[] {
	return lint(files, path, options).filter((d) => d.code === code);
}

/** The text a diagnostic covers. */
export function covered(text: string, d: { start: number; end: number }): string {
	return text.slice(d.start, d.end);
}

/** Text of one fixture file. */
export function fixtureText(tree: string, path: string): string {
	const t = readTree(tree)[path];
	assert.ok(t !== undefined, `${tree}${path} exists`);
	return t;
}

/** Applies a fix (edits in this file only) and compares the whole resulting text. */
export function assertFix(text: string, fix: Fix | undefined, expected: string): void {
	assert.ok(fix, 'the diagnostic offers a fix');
	assert.equal(fix.otherFiles, undefined);
	assert.equal(applyEdits(text, fix.edits), expected);
}

export const VENDOR = '/usr/share/containers/systemd/qm.container';
export const BOUNDARY_DIR = '/etc/containers/systemd/qm.container.d';
export const QM_DIR = '/etc/qm/containers/systemd';

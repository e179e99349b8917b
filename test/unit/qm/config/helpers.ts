/** Shared helpers of the engine-configuration rule tests (qm-rules §7.2, §7.3). */
import assert from 'node:assert/strict';
import type { Diagnostic, Fix } from '../../../../server/src/service/index';
import { applyEdits, serviceWith } from '../../../helpers/service';
import { readTree } from '../../../helpers/tree';
export { findings } from '../../../helpers/qm-findings';
import { findings } from '../../../helpers/qm-findings';

/** Fixture tree test/fixtures/qm/config/<rule>/<variant> as { "/etc/…": text }. */
export function tree(rule: string, variant: string): Record<string, string> {
	return readTree(`qm/config/${rule}/${variant}`);
}

/** Every diagnostic with `code` in every file, as "path: covered text (severity)". */
export function everywhere(files: Record<string, string>, code: string): string[] {
	const s = serviceWith(files);
	const out: string[] = [];
	for (const p of Object.keys(files).sort()) {
		for (const d of s.doValidation(p)) if (d.code === code) out.push(`${p}: ${files[p].slice(d.start, d.end)} (${d.severity})`);
	}
	return out;
}


/** The diagnostic with `code` in `path` whose range covers exactly `text`. */
export function at(files: Record<string, string>, path: string, code: string, text: string): Diagnostic {
	const all = findings(files, path, code);
	const found = all.find((d) => files[path].slice(d.start, d.end) === text);
	assert.ok(found, `expected ${code} on "${text}" in ${path}; got ${JSON.stringify(all.map((d) => files[path].slice(d.start, d.end)))}`);
	return found;
}

export function fixOf(d: Diagnostic, title: string): Fix {
	const fix = d.fixes?.find((f) => f.title.includes(title));
	assert.ok(fix, `no fix "${title}" in ${JSON.stringify(d.fixes?.map((f) => f.title))}`);
	return fix;
}

/** The text of `path` after a fix (edits of this file only). */
export function applied(files: Record<string, string>, path: string, fix: Fix): string {
	assert.equal(fix.otherFiles, undefined, 'the fix edits only this file');
	return applyEdits(files[path], fix.edits);
}

export function withFile(files: Record<string, string>, path: string, text: string): Record<string, string> {
	return { ...files, [path]: text };
}

export function without(files: Record<string, string>, path: string): Record<string, string> {
	const copy = { ...files };
	delete copy[path];
	return copy;
}

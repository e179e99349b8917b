/** Shared helpers of the label-rule tests: fixture trees under test/fixtures/qm/<rule>/<variant>/. */
import type { Diagnostic, Fix } from '../../../../server/src/service/index';
import { applyEdits } from '../../../helpers/service';
import { readTree, serviceForTree } from '../../../helpers/tree';

export const QM = '/etc/qm/containers/systemd';
export const HOST = '/etc/containers/systemd';

/** The files of a fixture tree. */
export function files(rule: string, variant: string): Record<string, string> {
	return readTree(`qm/${rule}/${variant}`);
}

/** Findings of `qm/<rule>` in one file of the tree. */
export function findings(rule: string, variant: string, path: string): Diagnostic[] {
	return serviceForTree(`qm/${rule}/${variant}`).doValidation(path).filter((d) => d.code === `qm/${rule}`);
}

/** Findings of `qm/<rule>` in every file of the tree, as "path: text-under-range". */
export function allFindings(rule: string, variant: string): string[] {
	const s = serviceForTree(`qm/${rule}/${variant}`);
	const out: string[] = [];
	for (const [path, text] of Object.entries(files(rule, variant))) {
		for (const d of s.doValidation(path)) if (d.code === `qm/${rule}`) out.push(`${path}: ${text.slice(d.start, d.end)}`);
	}
	return out.sort();
}

/** Text under a finding's range. */
export function spanOf(text: string, d: Diagnostic): string {
	return text.slice(d.start, d.end);
}

/** Every file after applying a fix of a finding reported in `path` (other files included). */
export function applyFix(all: Record<string, string>, path: string, fix: Fix): Record<string, string> {
	const out = { ...all };
	out[path] = applyEdits(all[path], fix.edits);
	for (const o of fix.otherFiles ?? []) out[o.path] = applyEdits(all[o.path], o.edits);
	return out;
}

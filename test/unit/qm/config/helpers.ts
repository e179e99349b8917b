/** Shared helpers of the engine-configuration rule tests (qm-rules §7.2, §7.3). */
import { serviceWith } from '../../../helpers/service';
import { readTree } from '../../../helpers/tree';
export { findings, at, fixOf, applied, withFile } from '../../../helpers/qm-findings';

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

export function without(files: Record<string, string>, path: string): Record<string, string> {
	const copy = { ...files };
	delete copy[path];
	return copy;
}

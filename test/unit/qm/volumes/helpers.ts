/** Shared helpers of the volume-family tests (qm-rules §4.3). */
import { serviceWith } from '../../../helpers/service';
import { readTree } from '../../../helpers/tree';
export { findings, at, fixOf, applied, withFile } from '../../../helpers/qm-findings';

/** Fixture tree of a rule: test/fixtures/qm/<id-without-prefix>/<variant>. */
export function tree(rule: string, variant: 'bad' | 'good'): Record<string, string> {
	return readTree(`qm/${rule}/${variant}`);
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

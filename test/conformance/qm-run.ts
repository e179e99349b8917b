/**
 * Lints every tree of ../shared/corpus/qm-upstream and compares with EXPECTED.md.
 * Bar (issue 3): every listed finding of the four required families at the listed severity,
 * and no warning/error that the row doesn't list. Prints a report; exit 1 below the bar.
 *   node out/test/conformance/qm-run.js [--all]   (--all: judge every family, not just the four)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createLanguageService, type Diagnostic } from '../../server/src/service/index';
import { getUnitFileInfo } from '../../server/src/service/unit-path';
import { SHARED } from '../helpers/paths';
import { loadExpected, REQUIRED_FAMILY, type ExpectedFile } from './qm-expected';

export interface QmFileResult {
	tree: string;
	file: string;
	row: string;
	linted: boolean;
	missing: string[];
	unexpected: string[];
	diagnostics: Diagnostic[];
}

const ROOT = resolve(SHARED, 'corpus', 'qm-upstream');

function filesUnder(dir: string): string[] {
	const out: string[] = [];
	for (const n of readdirSync(dir)) {
		const p = join(dir, n);
		if (statSync(p).isDirectory()) out.push(...filesUnder(p)); else out.push(p);
	}
	return out;
}

/** Lints one tree as a root filesystem ("/" = the tree folder). */
export function lintTree(tree: string): Map<string, Diagnostic[]> {
	const dir = join(ROOT, tree);
	const service = createLanguageService();
	const paths: string[] = [];
	for (const f of filesUnder(dir)) {
		const system = '/' + relative(dir, f).split('\\').join('/');
		if (!getUnitFileInfo(system).kind) continue;
		service.workspace.set(system, readFileSync(f, 'utf8'));
		paths.push(system);
	}
	const out = new Map<string, Diagnostic[]>();
	for (const p of paths) out.set(p.slice(1), service.doValidation(p));
	return out;
}

export function judge(all = false): QmFileResult[] {
	const expected = loadExpected(join(ROOT, 'EXPECTED.md'));
	const byTree = new Map<string, ExpectedFile[]>();
	for (const e of expected) byTree.set(e.tree, [...(byTree.get(e.tree) ?? []), e]);
	const results: QmFileResult[] = [];
	for (const [tree, rows] of byTree) {
		if (!existsSync(join(ROOT, tree))) continue;
		const linted = lintTree(tree);
		for (const row of rows) {
			const diags = linted.get(row.file);
			const relevant = (id: string) => all || REQUIRED_FAMILY.test(id);
			const missing: string[] = [];
			const unexpected: string[] = [];
			if (diags) {
				for (const exp of row.expected) {
					if (!relevant(exp.id)) continue;
					const n = diags.filter((d) => d.code === exp.id && d.severity === exp.severity).length;
					if (n < exp.count) missing.push(`${exp.severity} ${exp.id}${exp.count > 1 ? ` ×${exp.count} (got ${n})` : ''}`);
				}
				for (const d of diags) {
					if (d.severity !== 'error' && d.severity !== 'warning') continue;
					const listed = row.expected.some((e) => e.id === d.code && e.severity === d.severity) || (row.allowed.has(d.code) && !row.forbidden.has(d.code));
					if (!listed && (all || REQUIRED_FAMILY.test(d.code) || !d.code.startsWith('qm/'))) unexpected.push(`${d.severity} ${d.code}: ${d.message}`);
				}
			} else {
				for (const exp of row.expected) if (relevant(exp.id)) missing.push(`${exp.severity} ${exp.id} (file not linted: not a unit file)`);
			}
			results.push({ tree, file: row.file, row: row.row, linted: diags !== undefined, missing, unexpected, diagnostics: diags ?? [] });
		}
	}
	return results;
}

export function report(results: QmFileResult[]): { text: string; ok: boolean } {
	const bad = results.filter((r) => r.missing.length || r.unexpected.length);
	const lines: string[] = [];
	for (const r of bad) {
		lines.push(`${r.row} ${r.tree}/${r.file}`);
		for (const m of r.missing) lines.push(`    missing    ${m}`);
		for (const u of r.unexpected) lines.push(`    unexpected ${u}`);
	}
	lines.push(`qm-upstream: ${results.length - bad.length}/${results.length} files as expected`);
	return { text: lines.join('\n'), ok: bad.length === 0 };
}

if (require.main === module) {
	if (!existsSync(ROOT)) {
		console.log('qm-upstream conformance skipped: ../shared/corpus/qm-upstream is not present');
	} else {
		const { text, ok } = report(judge(process.argv.includes('--all')));
		console.log(text);
		process.exitCode = ok ? 0 : 1;
	}
}

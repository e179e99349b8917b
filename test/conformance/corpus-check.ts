/**
 * The conformance check behind `npm run conformance` and conformance.test.ts: lints podman's own
 * quadlet test corpus the way podman's e2e harness runs it (quadlet-spec §11) and compares the
 * verdicts with what the real generator does, then lints the installed QM files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createLanguageService, type Diagnostic } from '../../server/src/service/index';
import { getUnitFileInfo } from '../../server/src/service/unit-path';
import { HAVE_SHARED, SHARED } from '../helpers/paths';

export const CORPUS = resolve(SHARED, 'corpus');
const PODMAN = join(CORPUS, 'podman-quadlet');
const TSV = join(CORPUS, 'podman-quadlet-expected.tsv');
const REAL = join(CORPUS, 'qm-upstream', 'real');
/** Where the files of one test run are placed in the in-memory workspace (a fresh quadlet dir). */
const QUADLET_DIR = '/tmp/quadlet-conformance';

export interface Row {
	path: string;
	unitType: string;
	outcome: 'ok' | 'fail';
	stderr: string;
	table: string;
	notes: string;
}

export interface Mismatch {
	file: string;
	expected: string;
	problems: string[];
}

export interface Tally {
	reported: number;
	total: number;
}

export interface ConformanceResult {
	/** Set when ../shared/corpus is absent: nothing was checked. */
	skipped?: string;
	fail: Tally;
	ok: Tally;
	real: Tally;
	/** Per unit type: fail rows reported / total, ok rows clean / total. */
	byType: Map<string, { fail: Tally; ok: Tally }>;
	mismatches: Mismatch[];
}

export const SKIP_MESSAGE = `conformance: skipped, ${CORPUS} is not present (fresh clone without ../shared)`;

export function readRows(): Row[] {
	const lines = readFileSync(TSV, 'utf8').split('\n').filter((l) => l.trim() !== '');
	const header = lines[0].split('\t');
	const col = (name: string) => header.indexOf(name);
	return lines.slice(1).map((line) => {
		const f = line.split('\t');
		return {
			path: f[col('path')],
			unitType: f[col('unit_type')],
			outcome: f[col('expected_outcome')] === 'fail' ? 'fail' : 'ok',
			stderr: f[col('expected_stderr')] ?? '',
			table: f[col('test_table')] ?? '',
			notes: f[col('notes')] ?? '',
		};
	});
}

/** Names listed in a note such as "deps written alongside: a.network,b.volume". */
function listAfter(notes: string, label: string): string[] {
	const m = new RegExp(`${label}:\\s*([^;]+)`).exec(notes);
	return m ? m[1].split(',').map((s) => s.trim()).filter(Boolean) : [];
}

function dirOf(p: string): string {
	const i = p.lastIndexOf('/');
	return i >= 0 ? p.slice(0, i) : '';
}

function baseOf(p: string): string {
	return p.slice(p.lastIndexOf('/') + 1);
}

/**
 * The files of one harness run: the unit, its `<file>.d/` drop-ins (and `<base>@<ext>.d/` for a
 * template instance), and the dependency files written alongside it. A dependency-only file is
 * run as part of the tests that use it, so those units (and their dependencies) come along.
 */
export function harnessFiles(row: Row, rows: Map<string, Row>): Map<string, string> {
	const files = new Map<string, string>();
	const addUnit = (rel: string): void => {
		const src = join(PODMAN, rel);
		if (!existsSync(src) || files.has(rel)) return;
		files.set(rel, readFileSync(src, 'utf8'));
		const name = baseOf(rel);
		const dirs = [`${name}.d`];
		const dot = name.lastIndexOf('.');
		const at = name.indexOf('@');
		if (at >= 0 && at < dot - 1) dirs.push(`${name.slice(0, at + 1)}${name.slice(dot)}.d`);
		for (const d of dirs) {
			const dirRel = dirOf(rel) ? `${dirOf(rel)}/${d}` : d;
			const dir = join(PODMAN, dirRel);
			if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
			for (const f of readdirSync(dir).sort()) {
				if (f.endsWith('.conf')) files.set(`${dirRel}/${f}`, readFileSync(join(dir, f), 'utf8'));
			}
		}
	};
	const addWithDeps = (rel: string): void => {
		addUnit(rel);
		const r = rows.get(rel);
		if (r) for (const dep of listAfter(r.notes, 'deps written alongside')) addUnit(dep);
	};
	addWithDeps(row.path);
	for (const parent of listAfter(row.notes, 'dependency of')) addWithDeps(parent);
	return files;
}

/** The unit a drop-in row belongs to: "merged.container.d/10-first.conf" → "merged.container". */
function unitOfDropIn(row: Row): string | undefined {
	const m = /^drop-in of (\S+)/.exec(row.table);
	return m ? m[1] : undefined;
}

function position(text: string, offset: number): string {
	let line = 1;
	let last = 0;
	for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') { line++; last = i + 1; }
	return `${line}:${offset - last + 1}`;
}

function describe(file: string, text: string, d: Diagnostic): string {
	return `${file}:${position(text, d.start)} ${d.severity} ${d.code}: ${d.message}`;
}

/** Lints `target` (a path relative to the harness dir) inside the files of its run. */
function lintInRun(files: Map<string, string>, target: string): { text: string; diagnostics: Diagnostic[] } {
	const service = createLanguageService();
	for (const [rel, text] of files) service.workspace.set(`${QUADLET_DIR}/${rel}`, text);
	return { text: files.get(target) ?? '', diagnostics: service.doValidation(`${QUADLET_DIR}/${target}`) };
}

function walk(dir: string): string[] {
	return readdirSync(dir).sort().flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? walk(p) : [p];
	});
}

export function runConformance(): ConformanceResult {
	const result: ConformanceResult = {
		fail: { reported: 0, total: 0 }, ok: { reported: 0, total: 0 }, real: { reported: 0, total: 0 },
		byType: new Map(), mismatches: [],
	};
	if (!HAVE_SHARED) return { ...result, skipped: SKIP_MESSAGE };
	const rows = readRows();
	const byPath = new Map(rows.map((r) => [r.path, r]));
	for (const row of rows) {
		const unit = unitOfDropIn(row);
		const files = harnessFiles(unit ? byPath.get(unit) ?? { ...row, path: unit } : row, byPath);
		if (unit && !files.has(row.path)) files.set(row.path, readFileSync(join(PODMAN, row.path), 'utf8'));
		const { text, diagnostics } = lintInRun(files, row.path);
		const errors = diagnostics.filter((d) => d.severity === 'error');
		const type = row.unitType;
		const tallies = result.byType.get(type) ?? { fail: { reported: 0, total: 0 }, ok: { reported: 0, total: 0 } };
		result.byType.set(type, tallies);
		if (row.outcome === 'fail') {
			result.fail.total++;
			tallies.fail.total++;
			if (errors.length > 0) {
				result.fail.reported++;
				tallies.fail.reported++;
			} else {
				result.mismatches.push({
					file: `podman-quadlet/${row.path}`,
					expected: `podman refuses it: ${row.stderr}`,
					problems: diagnostics.length ? diagnostics.map((d) => describe(row.path, text, d)) : ['no diagnostics at all'],
				});
			}
		} else {
			result.ok.total++;
			tallies.ok.total++;
			if (errors.length === 0) {
				result.ok.reported++;
				tallies.ok.reported++;
			} else {
				result.mismatches.push({
					file: `podman-quadlet/${row.path}`,
					expected: `podman accepts it (${row.table}${row.notes ? `; ${row.notes}` : ''})`,
					problems: errors.map((d) => describe(row.path, text, d)),
				});
			}
		}
	}
	lintReal(result);
	return result;
}

/** Every installed QM file, at its install path, in one workspace: no errors allowed. */
function lintReal(result: ConformanceResult): void {
	if (!existsSync(REAL)) return;
	const service = createLanguageService();
	const paths = walk(REAL).map((p) => ({ abs: `/${relative(REAL, p).split('\\').join('/')}`, text: readFileSync(p, 'utf8') }));
	for (const f of paths) service.workspace.set(f.abs, f.text);
	for (const f of paths) {
		result.real.total++;
		const errors = service.doValidation(f.abs).filter((d) => d.severity === 'error');
		if (errors.length === 0) {
			result.real.reported++;
			continue;
		}
		result.mismatches.push({
			file: `qm-upstream/real${f.abs}`,
			expected: `installed by the qm package (${getUnitFileInfo(f.abs).kind ?? 'not a unit'}); no errors expected`,
			problems: errors.map((d) => describe(f.abs, f.text, d)),
		});
	}
}

export function summaryLine(r: ConformanceResult): string {
	return `conformance: fail ${r.fail.reported}/${r.fail.total} reported, ok ${r.ok.reported}/${r.ok.total} clean, qm-upstream/real ${r.real.reported}/${r.real.total} clean`;
}

/** The report printed by run.ts. */
export function formatReport(r: ConformanceResult): string {
	if (r.skipped) return r.skipped;
	const out: string[] = ['Per unit type (fail rows with an error / total, ok rows without errors / total):'];
	for (const [type, t] of [...r.byType].sort((a, b) => a[0].localeCompare(b[0]))) {
		out.push(`  ${type.padEnd(22)} fail ${t.fail.reported}/${t.fail.total}   ok ${t.ok.reported}/${t.ok.total}`);
	}
	if (r.mismatches.length) {
		out.push('', `Mismatches (${r.mismatches.length}):`);
		for (const m of r.mismatches) {
			out.push(`  ${m.file}: expected: ${m.expected}`);
			for (const p of m.problems) out.push(`      ${p}`);
		}
	}
	out.push('', summaryLine(r));
	return out.join('\n');
}

/** The bar: every refused file reported, no error on accepted or installed files. */
export function meetsBar(r: ConformanceResult): boolean {
	return r.skipped !== undefined || (r.fail.reported === r.fail.total && r.ok.reported === r.ok.total && r.real.reported === r.real.total);
}

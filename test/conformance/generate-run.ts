/**
 * `npm run conformance:generate`: runs the translator on every unit of podman's quadlet corpus
 * that podman accepts, the way podman's e2e harness runs its generator (root mode; the file,
 * its drop-in directories and the dependency files of the test table), and evaluates each `##`
 * assertion line against the result. The bar: per unit type, at least 95% of the lines hold.
 * Exits 1 below the bar, 0 with a skip line when ../shared is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateUnit, type GeneratedUnit } from '../../server/src/service/generate/index';
import { Workspace } from '../../server/src/service/workspace/workspace';
import { HAVE_SHARED } from '../helpers/paths';
import { assertionsOf, evaluate } from './assertions';
import { CORPUS, readRows, type Row } from './corpus-check';

const PODMAN = join(CORPUS, 'podman-quadlet');
/** Where the harness writes a test's files (paths in the corpus' regexes look like this). */
export const QUADLET_DIR = '/tmp/podman-e2e-qmquadlet/subtest-generate/quadlet';
export const BAR = 0.95;
export const TYPES = ['container', 'pod', 'kube', 'volume', 'network', 'image', 'build', 'artifact'];

export interface LineResult {
	file: string;
	line: string;
	ok: boolean;
	detail?: string;
}

export interface GenerateConformance {
	skipped?: string;
	/** Per unit type: assertion lines that hold / lines evaluated. */
	byType: Map<string, { held: number; total: number }>;
	failures: LineResult[];
	/** Units podman accepts that the translator refused. */
	refusedOk: { file: string; errors: string[] }[];
	/** Units podman refuses: how many the translator refuses with podman's message. */
	refused: { matched: number; total: number; misses: string[] };
	/** ServiceName table rows whose service name differs. */
	serviceNames: string[];
}

function listAfter(notes: string, label: string): string[] {
	const m = new RegExp(`${label}:\\s*([^;]+)`).exec(notes);
	return m ? m[1].split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** The files of one harness run: the unit, `<file>.d/` (+ `<base>@<ext>.d/`), the dependency files. */
export function harnessWorkspace(row: Row): Workspace {
	const ws = new Workspace();
	const add = (rel: string) => {
		const src = join(PODMAN, rel);
		if (existsSync(src) && statSync(src).isFile()) ws.set(`${QUADLET_DIR}/${rel}`, readFileSync(src, 'utf8'));
	};
	add(row.path);
	const slash = row.path.lastIndexOf('/');
	const dir = slash >= 0 ? row.path.slice(0, slash + 1) : '';
	const name = row.path.slice(slash + 1);
	const dirs = [`${name}.d`];
	const dot = name.lastIndexOf('.');
	const at = name.indexOf('@');
	if (at >= 0 && at < dot - 1) dirs.push(`${name.slice(0, at + 1)}${name.slice(dot)}.d`);
	for (const d of dirs) {
		const abs = join(PODMAN, dir + d);
		if (!existsSync(abs) || !statSync(abs).isDirectory()) continue;
		for (const f of readdirSync(abs).sort()) if (f.endsWith('.conf')) add(`${dir}${d}/${f}`);
	}
	for (const dep of listAfter(row.notes, 'deps written alongside')) add(`${dir}${dep}`);
	return ws;
}

function stderrOf(g: GeneratedUnit, fileName: string): string {
	return [...g.errors.map((e) => `converting "${fileName}": ${e}`), ...g.warnings].join('\n');
}

export function runGenerateConformance(): GenerateConformance {
	const result: GenerateConformance = {
		byType: new Map(TYPES.map((t) => [t, { held: 0, total: 0 }])),
		failures: [], refusedOk: [], refused: { matched: 0, total: 0, misses: [] }, serviceNames: [],
	};
	if (!HAVE_SHARED) return { ...result, skipped: `generate: skipped, ${CORPUS} is not present (fresh clone without ../shared)` };
	const rows = readRows();
	const byPath = new Map(rows.map((r) => [r.path, r]));
	for (const row of rows) {
		if (!TYPES.includes(row.unitType)) continue;
		const text = readFileSync(join(PODMAN, row.path), 'utf8');
		const fileName = row.path.slice(row.path.lastIndexOf('/') + 1);
		// A dependency-only file runs only inside the test of the unit that needs it.
		const parent = row.table === 'dependency-only' ? byPath.get(listAfter(row.notes, 'dependency of')[0] ?? '') : undefined;
		const g = generateUnit(harnessWorkspace(parent ?? row), `${QUADLET_DIR}/${row.path}`, { hostPathExists: existsSync });
		const stderr = stderrOf(g, fileName);
		if (row.outcome === 'fail') {
			result.refused.total++;
			const want = row.stderr.replace(/^.*?: /, '');
			if (g.errors.length && stderr.includes(want)) result.refused.matched++;
			else result.refused.misses.push(`${row.path}: expected "${row.stderr}", got ${g.errors.length ? JSON.stringify(stderr) : 'a generated unit'}`);
			continue;
		}
		if (g.errors.length) result.refusedOk.push({ file: row.path, errors: g.errors });
		const expectedName = /checked service name: (\S+?);?(\s|$)/.exec(row.notes)?.[1];
		if (expectedName && g.serviceName !== expectedName) result.serviceNames.push(`${row.path}: ${g.serviceName} instead of ${expectedName}`);
		const tally = result.byType.get(row.unitType)!;
		const target = { text: g.errors.length ? undefined : g.text, stderr, symlinks: g.symlinks };
		for (const a of assertionsOf(text)) {
			tally.total++;
			const v = evaluate(a, target);
			if (v.ok) tally.held++;
			else result.failures.push({ file: row.path, line: `## ${a.source}`, ok: false, detail: v.detail });
		}
	}
	return result;
}

function pct(t: { held: number; total: number }): string {
	return t.total ? `${((100 * t.held) / t.total).toFixed(1)}%` : 'n/a';
}

export function summaryLine(r: GenerateConformance): string {
	return `generate: ${[...r.byType].map(([t, n]) => `${t} ${pct(n)} (${n.held}/${n.total})`).join(', ')}`;
}

export function meetsBar(r: GenerateConformance): boolean {
	return r.skipped !== undefined || [...r.byType.values()].every((t) => t.total === 0 || t.held / t.total >= BAR);
}

export function formatReport(r: GenerateConformance): string {
	if (r.skipped) return r.skipped;
	const out = ['Assertion lines that hold, per unit type (podman-accepted units, root mode):', '', '  type       held / total   share'];
	for (const [t, n] of r.byType) out.push(`  ${t.padEnd(10)} ${String(n.held).padStart(4)} / ${String(n.total).padEnd(5)}  ${pct(n).padStart(6)}`);
	const all = [...r.byType.values()].reduce((a, b) => ({ held: a.held + b.held, total: a.total + b.total }), { held: 0, total: 0 });
	out.push(`  ${'all'.padEnd(10)} ${String(all.held).padStart(4)} / ${String(all.total).padEnd(5)}  ${pct(all).padStart(6)}`);
	out.push('', `Refused units podman refuses too, with its message: ${r.refused.matched}/${r.refused.total}`);
	for (const m of r.refused.misses) out.push(`  ${m}`);
	if (r.refusedOk.length) {
		out.push('', `Units podman accepts but the translator refused (${r.refusedOk.length}):`);
		for (const f of r.refusedOk) out.push(`  ${f.file}: ${f.errors.join('; ')}`);
	}
	if (r.serviceNames.length) out.push('', 'Service names that differ:', ...r.serviceNames.map((s) => `  ${s}`));
	if (r.failures.length) {
		out.push('', `Assertion lines that do not hold (${r.failures.length}):`);
		for (const f of r.failures) out.push(`  ${f.file}: ${f.line}${f.detail ? `\n      ${f.detail}` : ''}`);
	}
	out.push('', summaryLine(r));
	return out.join('\n');
}

if (require.main === module) {
	const r = runGenerateConformance();
	console.log(formatReport(r));
	process.exitCode = meetsBar(r) ? 0 : 1;
}

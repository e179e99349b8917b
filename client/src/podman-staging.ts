/**
 * The files podman's generator reads for a podman-backed preview, and what it writes back:
 * staging a unit, its drop-ins and its sibling units into a private temporary directory, then
 * reading the dry-run output with the staged paths mapped back. Node only, no `vscode` import.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { UnitSourcesResult } from './protocol';

/** Staging bounds (willibrandon's, reliability-and-ecosystem.md §A11). */
export const MAX_STAGED_FILES = 256;
export const MAX_STAGED_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_STAGED_BYTES = 16 * 1024 * 1024;

const PLAIN_NAME = /^(?!\.{1,2}$)[^/\\\0]+$/;
const DROP_IN_NAME = /^((?!\.{1,2}\/)[^/\\\0]+\.d)\/((?!\.{1,2}$)[^/\\\0]+\.conf)$/;

/** Refuses names that could leave the staging directory, and sizes beyond the bounds. */
export function checkUnitSources(src: UnitSourcesResult): string | undefined {
	if (!PLAIN_NAME.test(src.unit)) return `invalid unit name ${JSON.stringify(src.unit)}`;
	if (src.files[0]?.name !== src.unit) return 'the unit itself is missing from the sources';
	const all = [...src.files, ...src.siblings];
	if (all.length > MAX_STAGED_FILES) return `more than ${MAX_STAGED_FILES} files`;
	let total = 0;
	const seen = new Set<string>();
	for (const [i, f] of src.files.entries()) {
		if (i > 0 && !DROP_IN_NAME.test(f.name)) return `invalid drop-in name ${JSON.stringify(f.name)}`;
	}
	for (const f of src.siblings) if (!PLAIN_NAME.test(f.name)) return `invalid unit name ${JSON.stringify(f.name)}`;
	for (const f of all) {
		const bytes = Buffer.byteLength(f.text, 'utf8');
		if (bytes > MAX_STAGED_FILE_BYTES) return `${f.name} is larger than ${MAX_STAGED_FILE_BYTES} bytes`;
		total += bytes;
		if (seen.has(f.name)) return `${f.name} is listed twice`;
		seen.add(f.name);
	}
	if (total > MAX_STAGED_BYTES) return `the unit and its related files exceed ${MAX_STAGED_BYTES} bytes`;
	return undefined;
}

export interface StagedUnit {
	/** The private mkdtemp directory (mode 0700). */
	root: string;
	/** The unit and its drop-ins. */
	unitDir: string;
	/** Sibling units, in their own directory: podman drops every unit of a directory that holds a file it cannot parse. */
	refsDir: string;
	cleanup(): Promise<void>;
}

/** Writes the sources into a fresh private directory; new files only (`wx`), never through links. */
export async function stageUnitSources(src: UnitSourcesResult, parent = tmpdir()): Promise<StagedUnit> {
	const problem = checkUnitSources(src);
	if (problem) throw new Error(`refusing to stage the unit: ${problem}`);
	const root = await mkdtemp(join(parent, 'qm-quadlet-preview-'));
	const cleanup = () => rm(root, { recursive: true, force: true });
	try {
		const unitDir = join(root, 'unit');
		const refsDir = join(root, 'refs');
		for (const d of [unitDir, refsDir, join(root, 'home'), join(root, 'run')]) await mkdir(d, { mode: 0o700 });
		for (const f of src.files) {
			const target = join(unitDir, f.name);
			if (f.name.includes('/')) await mkdir(dirname(target), { recursive: true, mode: 0o700 });
			await writeFile(target, f.text, { flag: 'wx', mode: 0o600 });
		}
		for (const f of src.siblings) await writeFile(join(refsDir, f.name), f.text, { flag: 'wx', mode: 0o600 });
		return { root, unitDir, refsDir, cleanup };
	} catch (e) {
		await cleanup();
		throw e;
	}
}

/** Dry-run output: `---<name>.service---` then the unit, for every unit generated. */
export function parseDryRun(stdout: string): Map<string, string> {
	const out = new Map<string, string>();
	const re = /^---(.+?)---$/gm;
	const heads: { name: string; start: number; end: number }[] = [];
	let m: RegExpExecArray | null;
	while ((m = re.exec(stdout)) !== null) heads.push({ name: m[1], start: m.index, end: m.index + m[0].length + 1 });
	heads.forEach((h, i) => {
		const body = stdout.slice(h.end, i + 1 < heads.length ? heads[i + 1].start : stdout.length);
		out.set(h.name, body.replace(/\n+$/, '\n'));
	});
	return out;
}

/** Replaces staged paths by the source directory (and the staging root by a placeholder). */
export function unstagePaths(text: string, staging: Pick<StagedUnit, 'root' | 'unitDir' | 'refsDir'>, sourceDir: string): string {
	return text.split(staging.unitDir).join(sourceDir).split(staging.refsDir).join(sourceDir).split(staging.root).join('<staging>');
}

/** The generator's stderr lines about this unit (prefix `quadlet-generator[PID]: ` removed). */
export function messagesAbout(stderr: string, unit: string): { errors: string[]; warnings: string[] } {
	const errors: string[] = [];
	const warnings: string[] = [];
	for (const raw of stderr.split('\n')) {
		const line = raw.replace(/^quadlet-generator\[\d+\]: /, '').trim();
		if (!line || !line.includes(unit)) continue;
		if (/^(converting|error|Error)/.test(line) || /\berror\b/i.test(line)) errors.push(line);
		else if (/warn/i.test(line)) warnings.push(line);
	}
	return { errors, warnings };
}

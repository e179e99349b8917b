import { promises as fs } from 'node:fs';
import { join, resolve, relative, sep } from 'node:path';
import { getUnitFileInfo } from '../service/unit-path';

export interface CollectedFile {
	/** Path as shown to the user: relative to the working directory, normalised. */
	display: string;
	/** Absolute path on this machine. */
	real: string;
	/** Path as the target system sees it (after --root), used for domain inference. */
	system: string;
	text: string;
}

export interface CollectResult {
	files: CollectedFile[];
	errors: string[];
}

const SKIP = new Set(['node_modules', '.git']);
const HARD_READ_LIMIT = 256 * 1024 * 1024;

/** Expands the given paths into unit files and reads them, collecting I/O errors as messages. */
export async function collectFiles(paths: string[], root: string | undefined, maxBytes: number): Promise<CollectResult> {
	const errors: string[] = [];
	const found = new Map<string, void>();
	const absRoot = root ? resolve(root) : undefined;
	if (absRoot) {
		try {
			if (!(await fs.stat(absRoot)).isDirectory()) errors.push(`--root ${root}: not a directory`);
		} catch (e) { errors.push(`--root ${root}: ${describe(e)}`); }
	}
	const visited = new Set<string>();
	async function walk(dir: string, depth: number): Promise<void> {
		let real: string;
		try { real = await fs.realpath(dir); } catch (e) { errors.push(`${show(dir)}: ${describe(e)}`); return; }
		if (!inside(real)) { errors.push(`${show(dir)}: symbolic link to ${real}, outside the linted paths; skipped`); return; }
		if (visited.has(real) || depth > 64) return;
		visited.add(real);
		let entries: import('node:fs').Dirent[];
		try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch (e) { errors.push(`${show(dir)}: ${describe(e)}`); return; }
		entries.sort((a, b) => (a.name < b.name ? -1 : 1));
		for (const d of entries) {
			const p = join(dir, d.name);
			if (d.isDirectory()) { if (!SKIP.has(d.name)) await walk(p, depth + 1); continue; }
			if (d.isSymbolicLink()) {
				let st;
				try { st = await fs.stat(p); } catch (e) { errors.push(`${show(p)}: broken symbolic link (${describe(e)})`); continue; }
				if (st.isDirectory()) { await walk(p, depth + 1); continue; }
			}
			if (getUnitFileInfo(p).kind) found.set(p);
		}
	}
	// Symbolic links are followed only while they stay inside the paths we were given (and --root):
	// a link in a unit tree must not make us read elsewhere on the machine.
	const roots: string[] = [];
	for (const p of [...paths, ...(absRoot ? [absRoot] : [])]) {
		try { roots.push(await fs.realpath(resolve(p))); } catch { /* reported below */ }
	}
	const inside = (real: string) => roots.some((r) => real === r || real.startsWith(r.endsWith(sep) ? r : r + sep));
	for (const p of paths) {
		const abs = resolve(p);
		let st;
		try { st = await fs.stat(abs); } catch (e) { errors.push(`${p}: ${describe(e)}`); continue; }
		if (st.isDirectory()) await walk(abs, 0);
		else found.set(abs);
	}
	const files: CollectedFile[] = [];
	for (const real of found.keys()) {
		try {
			const target = await fs.realpath(real);
			if (!inside(target)) { errors.push(`${show(real)}: symbolic link to ${target}, outside the linted paths; skipped`); continue; }
			const st = await fs.stat(real);
			if (!st.isFile()) { errors.push(`${show(real)}: not a regular file`); continue; }
			// Files over the analysis limit are still listed (with one notice from the service);
			// only absurd sizes are not even read.
			if (st.size > Math.max(maxBytes, HARD_READ_LIMIT)) { errors.push(`${show(real)}: ${st.size} bytes is too large to read; skipped`); continue; }
			const buf = await fs.readFile(real);
			const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(buf);
			files.push({ display: show(real), real, system: systemPath(real, absRoot), text });
		} catch (e) {
			errors.push(`${show(real)}: ${describe(e)}`);
		}
	}
	return { files, errors };
}

/** With --root, DIR/etc/x is /etc/x; files outside DIR keep their own absolute path. */
function systemPath(real: string, absRoot: string | undefined): string {
	const posix = real.split(sep).join('/');
	if (!absRoot) return posix;
	const rel = relative(absRoot, real);
	if (rel.startsWith('..') || rel === '') return posix;
	return '/' + rel.split(sep).join('/');
}

function show(p: string): string {
	const rel = relative(process.cwd(), p);
	// Always relative to the working directory (with ../ when needed), never an absolute path.
	return (rel === '' ? '.' : rel).split(sep).join('/');
}

function describe(e: unknown): string {
	const err = e as NodeJS.ErrnoException;
	switch (err.code) {
		case 'ENOENT': return 'no such file or directory';
		case 'EACCES': return 'permission denied';
		case 'ELOOP': return 'symbolic link loop';
		case 'EISDIR': return 'is a directory';
		default: return err.message ?? String(e);
	}
}

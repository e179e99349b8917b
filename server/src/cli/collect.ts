import * as fs from 'node:fs';
import { resolve, relative, sep } from 'node:path';
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

/**
 * Expands the given paths into unit files and reads them, collecting I/O errors as messages.
 * Synchronous on purpose: one process reading one tree gains nothing from the thread pool, and
 * the sync calls skip a promise and a pool hop per file (the floor of `npm run bench` reads the
 * same way). `onFound` learns how many files were found before they are read.
 */
export async function collectFiles(paths: string[], root: string | undefined, maxBytes: number, onFound?: (count: number) => void): Promise<CollectResult> {
	const errors: string[] = [];
	/** Absolute path → its real path when already known (a regular file in a resolved directory). */
	const found = new Map<string, string | undefined>();
	const absRoot = root ? resolve(root) : undefined;
	if (absRoot) {
		try {
			if (!fs.statSync(absRoot).isDirectory()) errors.push(`--root ${root}: not a directory`);
		} catch (e) { errors.push(`--root ${root}: ${describe(e)}`); }
	}
	const visited = new Set<string>();
	function walk(dir: string, depth: number): void {
		let real: string;
		try { real = fs.realpathSync(dir); } catch (e) { errors.push(`${show(dir)}: ${describe(e)}`); return; }
		if (!inside(real)) { errors.push(`${show(dir)}: symbolic link to ${real}, outside the linted paths; skipped`); return; }
		if (visited.has(real) || depth > 64) return;
		visited.add(real);
		let entries: fs.Dirent[];
		try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { errors.push(`${show(dir)}: ${describe(e)}`); return; }
		entries.sort((a, b) => (a.name < b.name ? -1 : 1));
		for (const d of entries) {
			const p = childPath(dir, d.name);
			if (d.isDirectory()) { if (!SKIP.has(d.name)) walk(p, depth + 1); continue; }
			if (d.isSymbolicLink()) {
				let st;
				try { st = fs.statSync(p); } catch (e) { errors.push(`${show(p)}: broken symbolic link (${describe(e)})`); continue; }
				if (st.isDirectory()) { walk(p, depth + 1); continue; }
				if (getUnitFileInfo(p).kind) found.set(p, undefined);
				continue;
			}
			if (getUnitFileInfo(p).kind) found.set(p, d.isFile() ? childPath(real, d.name) : undefined);
		}
	}
	// Symbolic links are followed only while they stay inside the paths we were given (and --root):
	// a link in a unit tree must not make us read elsewhere on the machine.
	const roots: string[] = [];
	for (const p of [...paths, ...(absRoot ? [absRoot] : [])]) {
		try { roots.push(fs.realpathSync(resolve(p))); } catch { /* reported below */ }
	}
	const inside = (real: string) => roots.some((r) => real === r || real.startsWith(r.endsWith(sep) ? r : r + sep));
	for (const p of paths) {
		const abs = resolve(p);
		let st;
		try { st = fs.statSync(abs); } catch (e) { errors.push(`${p}: ${describe(e)}`); continue; }
		if (st.isDirectory()) walk(abs, 0);
		else found.set(abs, undefined);
	}
	onFound?.(found.size);
	const files: CollectedFile[] = [];
	const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
	for (const [abs, knownReal] of found) {
		let fd: number | undefined;
		try {
			const target = knownReal ?? fs.realpathSync(abs);
			if (!inside(target)) { errors.push(`${show(abs)}: symbolic link to ${target}, outside the linted paths; skipped`); continue; }
			fd = fs.openSync(abs, 'r');
			const st = fs.fstatSync(fd);
			if (!st.isFile()) { errors.push(`${show(abs)}: not a regular file`); continue; }
			// Files over the analysis limit are still listed (with one notice from the service);
			// only absurd sizes are not even read.
			if (st.size > Math.max(maxBytes, HARD_READ_LIMIT)) { errors.push(`${show(abs)}: ${st.size} bytes is too large to read; skipped`); continue; }
			const text = decoder.decode(fs.readFileSync(fd));
			files.push({ display: show(abs), real: abs, system: systemPath(abs, absRoot), text });
		} catch (e) {
			errors.push(`${show(abs)}: ${describe(e)}`);
		} finally {
			if (fd !== undefined) fs.closeSync(fd);
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

/**
 * dir + name without path.join: directory entries never hold separators, and join's normalising
 * was the largest cost of listing a small tree on a cold start.
 */
function childPath(dir: string, name: string): string {
	return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

function show(p: string): string {
	const cwd = process.cwd();
	if (p.startsWith(cwd + sep)) return p.slice(cwd.length + 1).split(sep).join('/');
	const rel = relative(cwd, p);
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

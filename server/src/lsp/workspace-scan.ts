import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { getUnitFileInfo } from '../service/unit-path';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test']);

export interface ScanResult {
	files: string[];
	truncated: boolean;
	errors: string[];
}

/**
 * Finds unit and drop-in files under `root` (breadth-first, symlink loops ignored, bounded by
 * `maxFiles`). Reading happens later and lazily, so a huge tree costs only its directory walk.
 */
export async function scanForUnits(root: string, maxFiles: number): Promise<ScanResult> {
	const files: string[] = [];
	const errors: string[] = [];
	const seen = new Set<string>();
	const queue: string[] = [root];
	let truncated = false;
	while (queue.length > 0) {
		const dir = queue.shift() as string;
		let real: string;
		try { real = await fs.realpath(dir); } catch { continue; }
		if (seen.has(real)) continue;
		seen.add(real);
		let entries: import('node:fs').Dirent[];
		try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch (e) { errors.push(`${dir}: ${(e as Error).message}`); continue; }
		for (const d of entries) {
			const p = join(dir, d.name);
			if (d.isDirectory() || (d.isSymbolicLink() && await isDir(p))) {
				if (!SKIP_DIRS.has(d.name)) queue.push(p);
			} else if (getUnitFileInfo(p).kind) {
				if (files.length >= maxFiles) { truncated = true; return { files, truncated, errors }; }
				files.push(p);
			}
		}
	}
	return { files, truncated, errors };
}

async function isDir(p: string): Promise<boolean> {
	try { return (await fs.stat(p)).isDirectory(); } catch { return false; }
}

/** Reads a unit file as text; invalid UTF-8 becomes U+FFFD, which the parser reports. */
export async function readUnitText(path: string, maxBytes: number): Promise<string | undefined> {
	try {
		const st = await fs.stat(path);
		if (!st.isFile()) return undefined;
		// Too large to analyse: not indexed (an open editor still gets a notice for it).
		if (st.size > maxBytes) return undefined;
		const buf = await fs.readFile(path);
		return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(buf);
	} catch {
		return undefined;
	}
}

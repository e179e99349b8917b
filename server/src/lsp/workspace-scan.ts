import * as fs from 'node:fs';
import { resolve, sep } from 'node:path';
import { getUnitFileInfo } from '../service/unit-path';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test']);

/** Work done between two yields to the event loop while indexing (requests wait at most ~2×). */
export const INDEX_SLICE_MS = 10;

export interface IndexOptions {
	/** At most this many unit files are taken (found, whether read or not). */
	maxFiles: number;
	/** Files larger than this many bytes are not read. */
	maxBytes: number;
	/** Receives each file read, in breadth-first order. */
	onFile(path: string, text: string): void;
	/** Files found but not to be read (e.g. open in the editor, whose text wins). */
	skip?(path: string): boolean;
	/** Checked at every yield: stop early (e.g. shutdown). */
	cancelled?(): boolean;
	/** Milliseconds of work between yields (default INDEX_SLICE_MS). */
	sliceMs?: number;
	/** How to give the event loop a turn (default: setImmediate, after pending I/O). */
	yieldNow?(): Promise<void>;
}

export interface IndexResult {
	/** Unit files found (counted against maxFiles), read or not. */
	found: number;
	/** Files handed to onFile. */
	read: number;
	truncated: boolean;
	cancelled: boolean;
	errors: string[];
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Finds the unit and drop-in files under `root` and reads them: breadth-first, symlinked
 * directories followed once (loops ignored), bounded by `maxFiles`.
 *
 * Synchronous file system calls in time slices: a file costs open + fstat + read + close and no
 * promise or thread-pool hop (the async version spent most of its time there), and the event
 * loop gets a turn every `sliceMs` so requests and cancellations are served while indexing.
 * A directory entry that says "regular file" is read without a stat of its own; symbolic links
 * are stat'ed to tell directories from files; other types (FIFOs, sockets) are never opened.
 */
export async function indexUnits(root: string, opts: IndexOptions): Promise<IndexResult> {
	const result: IndexResult = { found: 0, read: 0, truncated: false, cancelled: false, errors: [] };
	const sliceMs = opts.sliceMs ?? INDEX_SLICE_MS;
	const yieldNow = opts.yieldNow ?? yieldToEventLoop;
	let sliceStart = Date.now();
	/** Gives the event loop a turn; true when indexing should stop. */
	const yieldTurn = async (): Promise<boolean> => {
		await yieldNow();
		sliceStart = Date.now();
		return opts.cancelled?.() === true;
	};

	// Normalised once; below, paths are built by concatenation (what path.join would give).
	const top = resolve(root);
	let rootReal: string;
	try { rootReal = fs.realpathSync(top); } catch { return result; }
	const seen = new Set<string>();
	// A directory reached through a plain entry has its parent's real path plus its name; only
	// symbolic links need resolving.
	const queue: { path: string; real: string }[] = [{ path: top, real: rootReal }];
	for (let qi = 0; qi < queue.length; qi++) {
		const { path: dir, real } = queue[qi];
		if (seen.has(real)) continue;
		seen.add(real);
		let entries: fs.Dirent[];
		try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { result.errors.push(`${dir}: ${(e as Error).message}`); continue; }
		const prefix = dir.endsWith(sep) ? dir : dir + sep;
		const realPrefix = real.endsWith(sep) ? real : real + sep;
		for (const d of entries) {
			const p = prefix + d.name;
			let isFile = d.isFile();
			if (d.isDirectory()) {
				if (!SKIP_DIRS.has(d.name)) queue.push({ path: p, real: realPrefix + d.name });
				continue;
			}
			if (d.isSymbolicLink()) {
				let st: fs.Stats | undefined;
				try { st = fs.statSync(p); } catch { st = undefined; /* broken: counted, not read */ }
				if (st?.isDirectory()) {
					if (!SKIP_DIRS.has(d.name)) {
						try { queue.push({ path: p, real: fs.realpathSync(p) }); } catch { /* vanished */ }
					}
					continue;
				}
				isFile = st?.isFile() === true;
			}
			if (!getUnitFileInfo(p).kind) continue;
			if (result.found >= opts.maxFiles) { result.truncated = true; return result; }
			result.found++;
			if (!isFile || opts.skip?.(p)) continue;
			const text = readUnitTextSync(p, opts.maxBytes);
			if (text !== undefined) {
				opts.onFile(p, text);
				result.read++;
			}
			if (Date.now() - sliceStart >= sliceMs && await yieldTurn()) { result.cancelled = true; return result; }
		}
		if (Date.now() - sliceStart >= sliceMs && await yieldTurn()) { result.cancelled = true; return result; }
	}
	return result;
}

/** Reads a unit file as text; invalid UTF-8 becomes U+FFFD, which the parser reports. */
export async function readUnitText(path: string, maxBytes: number): Promise<string | undefined> {
	return readUnitTextSync(path, maxBytes);
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
/** Reused for files up to this size (the bytes are copied into the decoded string). */
const SCRATCH_MAX = 256 * 1024;
let scratch = Buffer.allocUnsafe(16 * 1024);
// Never block in open(): a FIFO or device that replaced a regular file is rejected by fstat.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Synchronous read of one unit file: undefined when it is not a regular file, is larger than
 * `maxBytes` (too large to analyse: not indexed; an open editor still gets a notice for it) or
 * cannot be read.
 */
export function readUnitTextSync(path: string, maxBytes: number): string | undefined {
	let fd: number | undefined;
	try {
		fd = fs.openSync(path, OPEN_FLAGS);
		const st = fs.fstatSync(fd);
		if (!st.isFile() || st.size > maxBytes) return undefined;
		if (st.size === 0) {
			// Empty, or a file whose size the kernel does not report: read to the end.
			const all = fs.readFileSync(fd);
			return all.length > maxBytes ? undefined : decoder.decode(all);
		}
		const size = st.size;
		let buf = scratch;
		if (size > buf.length) {
			buf = Buffer.allocUnsafe(size);
			if (size <= SCRATCH_MAX) scratch = buf;
		}
		// Like readFileSync: the size fstat reported (a file growing meanwhile is re-read on change).
		let got = 0;
		while (got < size) {
			const n = fs.readSync(fd, buf, got, size - got, null);
			if (n === 0) break;
			got += n;
		}
		return decoder.decode(buf.subarray(0, got));
	} catch {
		return undefined;
	} finally {
		if (fd !== undefined) {
			try { fs.closeSync(fd); } catch { /* already closed */ }
		}
	}
}

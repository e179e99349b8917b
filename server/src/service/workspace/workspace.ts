import { parseUnit } from '../parser/parse-unit';
import type { ParsedUnit } from '../parser/ast';
import { baseName, dirName, dropInDirNames, getUnitFileInfo, isQuadletKind, searchRootKey, type UnitFileInfo } from '../unit-path';

/** One file known to the workspace: its text, parse tree and identity. */
export interface WorkspaceFile {
	path: string;
	text: string;
	parsed: ParsedUnit;
	info: UnitFileInfo;
}

/**
 * An in-memory index of unit files. The editor and the CLI feed it texts; rules read other
 * files only through it. Pure: no file system access here.
 */
export class Workspace {
	private readonly files = new Map<string, WorkspaceFile>();
	private readonly byUnitName = new Map<string, Set<string>>();
	private readonly dropInsByDir = new Map<string, Set<string>>();
	private version = 0;
	/** Bumped when a drop-in is added, changed or removed: the drop-in caches below key on it. */
	private dropInVersion = 0;
	private readonly dirCache = new Map<string, { byPath: WorkspaceFile[]; byPrecedence: WorkspaceFile[] }>();
	private readonly forCache = new WeakMap<WorkspaceFile, { version: number; list: readonly WorkspaceFile[] }>();

	/** Bumped on every change; caches keyed on it stay valid until the next change. */
	get generation(): number { return this.version; }

	/** The last changes (generation after the change, path), so derived data can be patched. */
	private readonly changeLog: { generation: number; path: string }[] = [];

	/**
	 * Paths set or deleted since `generation`, or undefined when that is too far back to know
	 * (then derived data must be rebuilt from scratch).
	 */
	changedSince(generation: number): ReadonlySet<string> | undefined {
		const out = new Set<string>();
		if (generation === this.version) return out;
		if (generation > this.version || this.changeLog.length === 0 || this.changeLog[0].generation > generation + 1) return undefined;
		for (let i = this.changeLog.length - 1; i >= 0 && this.changeLog[i].generation > generation; i--) out.add(this.changeLog[i].path);
		return out;
	}

	private logChange(path: string): void {
		this.changeLog.push({ generation: this.version, path });
		if (this.changeLog.length > 64) this.changeLog.splice(0, this.changeLog.length - 32);
	}

	set(path: string, text: string, parsed?: ParsedUnit): WorkspaceFile {
		const old = this.files.get(path);
		if (old && old.text === text) return old;
		if (old) this.unindex(old);
		const file: WorkspaceFile = { path, text, parsed: parsed ?? parseUnit(text), info: getUnitFileInfo(path) };
		this.files.set(path, file);
		this.index(file);
		this.version++;
		this.logChange(path);
		if (file.info.dropIn || old?.info.dropIn) this.dropInsChanged();
		return file;
	}

	delete(path: string): void {
		const old = this.files.get(path);
		if (!old) return;
		this.unindex(old);
		this.files.delete(path);
		this.version++;
		this.logChange(path);
		if (old.info.dropIn) this.dropInsChanged();
	}

	/**
	 * Typing in a unit changes the generation on every keystroke but not the drop-in layout, so
	 * the drop-in look-ups (which every model build asks for every unit) survive unit edits.
	 */
	private dropInsChanged(): void {
		this.dropInVersion++;
		this.dirCache.clear();
	}

	get(path: string): WorkspaceFile | undefined {
		return this.files.get(path);
	}

	all(): IterableIterator<WorkspaceFile> {
		return this.files.values();
	}

	get size(): number { return this.files.size; }

	/** Unit files (not drop-ins) with this file name, e.g. "web.container". */
	unitsNamed(fileName: string): WorkspaceFile[] {
		const paths = this.byUnitName.get(fileName);
		if (!paths) return [];
		const out: WorkspaceFile[] = [];
		for (const p of paths) {
			const f = this.files.get(p);
			if (f) out.push(f);
		}
		return out;
	}

	/** Unit files (not drop-ins) of one kind, listed once per generation. */
	unitsOfKind(kind: string): WorkspaceFile[] {
		if (!this.kindCache || this.kindCache.generation !== this.version) {
			const byKind = new Map<string, WorkspaceFile[]>();
			for (const f of this.files.values()) {
				if (f.info.dropIn || !f.info.kind) continue;
				const list = byKind.get(f.info.kind) ?? [];
				list.push(f);
				byKind.set(f.info.kind, list);
			}
			this.kindCache = { generation: this.version, byKind };
		}
		return this.kindCache.byKind.get(kind) ?? [];
	}

	private kindCache: { generation: number; byKind: Map<string, WorkspaceFile[]> } | undefined;

	/** Drop-in files in directories with this name (e.g. "web.container.d"), sorted by path. Shared: do not mutate. */
	dropInsInDir(dirNameD: string): readonly WorkspaceFile[] {
		return this.dirEntry(dirNameD).byPath;
	}

	private dirEntry(dirNameD: string): { byPath: WorkspaceFile[]; byPrecedence: WorkspaceFile[] } {
		let e = this.dirCache.get(dirNameD);
		if (!e) {
			const paths = this.dropInsByDir.get(dirNameD);
			const byPath = paths ? [...paths].sort().map((p) => this.files.get(p)).filter((f): f is WorkspaceFile => f !== undefined) : [];
			// Within one directory name, podman's search order decides which same-named file wins.
			const byPrecedence = byPath.map((f) => ({ f, rank: searchPrecedence(f.path) })).sort((a, b) => a.rank - b.rank || (a.f.path < b.f.path ? -1 : 1)).map((x) => x.f);
			e = { byPath, byPrecedence };
			this.dirCache.set(dirNameD, e);
		}
		return e;
	}

	/**
	 * The drop-ins that apply to a unit, in podman's order: for each base name the most specific
	 * directory wins, and the survivors are applied in alphabetical order of base name. Only
	 * directories under the same search root as the unit count.
	 */
	dropInsFor(unit: WorkspaceFile, sameRoot: (a: string, b: string) => boolean = sameDirectory): readonly WorkspaceFile[] {
		if (unit.info.dropIn || !unit.info.kind) return [];
		const cacheable = sameRoot === sameDirectory;
		const hit = cacheable ? this.forCache.get(unit) : undefined;
		if (hit && hit.version === this.dropInVersion) return hit.list;
		const chosen = new Map<string, WorkspaceFile>();
		const unitDir = dirName(unit.path);
		for (const name of dropInDirNames(unit.info.fileName)) {
			for (const f of this.dirEntry(name).byPrecedence) {
				if (!sameRoot(dirName(dirName(f.path)), unitDir)) continue;
				if (!chosen.has(f.info.fileName)) chosen.set(f.info.fileName, f);
			}
		}
		const list = chosen.size === 0 ? NO_FILES : [...chosen.values()].sort((a, b) => (a.info.fileName < b.info.fileName ? -1 : a.info.fileName > b.info.fileName ? 1 : 0));
		if (cacheable) this.forCache.set(unit, { version: this.dropInVersion, list });
		return list;
	}

	private index(f: WorkspaceFile): void {
		if (f.info.dropIn) {
			addTo(this.dropInsByDir, f.info.dropIn.dirName, f.path);
		} else if (f.info.kind) {
			addTo(this.byUnitName, f.info.fileName, f.path);
		}
	}

	private unindex(f: WorkspaceFile): void {
		if (f.info.dropIn) this.dropInsByDir.get(f.info.dropIn.dirName)?.delete(f.path);
		else this.byUnitName.get(f.info.fileName)?.delete(f.path);
	}
}

const NO_FILES: readonly WorkspaceFile[] = [];

/** podman reads /run before /etc before /usr/share (host and QM alike); other paths last. */
export function searchPrecedence(path: string): number {
	if (/(^|\/)run\/containers\/systemd\//.test(path)) return 0;
	if (/(^|\/)etc\/(qm\/)?containers\/systemd\//.test(path)) return 1;
	if (/(^|\/)usr\/share\/containers\/systemd\//.test(path)) return 2;
	return 3;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
	let set = map.get(key);
	if (!set) { set = new Set(); map.set(key, set); }
	set.add(value);
}

/** Default search-root test: podman's search directories of one domain share drop-ins. */
function sameDirectory(dropInParent: string, unitDir: string): boolean {
	return dropInParent === unitDir || searchRootKey(dropInParent) === searchRootKey(unitDir);
}

export { baseName, isQuadletKind };

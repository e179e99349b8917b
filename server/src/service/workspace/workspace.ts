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

	/** Bumped on every change; caches keyed on it stay valid until the next change. */
	get generation(): number { return this.version; }

	set(path: string, text: string, parsed?: ParsedUnit): WorkspaceFile {
		const old = this.files.get(path);
		if (old && old.text === text) return old;
		if (old) this.unindex(old);
		const file: WorkspaceFile = { path, text, parsed: parsed ?? parseUnit(text), info: getUnitFileInfo(path) };
		this.files.set(path, file);
		this.index(file);
		this.version++;
		return file;
	}

	delete(path: string): void {
		const old = this.files.get(path);
		if (!old) return;
		this.unindex(old);
		this.files.delete(path);
		this.version++;
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

	/** Drop-in files in directories with this name (e.g. "web.container.d"), sorted by path. */
	dropInsInDir(dirNameD: string): WorkspaceFile[] {
		const paths = this.dropInsByDir.get(dirNameD);
		if (!paths) return [];
		return [...paths].sort().map((p) => this.files.get(p)).filter((f): f is WorkspaceFile => f !== undefined);
	}

	/**
	 * The drop-ins that apply to a unit, in podman's order: for each base name the most specific
	 * directory wins, and the survivors are applied in alphabetical order of base name. Only
	 * directories under the same search root as the unit count.
	 */
	dropInsFor(unit: WorkspaceFile, sameRoot: (a: string, b: string) => boolean = sameDirectory): WorkspaceFile[] {
		if (unit.info.dropIn || !unit.info.kind) return [];
		const chosen = new Map<string, WorkspaceFile>();
		for (const name of dropInDirNames(unit.info.fileName)) {
			// Within one directory name, podman's search order decides which same-named file wins.
			const inDir = this.dropInsInDir(name).sort((a, b) => searchPrecedence(a.path) - searchPrecedence(b.path) || (a.path < b.path ? -1 : 1));
			for (const f of inDir) {
				if (!sameRoot(dirName(dirName(f.path)), dirName(unit.path))) continue;
				if (!chosen.has(f.info.fileName)) chosen.set(f.info.fileName, f);
			}
		}
		return [...chosen.values()].sort((a, b) => (a.info.fileName < b.info.fileName ? -1 : a.info.fileName > b.info.fileName ? 1 : 0));
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

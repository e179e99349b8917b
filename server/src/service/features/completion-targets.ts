import { extensionOf, searchRootKey, dirName, serviceNameFor } from '../unit-path';
import type { Workspace, WorkspaceFile } from '../workspace/workspace';

/**
 * Unit files that a reference value (`Network=`, `Volume=`, `Pod=`, `Image=` …) can name, indexed
 * instead of scanned: completion runs on every keystroke, and a scan of a 10k-file workspace
 * (a regex per path) per request cost tens of milliseconds. Which files can be named depends only
 * on their paths, so the index survives edits of file contents; only adding or removing a file
 * rebuilds it.
 */

/** A unit file as completion offers it. */
export interface ReferenceTarget {
	readonly path: string;
	/** The name to write, e.g. "data.volume". */
	readonly fileName: string;
	/** "data-volume.service · /etc/containers/systemd/data.volume" */
	readonly detail: string;
}

class Entry implements ReferenceTarget {
	private shown: string | undefined;
	constructor(readonly path: string, readonly fileName: string, readonly root: string) {}

	// Most entries are never shown (lists are cut to the typed text): build the string on demand.
	get detail(): string {
		this.shown ??= `${serviceNameFor(this.fileName)} · ${this.path}`;
		return this.shown;
	}
}

/** Files sharing one file name under one search root, in workspace order (the first one is named). */
type Group = Entry[];

interface PathIndex {
	generation: number;
	/** Every path of the workspace in workspace order: same-named files are picked by it. */
	order: string[];
	/** Every path of the workspace, with its entry when the file is a unit (not a drop-in). */
	paths: Map<string, Entry | undefined>;
	/** Unit entries by extension, in workspace order. */
	byExt: Map<string, Entry[]>;
	/** Groups sorted by file name, per "extensions\0root"; root "*" means every root. */
	groups: Map<string, Group[]>;
}

const indexes = new WeakMap<Workspace, PathIndex>();

function indexOf(workspace: Workspace): PathIndex {
	const old = indexes.get(workspace);
	if (old && old.generation === workspace.generation) return old;
	if (old && samePaths(old, workspace)) {
		old.generation = workspace.generation;
		return old;
	}
	const order: string[] = [];
	const paths = new Map<string, Entry | undefined>();
	const byExt = new Map<string, Entry[]>();
	// Many files share a directory: one regex per directory, not per file.
	const roots = new Map<string, string>();
	const entryOf = (f: WorkspaceFile): Entry => {
		const dir = dirName(f.path);
		let root = roots.get(dir);
		if (root === undefined) { root = searchRootKey(dir); roots.set(dir, root); }
		return new Entry(f.path, f.info.fileName, root);
	};
	for (const f of workspace.all()) {
		const entry = isTarget(f) ? (old?.paths.get(f.path) ?? entryOf(f)) : undefined;
		order.push(f.path);
		paths.set(f.path, entry);
		if (!entry) continue;
		const ext = extensionOf(entry.fileName);
		const list = byExt.get(ext);
		if (list) list.push(entry); else byExt.set(ext, [entry]);
	}
	const index = { generation: workspace.generation, order, paths, byExt, groups: new Map() };
	indexes.set(workspace, index);
	return index;
}

/** Same paths in the same order (a content edit): a comparison per file instead of a rebuild. */
function samePaths(index: PathIndex, workspace: Workspace): boolean {
	if (index.order.length !== workspace.size) return false;
	let i = 0;
	for (const f of workspace.all()) if (index.order[i++] !== f.path) return false;
	return true;
}

function isTarget(f: WorkspaceFile): boolean {
	return !f.info.dropIn && f.info.kind !== undefined;
}

function groupsFor(index: PathIndex, exts: string[], root: string): Group[] {
	const cacheKey = `${exts.join(',')}\u0000${root}`;
	let groups = index.groups.get(cacheKey);
	if (groups) return groups;
	const byName = new Map<string, Group>();
	for (const ext of exts) {
		for (const e of index.byExt.get(ext) ?? []) {
			if (root !== '*' && e.root !== root) continue;
			// A file name carries its extension, so each group holds one extension's files in workspace order.
			const g = byName.get(e.fileName);
			if (g) g.push(e); else byName.set(e.fileName, [e]);
		}
	}
	groups = [...byName.values()].sort((a, b) => (a[0].fileName < b[0].fileName ? -1 : 1));
	index.groups.set(cacheKey, groups);
	return groups;
}

/**
 * Units of the given extensions (".volume") that `file` can name, one per file name, sorted by
 * file name: those under the file's own search root (domain); every root when the file is
 * outside the known search roots.
 */
export function referenceTargets(workspace: Workspace, file: WorkspaceFile, extensions: string[]): ReferenceTarget[] {
	const index = indexOf(workspace);
	const exts = [...new Set(extensions.map((e) => e.slice(1)))];
	const root = index.paths.get(file.path)?.root ?? searchRootKey(dirName(file.path));
	const groups = groupsFor(index, exts, root.startsWith('dir:') ? '*' : root);
	const out: ReferenceTarget[] = [];
	for (const g of groups) {
		// The file itself is never offered, but a same-named file elsewhere under its root is.
		const e = g[0].path !== file.path ? g[0] : g[1];
		if (e) out.push(e);
	}
	return out;
}

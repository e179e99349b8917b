import { dropInDirNames } from '../unit-path';
import type { Workspace, WorkspaceFile } from './workspace';

const cache = new WeakMap<Workspace, { generation: number; byDir: Map<string, readonly WorkspaceFile[]> }>();

/**
 * The units (not drop-ins) of a kind whose drop-in search includes directories named `dirNameD`
 * (`web.container.d`, `web-.container.d`, `container.d`), sorted by path. Kept per workspace
 * generation: a truncated-name or top-level directory matches thousands of units, and every
 * drop-in in it asks the same question.
 */
export function unitsReadingDir(workspace: Workspace, kind: string, dirNameD: string): readonly WorkspaceFile[] {
	let c = cache.get(workspace);
	if (!c || c.generation !== workspace.generation) {
		c = { generation: workspace.generation, byDir: new Map() };
		cache.set(workspace, c);
	}
	const key = `${kind}\u0000${dirNameD}`;
	let list = c.byDir.get(key);
	if (!list) {
		list = workspace.unitsOfKind(kind).filter((f) => dropInDirNames(f.info.fileName).includes(dirNameD)).sort((a, b) => (a.path < b.path ? -1 : 1));
		c.byDir.set(key, list);
	}
	return list;
}

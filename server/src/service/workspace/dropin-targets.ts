import { dropInDirNames } from '../unit-path';
import type { Workspace, WorkspaceFile } from './workspace';

const cache = new WeakMap<Workspace, { generation: number; byKindDir: Map<string, WorkspaceFile[]> }>();
const NONE: readonly WorkspaceFile[] = [];

/**
 * The units (not drop-ins) of a kind whose drop-in search includes directories named `dirNameD`
 * (`web.container.d`, `web-.container.d`, `container.d`), sorted by path. Built once per
 * workspace generation for every directory name at once (each unit lists its few names), so a
 * truncated-name or top-level directory, which matches thousands of units, costs nothing extra.
 */
export function unitsReadingDir(workspace: Workspace, kind: string, dirNameD: string): readonly WorkspaceFile[] {
	let c = cache.get(workspace);
	if (!c || c.generation !== workspace.generation) {
		const byKindDir = new Map<string, WorkspaceFile[]>();
		for (const f of workspace.all()) {
			if (f.info.dropIn || !f.info.kind) continue;
			for (const d of dropInDirNames(f.info.fileName)) {
				const key = `${f.info.kind}\u0000${d}`;
				const list = byKindDir.get(key);
				if (list) list.push(f); else byKindDir.set(key, [f]);
			}
		}
		for (const list of byKindDir.values()) list.sort((a, b) => (a.path < b.path ? -1 : 1));
		c = { generation: workspace.generation, byKindDir };
		cache.set(workspace, c);
	}
	return c.byKindDir.get(`${kind}\u0000${dirNameD}`) ?? NONE;
}

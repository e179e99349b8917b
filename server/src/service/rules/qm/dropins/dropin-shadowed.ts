import { defineRule } from '../../rule';
import { baseName, dirName, dropInDirNames, isQuadletKind, searchRootKey } from '../../../unit-path';
import { searchPrecedence, type Workspace, type WorkspaceFile } from '../../../workspace/workspace';
import { unitsReadingDir } from '../../../workspace/dropin-targets';

/**
 * Diagnostic: qm/dropin-shadowed
 * A drop-in podman ignores because a file with the same name exists in a more specific drop-in
 * directory (web.container.d/ over web-.container.d/ over container.d/) or in a higher-precedence
 * quadlet directory (/run over /etc over /usr/share).
 */
export default defineRule({
	id: 'qm/dropin-shadowed',
	defaultSeverity: 'information',
	title: 'Drop-in hidden by a same-named drop-in',
	why: 'For each drop-in file name quadlet keeps only the first file it finds, searching the most specific directory and the highest-precedence quadlet directory first; the other files of that name are ignored.',
	fix: 'Rename one of the files (drop-ins are merged when their names differ).',
	appliesTo: (ctx) => !!ctx.info.dropIn && isQuadletKind(ctx.kind) && ctx.domain.domain !== 'unknown',
	check(ctx) {
		const me = ctx.workspace.get(ctx.path);
		if (!me) return;
		const root = searchRootKey(dirName(dirName(ctx.path)));
		// Units this drop-in could apply to; without any, compare with same-named directories only.
		const dirNameD = ctx.info.dropIn!.dirName;
		const pool = ctx.info.dropIn!.scope === 'unit'
			? ctx.workspace.unitsNamed(ctx.info.unitName).filter((f) => dropInDirNames(f.info.fileName).includes(dirNameD))
			: unitsReadingDir(ctx.workspace, ctx.kind, dirNameD);
		const units = pool.filter((f) => searchRootKey(dirName(f.path)) === root);
		const orders: { unit: string; dirs: string[] }[] = units.length
			? units.map((u) => ({ unit: u.info.fileName, dirs: dropInDirNames(u.info.fileName) }))
			: [{ unit: ctx.info.unitName, dirs: [ctx.info.dropIn!.dirName] }];
		const winners = new Map<string, { winner: WorkspaceFile; units: string[] }>();
		// Most units of a shared directory search the same directory list: ask once per list.
		const byDirs = new Map<string, WorkspaceFile | undefined>();
		for (const { unit, dirs } of orders) {
			const key = dirs.join('/');
			if (!byDirs.has(key)) byDirs.set(key, firstWithName(ctx.workspace, ctx.info.fileName, dirs, root, ctx.kind));
			const winner = byDirs.get(key);
			if (!winner || winner.path === ctx.path) continue;
			const w = winners.get(winner.path) ?? { winner, units: [] };
			w.units.push(unit);
			winners.set(winner.path, w);
		}
		const first = ctx.parsed.sections[0];
		const line = ctx.parsed.lines[0];
		for (const { winner, units: hidden } of winners.values()) {
			const sameDir = baseName(dirName(winner.path)) === ctx.info.dropIn!.dirName;
			ctx.report({
				start: first ? first.start : line?.start ?? 0, end: first ? first.end : line?.end ?? 0,
				message: `${winner.path} has the same name and ${sameDir ? 'sits in a quadlet directory searched earlier' : 'sits in a more specific drop-in directory'}, so podman ignores this file for ${hidden.join(', ')}. Rename one of them if both should apply.`,
				related: [{ path: winner.path, start: winner.parsed.sections[0]?.start ?? 0, end: winner.parsed.sections[0]?.end ?? 0, message: 'the drop-in podman uses instead' }],
			});
		}
	},
});

/** The file podman keeps for this name: most specific directory first, then directory precedence. */
function firstWithName(workspace: Workspace, name: string, dirs: string[], root: string, kind: string): WorkspaceFile | undefined {
	for (const d of dirs) {
		const inDir = workspace.dropInsInDir(d)
			.filter((f) => f.info.kind === kind && f.info.fileName === name && searchRootKey(dirName(dirName(f.path))) === root)
			.sort((a, b) => searchPrecedence(a.path) - searchPrecedence(b.path) || (a.path < b.path ? -1 : 1));
		if (inDir.length) return inDir[0];
	}
	return undefined;
}

import { isTrue, splitWordsWithOffsets } from '../../../model/unit-view';
import { isUnder, normalizePath } from '../../../qm/paths';
import type { Fix } from '../../../types';
import { defineRule } from '../../rule';
import { insertAfterEntry, rangeIn } from './support';

/**
 * Diagnostic: qm/socket-bridge-runtime-directory
 * A host socket unit of the ASIL→QM bridge (listening under /run/ipc/) that owns the bridge
 * directory with RuntimeDirectory= but does not preserve it. systemd removes a unit's runtime
 * directory when the unit stops; the running QM partition keeps its bind mount of the old
 * directory, so after the socket restarts, the new socket is in a directory QM no longer sees
 * and the bridge silently breaks until QM restarts (issues #469/#854). Inferred from systemd's
 * and podman's documented behaviour, hence a warning.
 */
export default defineRule({
	id: 'qm/socket-bridge-runtime-directory',
	defaultSeverity: 'warning',
	title: 'Bridge socket removes /run/ipc when it stops (RuntimeDirectory= without RuntimeDirectoryPreserve=yes)',
	why: 'systemd deletes RuntimeDirectory= when the unit stops; QM keeps a bind mount of the deleted directory, so the ASIL→QM bridge breaks silently until the partition restarts.',
	fix: 'Add RuntimeDirectoryPreserve=yes, or drop RuntimeDirectory= (systemd creates the parent directories of ListenStream= itself), or create /run/ipc with tmpfiles.d.',
	appliesTo: (ctx) => ctx.domain.domain === 'asil' && ctx.kind === 'socket',
	check(ctx) {
		const socket = ctx.qmUnit();
		if (!socket) return;
		const bridge = socket.listens.filter((l) => !l.abstract && isUnder(l.path, '/run/ipc')).map((l) => l.path);
		if (!bridge.length) return;
		const preserve = socket.view.last('Socket', 'RuntimeDirectoryPreserve');
		if (preserve && isTrue(preserve.entry.value.trim())) return;
		for (const at of socket.view.lookupAll('Socket', 'RuntimeDirectory')) {
			if (at.path !== ctx.path) continue;
			for (const w of splitWordsWithOffsets(at.entry.value)) {
				const dir = normalizePath(`/run/${w.word.split(':')[0]}`);
				if (!bridge.some((p) => isUnder(p, dir))) continue;
				const fixes: Fix[] = [];
				if (preserve && preserve.path === ctx.path) {
					fixes.push({ title: 'Change to RuntimeDirectoryPreserve=yes', edits: [{ start: preserve.entry.valueStart, end: preserve.entry.valueEnd, newText: 'yes' }], isPreferred: true });
				} else {
					fixes.push({ title: 'Add RuntimeDirectoryPreserve=yes', edits: [insertAfterEntry(ctx, at, ['RuntimeDirectoryPreserve=yes'])], isPreferred: true });
				}
				ctx.report({
					...rangeIn(at, w.start, w.end - w.start),
					message: `RuntimeDirectory=${w.word} makes ${dir} this socket's runtime directory, which systemd deletes whenever the socket stops${preserve ? ` (RuntimeDirectoryPreserve=${preserve.entry.value.trim()} does not keep it across a stop)` : ''}. The running QM partition keeps its bind mount of the old ${dir}, so once the socket restarts, its new socket is in a directory QM no longer sees, and the ASIL→QM bridge breaks silently until QM restarts. Add RuntimeDirectoryPreserve=yes, or drop RuntimeDirectory= (systemd creates the parent directories of ListenStream= itself) and create ${dir} with tmpfiles.d.`,
					fixes,
				});
			}
		}
	},
});

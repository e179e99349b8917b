import { defineRule } from '../../rule';
import { bridgeUses, hostServesBridgePath, ipcBridge, useRange, type PathUse } from '../../../qm/ipc-bridge';
import { overlaps } from '../../../qm/paths';
import { inDomain } from '../support';

/**
 * Diagnostic: qm/ipc-qm-qm-in-bridge
 * Two or more QM containers share a path under /run/ipc and nothing on the host (no .socket, no
 * server container or service) uses that path: QM-internal IPC is going through the ASIL bridge.
 * /run/ipc is the host's directory, visible to the host; QM↔QM sockets belong in QM's own /run.
 */
export default defineRule({
	id: 'qm/ipc-qm-qm-in-bridge',
	defaultSeverity: 'warning',
	title: 'QM↔QM IPC through the ASIL /run/ipc bridge',
	why: '/run/ipc is the host directory shared with ASIL (ipc_var_run_t); IPC between QM services belongs in QM\'s /run (containers/qm docs/ipc.md), and plain qm_container_t cannot create sockets in the bridge anyway.',
	fix: 'Use a QM directory such as Volume=/run/<app>/:/run/<app>/ on both containers, with the same SecurityLabelLevel= on both (or put them in one .pod).',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && (ctx.kind === 'container' || ctx.kind === 'pod'),
	check(ctx) {
		const unit = ctx.qmUnit();
		if (!unit) return;
		const bridge = ipcBridge(ctx.qm());
		// Without any host file in the workspace, the host side of the bridge is simply not visible.
		if (!bridge.hasHostSide) return;
		const mine = bridgeUses(unit);
		for (const use of mine) {
			if (use.entry.path !== ctx.path) continue;
			if (hostServesBridgePath(bridge, use.path).length) continue;
			const peers: PathUse[] = bridge.qmUsers.filter((o) => o.unit !== unit && overlaps(o.path, use.path));
			if (!peers.length) continue;
			const names = [...new Set(peers.map((p) => p.unit.fileName))];
			ctx.report({
				...useRange(use),
				message: `${use.raw} (${use.entry.entry.key}=) is shared only with QM ${names.join(', ')}; no host socket, container or service in the workspace uses it. /run/ipc is the ASIL↔QM bridge, the host's directory; IPC between QM containers belongs in QM's own /run, e.g. Volume=/run/<app>/:/run/<app>/ on both with the same SecurityLabelLevel=.`,
				related: peers.map((p) => ({ path: p.entry.path, ...useRange(p), message: `${p.unit.fileName} uses ${p.raw} too` })),
			});
			return; // one finding per file: the first shared path
		}
	},
});

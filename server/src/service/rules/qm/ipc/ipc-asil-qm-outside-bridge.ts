import { defineRule, type RuleContext } from '../../rule';
import type { RelatedLocation } from '../../../types';
import { ipcBridge, moveUnderBridgeEdits, exposureFile, exposuresOf, pathUses, useRange, type Exposure, type PathUse } from '../../../qm/ipc-bridge';
import { isUnder } from '../../../qm/paths';
import type { QmModel } from '../../../qm/model';
import { inDomain } from '../support';
import { planFix } from './shared';

/**
 * Diagnostic: qm/ipc-asil-qm-outside-bridge
 * The QM boundary binds a host /run path other than /run/ipc (or the bluechi socket) into the
 * partition, or a host socket / QM quadlet relies on such a bind. ASIL↔QM socket IPC must go
 * through /run/ipc, whose ipc_var_run_t label is what the policy lets both sides use; any other
 * /run directory is an unlabelled side channel around the partition.
 */
export default defineRule({
	id: 'qm/ipc-asil-qm-outside-bridge',
	defaultSeverity: 'error',
	title: 'ASIL↔QM IPC path outside the /run/ipc bridge',
	why: 'ASIL↔QM sockets must live in the dedicated /run/ipc directory labelled ipc_var_run_t (containers/qm docs/ipc.md); a boundary bind of another host /run path is an unsanctioned channel between the partitions that the QM policy does not label for it.',
	fix: 'Move the socket to /run/ipc/<name> on both sides (the quick fix rewrites the boundary Volume=, the host socket and the QM users) and follow the four bridge pieces: host .socket, ipc_t server, qm.container.d Volume=/run/ipc/:/run/ipc/, qm_container_ipc_t client.',
	appliesTo: (ctx) => inDomain(ctx, 'qm-boundary', 'asil', 'qm'),
	check(ctx) {
		const unit = ctx.qmUnit();
		if (!unit) return;
		const model = ctx.qm();
		if (ctx.domain.domain === 'qm-boundary' || ctx.domain.alsoBoundary) {
			for (const x of exposuresOf(unit)) {
				if (x.kind !== 'run-other' || x.use.entry.path !== ctx.path) continue;
				reportExposure(ctx, model, x);
			}
			return;
		}
		const side = ctx.domain.domain;
		for (const x of ipcBridge(model).exposures) {
			if (x.kind !== 'run-other') continue;
			const root = side === 'asil' ? x.hostPath : x.qmPath;
			for (const use of pathUses(unit)) {
				if (use.entry.path !== ctx.path || !isUnder(use.path, root)) continue;
				reportUser(ctx, model, x, use, side === 'asil');
			}
		}
	},
});

/** The path a /run path gets under the bridge: /run/app/x.sock → /run/ipc/app/x.sock. */
function bridged(p: string): string {
	return isUnder(p, '/run') && p !== '/run' ? `/run/ipc/${p.slice('/run/'.length)}` : '/run/ipc/<name>';
}

function bind(x: Exposure): string {
	return `${x.mount.via}=${x.mount.entry.entry.value.trim()}`;
}

function usersOf(model: QmModel, x: Exposure): PathUse[] {
	const out: PathUse[] = [];
	for (const u of model.units) {
		if (u === x.unit) continue;
		const side = u.domain.domain;
		if (side !== 'asil' && side !== 'qm') continue;
		const root = side === 'asil' ? x.hostPath : x.qmPath;
		out.push(...pathUses(u).filter((p) => isUnder(p.path, root)));
	}
	return out;
}

function fixesFor(ctx: RuleContext, model: QmModel, x: Exposure) {
	const plan = moveUnderBridgeEdits(model, x);
	if (!plan) return undefined;
	return [{ ...planFix(ctx, `Move ${x.hostPath} under /run/ipc/ on both sides (${bridged(x.hostPath)})`, plan), isPreferred: true }];
}

function reportExposure(ctx: RuleContext, model: QmModel, x: Exposure): void {
	const related: RelatedLocation[] = usersOf(model, x).map((u) => ({
		path: u.entry.path, ...useRange(u),
		message: u.unit.domain.domain === 'asil'
			? `host ${u.unit.fileName} uses ${u.path}, which QM reaches only through this bind`
			: `QM ${u.unit.fileName} uses ${u.path}, which exists only because of this bind`,
	}));
	ctx.report({
		...useRange(x.use),
		message: `${bind(x)} binds the host's ${x.hostPath} into the QM partition (as ${x.qmPath}). ASIL↔QM sockets may cross only through /run/ipc, labelled ipc_var_run_t for the host ipc_t server and the QM qm_container_ipc_t client; any other /run path is an unsanctioned channel around the partition. Move it under the bridge on both sides (${bridged(x.hostPath)}, host socket and QM users included), or bind Volume=/run/ipc/:/run/ipc/ and put the socket there.`,
		related: related.length ? related : undefined,
		fixes: fixesFor(ctx, model, x),
	});
}

function reportUser(ctx: RuleContext, model: QmModel, x: Exposure, use: PathUse, host: boolean): void {
	const where = exposureFile(x);
	const what = use.via === 'listen' ? `${use.entry.entry.key}=${use.raw}` : use.via === 'mount' ? `${use.entry.entry.key}= source ${use.raw}` : `${use.entry.entry.key}= path ${use.raw}`;
	const message = host
		? `${what} is a host path that QM sees only through ${bind(x)} in ${where}, a bind outside the /run/ipc bridge. ASIL↔QM sockets belong in /run/ipc (ipc_var_run_t); write ${bridged(use.path)} here and in the boundary bind.`
		: `${what} exists inside QM only because ${where} binds host ${x.hostPath} with ${bind(x)}, a channel outside the /run/ipc bridge. Cross-partition sockets belong under /run/ipc (ipc_var_run_t, reached with SecurityLabelType=qm_container_ipc_t); write ${bridged(use.path)} here and in the boundary bind.`;
	ctx.report({
		...useRange(use),
		message,
		related: [{ path: x.mount.entry.path, ...useRange(x.use), message: `the boundary bind of ${x.hostPath} into QM` }],
		fixes: fixesFor(ctx, model, x),
	});
}

import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { occurrencesHere, removeFix, shown, usesBridge } from './support';

/**
 * Diagnostic: qm/label-type-ipc-without-bridge
 * qm_container_ipc_t (in QM) or ipc_t (on the host) on a container that neither mounts nor names
 * anything under /run/ipc. These types exist only for the ASIL↔QM bridge and grant more than the
 * defaults (ipc_t is unconfined), so without the bridge they are needless privilege.
 */
export default defineRule({
	id: 'qm/label-type-ipc-without-bridge',
	defaultSeverity: 'warning',
	title: 'Bridge SELinux type on a container without /run/ipc',
	why: 'qm_container_ipc_t may connect to host-runtime sockets and write var_run_t directories, and ipc_t is unconfined; they are meant only for the /run/ipc bridge (docs/ipc.md). Least privilege says keep the default type otherwise.',
	fix: 'Remove the key (defaults: qm_container_t in QM, container_t on the host), or mount the bridge directory (Volume=/run/ipc:/run/ipc).',
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'asil') && ctx.kind === 'container',
	check(ctx) {
		const unit = ctx.qmUnit();
		if (!unit || usesBridge(unit)) return;
		const bridgeType = ctx.domain.domain === 'qm' ? 'qm_container_ipc_t' : 'ipc_t';
		const fallback = ctx.domain.domain === 'qm' ? 'qm_container_t' : 'container_t';
		for (const o of occurrencesHere(ctx, 'type')) {
			if (o.value.trim() !== bridgeType) continue;
			ctx.report({
				start: o.start, end: o.end,
				message: `${shown(o)} is the ${ctx.domain.domain === 'qm' ? 'QM client' : 'host server'} type of the /run/ipc bridge, but this container mounts nothing under /run/ipc and names no /run/ipc path. ${bridgeType === 'ipc_t' ? 'ipc_t is unconfined' : 'It may connect to host-runtime sockets and create sockets in /run'}; without the bridge that is privilege for nothing. Remove the key to get ${fallback}, or mount /run/ipc if this is a bridge ${ctx.domain.domain === 'qm' ? 'client' : 'server'}.`,
				fixes: removeFix(o),
			});
		}
	},
});

import { defineRule } from '../../rule';
import type { RelatedLocation } from '../../../types';
import { bridgeSocketsActivating, inBridge, mountUses, useRange } from '../../../qm/ipc-bridge';
import { isTrue } from '../../../model/unit-view';
import { inDomain } from '../support';
import { labelEdit, labelRange } from './shared';

/**
 * Diagnostic: qm/ipc-server-level
 * A host ipc_t container that mounts /run/ipc has no SecurityLabelLevel=s0. Sockets it creates
 * itself carry podman's random MCS pair, which the MCS-constrained QM client (qm_container_ipc_t,
 * its own random pair) cannot connect to. When a host .socket under /run/ipc activates it, systemd
 * creates the socket at s0 and the missing level only matters as a fallback (information).
 */
export default defineRule({
	id: 'qm/ipc-server-level',
	defaultSeverity: 'warning',
	title: 'Host ipc_t bridge server without SecurityLabelLevel=s0',
	why: 'Files an ipc_t container creates inherit its random MCS categories; the QM client runs at a different random pair and cannot connect. containers/qm maintainers: an ipc_t container "should be set to level=s0". Socket-activated servers are reported as information only, since systemd creates their socket at s0.',
	fix: 'Add SecurityLabelLevel=s0 to [Container], or socket-activate the server from a host .socket with ListenStream=%t/ipc/<name>.',
	appliesTo: (ctx) => inDomain(ctx, 'asil') && !ctx.domain.alsoBoundary && ctx.kind === 'container',
	check(ctx) {
		const unit = ctx.qmUnit();
		if (!unit || unit.kind !== 'container') return;
		const { type, level, disable } = unit.label;
		if (type?.value !== 'ipc_t' || (disable && isTrue(disable.value))) return;
		if (level && /^s0(-s0)?$/.test(level.value.trim())) return;
		const mounts = mountUses(unit).filter((m) => inBridge(m.path));
		if (!mounts.length) return;
		const sockets = bridgeSocketsActivating(ctx.qm(), unit);
		const activated = sockets.length > 0;
		const anchor = level ?? type;
		if (anchor.entry.path !== ctx.path) return;
		const related: RelatedLocation[] = sockets.map((s) => ({ path: s.entry.path, ...useRange(s), message: `${s.unit.fileName} creates the bridge socket (at s0) and activates this container` }));
		const edit = labelEdit(ctx, 'SecurityLabelLevel', level, 's0');
		const now = level ? `runs at ${level.value}` : 'sets no SecurityLabelLevel=, so podman gives it a random MCS pair';
		const message = activated
			? `This ipc_t bridge server ${now}. It is socket-activated by ${sockets[0].unit.fileName}, so the socket in /run/ipc is created by systemd at s0 and QM clients can connect; but any socket or file it creates itself in /run/ipc carries ${level ? 'that level' : 'its random categories'}, which the qm_container_ipc_t client (another MCS pair) cannot use. Add SecurityLabelLevel=s0 to be safe.`
			: `This ipc_t bridge server mounts /run/ipc and is not socket-activated from a host .socket there, so it creates its socket itself; the socket then carries ${level ? `level ${level.value}` : 'podman\'s random MCS categories'}, and the QM client (qm_container_ipc_t, its own MCS pair) cannot connect to it. Set SecurityLabelLevel=s0, or activate it from a host .socket with ListenStream=%t/ipc/<name>.`;
		ctx.report({
			...labelRange(anchor, level ? 'level' : 'type'),
			severity: activated ? 'information' : undefined,
			message,
			related: related.length ? related : undefined,
			fixes: edit ? [{ title: level ? 'Change the level to s0' : 'Add SecurityLabelLevel=s0', edits: [edit], isPreferred: true }] : undefined,
		});
	},
});

import { QM_NESTED_TYPES } from '../../../qm/labels';
import type { Fix } from '../../../types';
import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { occurrencesHere, removeFix, replaceValueFix, shown, usesBridge } from './support';

/**
 * Diagnostic: qm/label-type-invalid-in-qm
 * A nested QM container asks for a process type outside QM's qm_container_* family (ipc_t,
 * container_t, spc_t, qm_t, unconfined_t…). QM's policy only lets qm_t start containers in the
 * qm_container_domain types, so the container fails when podman switches to the label.
 */
export default defineRule({
	id: 'qm/label-type-invalid-in-qm',
	defaultSeverity: 'error',
	title: 'SecurityLabelType in QM is not a qm_container_* type',
	why: 'QM\'s policy (qm.if) only allows transitions from qm_t into the qm_container_domain types; any other type cannot be entered and the nested container does not start. ipc_t is the host side of the /run/ipc bridge.',
	fix: 'Use qm_container_ipc_t for a /run/ipc bridge client; otherwise remove the key (the default is qm_container_t).',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && ctx.kind === 'container',
	check(ctx) {
		const unit = ctx.qmUnit();
		for (const o of occurrencesHere(ctx, 'type')) {
			const value = o.value.trim();
			if (value === '' || /[%$]/.test(value) || QM_NESTED_TYPES.has(value)) continue;
			const bridge = unit !== undefined && usesBridge(unit);
			const fixes: Fix[] = [];
			if (bridge || value === 'ipc_t') fixes.push(replaceValueFix(o, 'qm_container_ipc_t', 'Change to qm_container_ipc_t (the QM bridge client type)', bridge));
			fixes.push(...removeFix(o, !bridge));
			const hint = value === 'ipc_t'
				? ' ipc_t is the host (ASIL) side of the /run/ipc bridge; the QM side uses qm_container_ipc_t.'
				: value === 'qm_t' ? ' qm_t is the QM partition itself, not a type for its containers.' : '';
			ctx.report({
				start: o.start, end: o.end,
				message: `${shown(o)} is not a type QM can start containers in: QM's policy only lets qm_t switch to qm_container_t, qm_container_init_t, qm_container_kvm_t, qm_container_ipc_t or qm_container_wayland_t, so this container will fail to start.${hint} ${bridge ? 'This container uses /run/ipc: write qm_container_ipc_t.' : 'Remove the key to get the default qm_container_t.'}`,
				fixes,
			});
		}
	},
});


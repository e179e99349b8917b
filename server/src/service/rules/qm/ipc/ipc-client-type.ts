import { defineRule } from '../../rule';
import { bridgeUses, useRange } from '../../../qm/ipc-bridge';
import { isTrue } from '../../../model/unit-view';
import { inDomain } from '../support';
import { labelEdit, labelRange } from './shared';

const CLIENT_TYPE = 'qm_container_ipc_t';

/**
 * Diagnostic: qm/ipc-client-type
 * A QM container that mounts /run/ipc or names a socket in it runs with a type other than
 * qm_container_ipc_t. Only that type may create and connect to sockets in the bridge
 * (ipc_var_run_t, host ipc_t); the default qm_container_t gets AVC denials.
 */
export default defineRule({
	id: 'qm/ipc-client-type',
	defaultSeverity: 'error',
	title: 'QM container using /run/ipc without SecurityLabelType=qm_container_ipc_t',
	why: 'The QM policy lets only qm_container_ipc_t write ipc_var_run_t sock files and stream-connect to the host ipc_t server (qm.te, qm.if container_ipc_stream_connect); the default qm_container_t is denied.',
	fix: 'Add SecurityLabelType=qm_container_ipc_t to [Container].',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && ctx.kind === 'container',
	check(ctx) {
		const unit = ctx.qmUnit();
		if (!unit || unit.kind !== 'container') return;
		const label = unit.label;
		if (label.disable && isTrue(label.disable.value)) return;
		const type = label.type?.value;
		if (type === CLIENT_TYPE) return;
		const uses = bridgeUses(unit);
		const first = uses[0];
		if (!first) return;
		const what = first.via === 'mount' ? `mounts ${first.raw}` : `names ${first.raw} (${first.entry.entry.key}=)`;
		if (label.type) {
			const e = label.type.entry;
			if (e.path !== ctx.path) return;
			const range = labelRange(label.type, 'type');
			const edit = labelEdit(ctx, 'SecurityLabelType', label.type, CLIENT_TYPE);
			ctx.report({
				...range,
				message: `This QM container ${what}, part of the ASIL↔QM bridge, but runs as ${type}. Only ${CLIENT_TYPE} may create or connect to sockets in /run/ipc (ipc_var_run_t); ${type} gets AVC denials. Set ${label.type.fromPodmanArgs ? '--security-opt label=type:' : 'SecurityLabelType='}${CLIENT_TYPE}.`,
				related: [{ path: first.entry.path, ...useRange(first), message: 'where this container uses the /run/ipc bridge' }],
				fixes: edit ? [{ title: `Change the type to ${CLIENT_TYPE}`, edits: [edit], isPreferred: true }] : undefined,
			});
			return;
		}
		if (first.entry.path !== ctx.path) return;
		const edit = labelEdit(ctx, 'SecurityLabelType', undefined, CLIENT_TYPE);
		ctx.report({
			...useRange(first),
			message: `This QM container ${what}, part of the ASIL↔QM bridge, but sets no SecurityLabelType=, so it runs as qm_container_t. Only ${CLIENT_TYPE} may create or connect to sockets in /run/ipc (ipc_var_run_t); qm_container_t gets AVC denials. Add SecurityLabelType=${CLIENT_TYPE} to [Container].`,
			fixes: edit ? [{ title: `Add SecurityLabelType=${CLIENT_TYPE}`, edits: [edit], isPreferred: true }] : undefined,
		});
	},
});

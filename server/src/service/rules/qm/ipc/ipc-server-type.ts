import { defineRule } from '../../rule';
import type { RelatedLocation } from '../../../types';
import { bridgeSocketsActivating, inBridge, mountUses, useRange } from '../../../qm/ipc-bridge';
import { isTrue } from '../../../model/unit-view';
import { inDomain } from '../support';
import { labelEdit, labelRange } from './shared';

const SERVER_TYPE = 'ipc_t';

/**
 * Diagnostic: qm/ipc-server-type
 * A host container that mounts /run/ipc, or is activated by a host socket under /run/ipc, runs
 * with a type other than ipc_t. ipc_t is the documented bridge server domain and the one with the
 * ipc_var_run_t file transitions; container_t is not meant to serve the QM bridge.
 */
export default defineRule({
	id: 'qm/ipc-server-type',
	defaultSeverity: 'warning',
	title: 'Host /run/ipc server without SecurityLabelType=ipc_t',
	why: 'The documented ASIL side of the bridge runs as ipc_t (containers/qm docs/ipc.md, tests/qm-ipc); ipc_t is the domain the QM policy gives the ipc_var_run_t transitions and that qm_container_ipc_t clients may connect to.',
	fix: 'Add SecurityLabelType=ipc_t to [Container].',
	appliesTo: (ctx) => inDomain(ctx, 'asil') && !ctx.domain.alsoBoundary && ctx.kind === 'container',
	check(ctx) {
		const unit = ctx.qmUnit();
		if (!unit || unit.kind !== 'container') return;
		const label = unit.label;
		if (label.disable && isTrue(label.disable.value)) return;
		if (label.type?.value === SERVER_TYPE) return;
		const mounts = mountUses(unit).filter((m) => inBridge(m.path));
		const sockets = bridgeSocketsActivating(ctx.qm(), unit);
		if (!mounts.length && !sockets.length) return;
		const role = mounts.length
			? `mounts the bridge directory (${mounts[0].entry.entry.key}=${mounts[0].entry.entry.value.trim()})`
			: `is activated by ${sockets[0].unit.fileName}, which listens on ${sockets[0].path}`;
		const related: RelatedLocation[] = sockets.map((s) => ({ path: s.entry.path, ...useRange(s), message: `${s.unit.fileName} activates this container from the bridge` }));
		if (label.type) {
			if (label.type.entry.path !== ctx.path) return;
			const edit = labelEdit(ctx, 'SecurityLabelType', label.type, SERVER_TYPE);
			ctx.report({
				...labelRange(label.type, 'type'),
				message: `This host container ${role}, so it is the ASIL side of the /run/ipc bridge, but runs as ${label.type.value}. Bridge servers run as ${SERVER_TYPE}, the domain the QM policy pairs with ipc_var_run_t and with qm_container_ipc_t clients. Use ${label.type.fromPodmanArgs ? '--security-opt label=type:' : 'SecurityLabelType='}${SERVER_TYPE}.`,
				related: related.length ? related : undefined,
				fixes: edit ? [{ title: `Change the type to ${SERVER_TYPE}`, edits: [edit], isPreferred: true }] : undefined,
			});
			return;
		}
		let range: { start: number; end: number } | undefined;
		if (mounts.length) {
			if (mounts[0].entry.path !== ctx.path) return;
			range = useRange(mounts[0]);
		} else {
			if (unit.file.path !== ctx.path) return;
			const section = ctx.parsed.sections.find((s) => s.name === 'Container') ?? ctx.parsed.sections[0];
			range = section ? { start: section.start, end: section.end } : { start: 0, end: 0 };
		}
		const edit = labelEdit(ctx, 'SecurityLabelType', undefined, SERVER_TYPE);
		ctx.report({
			...range,
			message: `This host container ${role}, so it is the ASIL side of the /run/ipc bridge, but sets no SecurityLabelType= and runs as container_t. Bridge servers run as ${SERVER_TYPE}, the domain the QM policy pairs with ipc_var_run_t and with qm_container_ipc_t clients. Add SecurityLabelType=${SERVER_TYPE} to [Container].`,
			related: related.length ? related : undefined,
			fixes: edit ? [{ title: `Add SecurityLabelType=${SERVER_TYPE}`, edits: [edit], isPreferred: true }] : undefined,
		});
	},
});

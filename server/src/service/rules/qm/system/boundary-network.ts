import { defineRule } from '../../rule';
import { boundaryFor } from '../../../qm/boundary';
import { networks } from '../../../qm/container-settings';
import { partRange, removeLine, removePart, replaceValue } from '../../../qm/edits';

/**
 * Diagnostic: qm/boundary-network
 * The QM partition joins the host's network namespace (Network=host, --network=host) or has no
 * network at all (Network=none). QM runs in a private namespace of its own.
 */
export default defineRule({
	id: 'qm/boundary-network',
	defaultSeverity: 'error',
	title: 'QM partition on the host network (or without one)',
	why: 'qm.container uses Network=private: with the host namespace QM can change host network sysctls and reach every host-local service; with none, TCP to the bluechi controller and image pulls stop working.',
	fix: 'Remove the override (publish single ports with PublishPort= if something must be reachable).',
	appliesTo: (ctx) => ctx.domain.domain === 'qm-boundary' && ctx.kind === 'container',
	check(ctx) {
		const b = boundaryFor(ctx.qm(), ctx.path);
		for (const { part, mode } of networks(b.view)) {
			if (part.entry.path !== ctx.path || (mode !== 'host' && mode !== 'none')) continue;
			const host = mode === 'host';
			const viaFlag = !!part.flag;
			const shown = viaFlag ? `PodmanArgs option ${part.flag!.entry.entry.value.slice(part.flag!.start, part.flag!.end)}` : `Network=${part.text}`;
			ctx.report({
				...partRange(part),
				severity: host ? undefined : 'warning',
				message: host
					? `${shown} puts the QM partition into the host's network namespace: QM could change host network sysctls and reach services that listen on the host's loopback. QM must keep its private namespace (Network=private).`
					: `${shown} leaves the QM partition without a network: TCP to the bluechi controller and image pulls inside QM stop working. Keep Network=private.`,
				fixes: [viaFlag
					? { title: 'Remove the option', edits: [removePart(ctx.parsed, part)], isPreferred: true }
					: ctx.info.dropIn
						? { title: 'Remove this Network= line', edits: [removeLine(ctx.parsed, part.entry.entry)], isPreferred: true }
						: { title: 'Set Network=private', edits: [replaceValue(part.entry.entry, 'private')], isPreferred: true }],
			});
		}
	},
});

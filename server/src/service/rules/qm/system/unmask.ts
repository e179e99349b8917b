import { defineRule } from '../../rule';
import { unmasks } from '../../../qm/container-settings';
import { partRange, removePart } from '../../../qm/edits';

/**
 * Diagnostic: qm/unmask
 * Unmask= (or --security-opt unmask=…) on the QM partition, or Unmask=ALL on a container inside
 * QM: it exposes /proc and /sys paths podman masks, which QM gave up to guarantee FFI.
 */
export default defineRule({
	id: 'qm/unmask',
	defaultSeverity: 'error',
	title: 'Masked kernel paths exposed to QM',
	why: 'QM removed Unmask=ALL from qm.container "to guarantee FFI": masked /proc and /sys paths (e.g. /proc/sys, /sys/firmware) let the partition read or change host kernel state.',
	fix: 'Remove the Unmask= line; expose the specific device instead (AddDevice=-/dev/…).',
	appliesTo: (ctx) => (ctx.domain.domain === 'qm-boundary' || ctx.domain.domain === 'qm') && ctx.kind === 'container',
	check(ctx) {
		const boundary = ctx.domain.domain === 'qm-boundary';
		for (const part of unmasks(ctx.view)) {
			if (part.entry.path !== ctx.path || part.text.trim() === '') continue;
			const all = part.text.toLowerCase() === 'all';
			if (!boundary && !all) continue;
			const shown = part.flag ? `--security-opt unmask=${part.text}` : `Unmask=${part.text}`;
			ctx.report({
				...partRange(part),
				severity: boundary ? undefined : 'warning',
				message: boundary
					? `${shown} exposes ${all ? 'every path podman masks (/proc/sys, /sys/firmware, …)' : part.text} to the QM partition; QM dropped Unmask=ALL to guarantee freedom from interference, since those paths reach host kernel state. Remove it and expose the specific device instead.`
					: `${shown} exposes every masked /proc and /sys path to this container; inside QM that only widens what the container can read of the kernel. Remove it.`,
				fixes: [{ title: part.flag ? 'Remove the option' : `Remove ${part.text}`, edits: [removePart(ctx.parsed, part, !!part.flag)], isPreferred: true }],
			});
		}
	},
});

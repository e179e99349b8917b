import { defineRule } from '../../rule';
import { sysctls, subPart } from '../../../qm/container-settings';
import { partRange, removePart } from '../../../qm/edits';
import { boundaryData } from '../../../qm/qm-data';
import { valueIndexToOffset } from '../../../parser/parse-unit';
import type { Fix } from '../../../types';

/**
 * Diagnostic: qm/sysctl
 * Sysctl= on the QM partition other than the shipped fs.mqueue.queues_max=4 (or a larger queue
 * limit), or net.*, vm.*, kernel.* sysctls on a container inside QM.
 */
export default defineRule({
	id: 'qm/sysctl',
	defaultSeverity: 'warning',
	title: 'Sysctl QM should not set',
	why: 'QM limits POSIX message queues (fs.mqueue.queues_max=4, FFI test mqueue) and its FFI tests expect network and vm sysctl writes to be denied inside QM.',
	fix: 'Remove the sysctl (keep fs.mqueue.queues_max=4 on the boundary).',
	appliesTo: (ctx) => (ctx.domain.domain === 'qm-boundary' || ctx.domain.domain === 'qm') && ctx.kind === 'container',
	check(ctx) {
		const boundary = ctx.domain.domain === 'qm-boundary';
		const allowed = boundaryData().sysctls;
		const prefixes = boundaryData().nested.sysctlPrefixes;
		for (const s of sysctls(ctx.view)) {
			if (s.part.entry.path !== ctx.path) continue;
			const remove: Fix = { title: `Remove ${s.key}`, edits: [removePart(ctx.parsed, s.part, !!s.part.flag)], isPreferred: true };
			if (boundary) {
				const limit = allowed[s.key];
				if (limit === undefined) {
					ctx.report({
						...partRange(s.part),
						message: `Sysctl ${s.part.text} on the QM partition: qm.container sets only fs.mqueue.queues_max=4, and other kernel parameters set for QM are not covered by QM's freedom-from-interference tests. Remove it.`,
						fixes: [remove],
					});
				} else if (/^\d+$/.test(s.value) && Number(s.value) > limit) {
					const v = subPart(s.part, s.key.length + 1, s.value.length);
					const e = s.part.entry.entry;
					ctx.report({
						...partRange(s.part),
						message: `${s.key}=${s.value} raises QM's limit of ${limit}: the value is sized so that QM cannot exhaust the system-wide message-queue memory ASIL also uses (FFI test mqueue). Keep ${s.key}=${limit}.`,
						fixes: [{ title: `Set ${s.key}=${limit}`, edits: [{ start: valueIndexToOffset(e, v.index), end: valueIndexToOffset(e, v.index + v.length), newText: String(limit) }], isPreferred: true }],
					});
				}
				continue;
			}
			const prefix = prefixes.find((p) => s.key.startsWith(p));
			if (!prefix) continue;
			ctx.report({
				...partRange(s.part),
				message: `Sysctl ${s.part.text} on a container inside QM: QM's FFI tests expect ${prefix}* writes to be denied inside the partition, so the container fails to start or the value has no effect. Remove it.`,
				fixes: [remove],
			});
		}
	},
});

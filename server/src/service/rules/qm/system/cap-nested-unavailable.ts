import { defineRule } from '../../rule';
import { boundaryDrops, effectiveBoundary } from '../../../qm/boundary';
import { capabilities, normalizeCap } from '../../../qm/container-settings';
import { partRange, removeListItem } from '../../../qm/edits';
import { boundaryData } from '../../../qm/qm-data';

/**
 * Diagnostic: qm/cap-nested-unavailable
 * A container inside QM adds sys_resource or sys_boot, which qm.container drops from the QM
 * partition's bounding set: the nested runtime cannot grant them.
 */
export default defineRule({
	id: 'qm/cap-nested-unavailable',
	defaultSeverity: 'warning',
	title: 'Capability the QM partition does not have',
	why: 'qm.container drops sys_boot and sys_resource (DropCapability=sys_boot sys_resource); nothing inside QM can hold them, and asking for them fails like raising rlimits does ("setrlimit … Operation not permitted").',
	fix: 'Remove the capability and redesign (e.g. lower limits instead of raising them).',
	appliesTo: (ctx) => ctx.domain.domain === 'qm' && ctx.kind === 'container',
	check(ctx) {
		const dropped = boundaryDrops(effectiveBoundary(ctx.qm())).dropped;
		const watched = boundaryData().droppedCapabilities;
		for (const part of capabilities(ctx.view, 'add')) {
			if (part.entry.path !== ctx.path) continue;
			const cap = normalizeCap(part.text);
			if (!watched.includes(cap) || !dropped.has(cap)) continue;
			ctx.report({
				...partRange(part),
				message: `Capability ${part.text} is not available inside QM: qm.container drops ${watched.join(' and ')} from the partition, so the container cannot be given it. Remove it.`,
				fixes: [{ title: `Remove ${part.text}`, edits: [removeListItem(ctx.parsed, part)], isPreferred: true }],
			});
		}
	},
});

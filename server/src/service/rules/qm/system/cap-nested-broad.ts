import { defineRule } from '../../rule';
import { capabilities, normalizeCap } from '../../../qm/container-settings';
import { partRange, removeListItem } from '../../../qm/edits';
import { boundaryData } from '../../../qm/qm-data';

/**
 * Diagnostic: qm/cap-nested-broad
 * A container inside QM adds a broad capability (all, sys_admin, net_admin, sys_ptrace, …).
 * QM itself holds nearly every capability, so the nested runtime can hand them out.
 */
export default defineRule({
	id: 'qm/cap-nested-broad',
	defaultSeverity: 'warning',
	title: 'Broad capability for a container inside QM',
	why: 'The QM partition runs with AddCapability=all (it needs them for its own systemd and podman), so a nested container really gets what it asks for; the SELinux policy still blocks sys_module and mac_*, but least privilege applies.',
	fix: 'Remove the capability, or add only the specific one the workload needs.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm' && ctx.kind === 'container',
	check(ctx) {
		const broad = boundaryData().nested.broadCapabilities;
		for (const part of capabilities(ctx.view, 'add')) {
			if (part.entry.path !== ctx.path) continue;
			const cap = normalizeCap(part.text);
			if (!broad.includes(cap)) continue;
			ctx.report({
				...partRange(part),
				message: cap === 'all'
					? `${part.via === 'AddCapability' ? 'AddCapability=' : '--cap-add='}${part.text} gives this container every capability QM holds (QM itself runs with AddCapability=all). Add only the capabilities the workload needs.`
					: `Capability ${part.text} is broad: QM holds it (AddCapability=all on the partition), so the container really gets it${cap.startsWith('mac_') || cap === 'sys_module' ? ', although the QM SELinux policy still denies its use' : ''}. Remove it or use a narrower capability.`,
				fixes: [{ title: `Remove ${part.text}`, edits: [removeListItem(ctx.parsed, part)], isPreferred: true }],
			});
		}
	},
});

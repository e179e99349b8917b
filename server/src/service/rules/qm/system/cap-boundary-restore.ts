import { defineRule } from '../../rule';
import { boundaryFor, lastReset } from '../../../qm/boundary';
import { capabilities, normalizeCap } from '../../../qm/container-settings';
import { entryRange, insertLineAfter, partRange, removeListItem } from '../../../qm/edits';
import { boundaryData } from '../../../qm/qm-data';
import type { Fix } from '../../../types';

/**
 * Diagnostic: qm/cap-boundary-restore
 * The effective qm.container no longer drops sys_resource or sys_boot (DropCapability= reset or
 * rewritten), or adds one of them back with AddCapability=.
 */
export default defineRule({
	id: 'qm/cap-boundary-restore',
	defaultSeverity: 'warning',
	title: 'QM partition gets sys_resource or sys_boot back',
	why: 'qm.container drops sys_boot and sys_resource so that nothing in QM can reboot the machine, lower OOM scores below 500 or raise resource limits; QM\'s README calls giving sys_resource back "Required but Not Recommended".',
	fix: 'Keep DropCapability=sys_boot sys_resource (and no AddCapability= for them).',
	appliesTo: (ctx) => ctx.domain.domain === 'qm-boundary' && ctx.kind === 'container',
	check(ctx) {
		const b = boundaryFor(ctx.qm(), ctx.path);
		const want = boundaryData().droppedCapabilities;
		const drops = capabilities(b.view, 'drop');
		const dropped = new Set(drops.map((p) => normalizeCap(p.text)));
		const missing = want.filter((c) => !dropped.has(c));
		const occurrences = b.view.occurrences('Container', 'DropCapability');
		if (missing.length > 0 && occurrences.length > 0) {
			const reset = lastReset(b.view, 'Container', 'DropCapability');
			const culprit = reset ?? occurrences.filter((o) => o.entry.value.trim() !== '').pop();
			if (culprit && culprit.path === ctx.path) {
				const mineAfter = occurrences.filter((o) => o.path === ctx.path && o.entry.value.trim() !== '' && o.entry.firstLine >= culprit.entry.firstLine).pop();
				const list = missing.join(' ');
				const fix: Fix = mineAfter
					? { title: `Drop ${list} again`, edits: [{ start: mineAfter.entry.valueEnd, end: mineAfter.entry.valueEnd, newText: ` ${list}` }], isPreferred: true }
					: { title: `Drop ${list} again`, edits: [insertLineAfter(ctx.parsed, culprit.entry, `DropCapability=${list}`)], isPreferred: true };
				const kept = [...dropped].join(' ');
				ctx.report({
					...entryRange(culprit.entry),
					message: reset === culprit
						? `The empty DropCapability= clears the vendor DropCapability=${want.join(' ')}; afterwards QM ${kept ? `drops only ${kept} and keeps` : 'keeps'} ${list}. With ${list.includes('sys_resource') ? 'sys_resource QM can lower OOM scores below 500 and raise rlimits' : 'sys_boot QM can reboot the machine'}. Drop ${list} again.`
						: `DropCapability=${culprit.entry.value.trim()} no longer drops ${list}, which qm.container takes away from the partition (DropCapability=${want.join(' ')}). Add ${list}.`,
					fixes: [fix],
				});
			}
		}
		for (const part of capabilities(b.view, 'add')) {
			if (part.entry.path !== ctx.path) continue;
			const cap = normalizeCap(part.text);
			if (!want.includes(cap)) continue;
			ctx.report({
				...partRange(part),
				message: `Adding ${part.text} gives the QM partition a capability qm.container deliberately drops: ${cap === 'sys_resource' ? 'QM could lower OOM scores below its own 500 and raise resource limits (README: "Required but Not Recommended")' : 'QM could reboot the whole machine'}. Remove it.`,
				fixes: [{ title: `Remove ${part.text}`, edits: [removeListItem(ctx.parsed, part)], isPreferred: true }],
			});
		}
	},
});

import { categoriesInUse, levelInfo, sameLevel, unusedPair } from '../../../qm/labels';
import { peerGroupOf } from '../../../qm/peers';
import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { levelsHere, setLevelFix, shown } from './support';

/**
 * Diagnostic: qm/label-level-weak
 * A nested QM container at plain s0 or with a single category. s0 is dominated by every level, so
 * every nested container can reach its files and sockets; a single category is dominated by any
 * container whose random pair happens to contain it. Podman itself always uses two categories.
 */
export default defineRule({
	id: 'qm/label-level-weak',
	defaultSeverity: 'warning',
	title: 'Nested container level is s0 or has a single category',
	why: 's0 is dominated by every other level, so all nested containers can read and write this container\'s files and connect to its sockets; one category is dominated by any random pair that contains it. (s0 is right for qm.container and for a host ipc_t server, which this rule does not check.)',
	fix: 'Use a category pair shared only with real peers, e.g. SecurityLabelLevel=s0:c1,c2, or remove the key so podman picks a private pair.',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && ctx.kind === 'container',
	check(ctx) {
		const unit = ctx.qmUnit();
		for (const o of levelsHere(ctx)) {
			const value = o.value.trim();
			const info = levelInfo(value);
			if (!info.parsed.wellFormed || info.parsed.issues.length > 0 || info.isRange) continue;
			const cats = info.categories ?? [];
			if (cats.length > 1) continue;
			const why = cats.length === 0
				? 'has no categories, so every nested QM container dominates it and can read and write its files and connect to its sockets'
				: `has a single category, so any nested container whose random pair includes c${cats[0]} dominates it`;
			let fixes;
			if (unit) {
				const model = ctx.qm();
				const domainUnits = model.units.filter((u) => u.domain.domain === 'qm' && u.kind === 'container');
				const pair = unusedPair(categoriesInUse(domainUnits));
				// Move the whole peer group that shares this level, so peers keep talking.
				const group = peerGroupOf(model, unit).filter((u) => u === unit || (u.label.level && sameLevel(u.label.level.value, value)));
				const others = group.length - 1;
				fixes = [setLevelFix(ctx, group, pair, others > 0 ? `Change to the unused pair ${pair} here and in ${others} peer${others > 1 ? 's' : ''}` : `Change to the unused pair ${pair}`, true)];
			}
			ctx.report({
				start: o.start, end: o.end,
				message: `${shown(o)} ${why}. Give this container (and only its IPC peers) a category pair such as s0:c1,c2, or remove the key so podman assigns a private pair.`,
				fixes,
			});
		}
	},
});

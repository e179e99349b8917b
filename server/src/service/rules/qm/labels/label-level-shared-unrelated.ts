import { categoriesInUse, effectiveOccurrence, hasExpansion, levelInfo, sameLevel, unusedPair } from '../../../qm/labels';
import { peerGroupOf } from '../../../qm/peers';
import type { QmModel, QmUnit } from '../../../qm/model';
import { canonicalMcsLevel } from '../../../catalog/value-types/index';
import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { setLevelFix, shown } from './support';

/**
 * Diagnostic: qm/label-level-shared-unrelated
 * Two containers of one domain carry the same explicit category pair although nothing links
 * them (no shared socket, run directory or volume; not one pod). Podman reserves explicit levels
 * without checking that they are unique, so the two can read and write each other's files.
 */
export default defineRule({
	id: 'qm/label-level-shared-unrelated',
	defaultSeverity: 'warning',
	title: 'Unrelated containers share one SELinux level',
	why: 'Explicit levels are not checked for uniqueness (go-selinux InitLabels); containers at the same level are not separated by MCS and can read and write each other\'s private files.',
	fix: 'Give each group of IPC peers its own pair (the quick fix picks an unused one), or drop the key where no peer needs it.',
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'asil') && ctx.kind === 'container',
	check(ctx) {
		const unit = ctx.qmUnit();
		const eff = unit ? effectiveOccurrence(unit, 'level') : undefined;
		if (!unit || !eff || eff.path !== ctx.path) return;
		const value = eff.value.trim();
		if (!value || hasExpansion(value)) return;
		const info = levelInfo(value);
		// s0 and broad levels have their own rules; only real category sets are "private".
		if (!info.parsed.wellFormed || info.parsed.issues.length > 0 || info.broad || !info.categories?.length) return;
		const model = ctx.qm();
		const group = peerGroupOf(model, unit);
		const sameDomain = (u: QmUnit) => u !== unit && u.kind === 'container' && u.domain.domain === unit.domain.domain && !!u.domain.userScope === !!unit.domain.userScope;
		const strangers = (levelIndex(model).get(levelKey(value)) ?? []).filter((u) => sameDomain(u) && !group.includes(u) && u.label.level && !hasExpansion(u.label.level.value) && sameLevel(u.label.level.value, value));
		if (strangers.length === 0) return;
		const related = strangers.map((u) => {
			const o = effectiveOccurrence(u, 'level');
			return o
				? { path: o.path, start: o.start, end: o.end, message: `${u.fileName} also runs at ${value}` }
				: { path: u.file.path, start: 0, end: 0, message: `${u.fileName} also runs at ${value}` };
		});
		const peersWithLevel = group.filter((u) => u === unit || (u.label.level && sameLevel(u.label.level.value, value)));
		const domainUnits = containersByDomain(model).get(unit.domain.domain) ?? [];
		const pair = unusedPair(categoriesInUse(domainUnits));
		const others = peersWithLevel.length - 1;
		ctx.report({
			start: eff.start, end: eff.end,
			message: `${shown(eff)} is also the level of ${strangers.map((u) => u.fileName).join(', ')}, which ${strangers.length > 1 ? 'share' : 'shares'} no socket, run directory, volume or pod with this container. Podman does not keep explicit levels unique, so these containers are not separated by MCS and can read and write each other's files. Give each group of peers its own pair${others > 0 ? ' (keep this one\'s peers on the same new pair)' : ''}.`,
			related,
			fixes: [setLevelFix(ctx, peersWithLevel, pair, others > 0 ? `Change to the unused pair ${pair} here and in ${others} peer${others > 1 ? 's' : ''}` : `Change to the unused pair ${pair}`, true)],
		});
	},
});

const levelCache = new WeakMap<QmModel, Map<string, QmUnit[]>>();

/** Containers by the canonical form of their level: one pass per model, not per file. */
function levelIndex(model: QmModel): Map<string, QmUnit[]> {
	let map = levelCache.get(model);
	if (map) return map;
	map = new Map();
	for (const u of model.units) {
		if (u.kind !== 'container' || !u.label.level) continue;
		const key = levelKey(u.label.level.value);
		const list = map.get(key) ?? [];
		list.push(u);
		map.set(key, list);
	}
	levelCache.set(model, map);
	return map;
}

function levelKey(value: string): string {
	const v = value.trim().replace(/^"(.*)"$/, '$1');
	return canonicalMcsLevel(v) ?? v;
}

const byDomainCache = new WeakMap<QmModel, Map<string, QmUnit[]>>();

function containersByDomain(model: QmModel): Map<string, QmUnit[]> {
	let map = byDomainCache.get(model);
	if (map) return map;
	map = new Map();
	for (const u of model.units) {
		if (u.kind !== 'container') continue;
		const list = map.get(u.domain.domain) ?? [];
		list.push(u);
		map.set(u.domain.domain, list);
	}
	byDomainCache.set(model, map);
	return map;
}

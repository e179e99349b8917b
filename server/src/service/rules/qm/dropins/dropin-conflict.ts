import { defineRule } from '../../rule';
import { unquoteValue, type ViewEntry } from '../../../model/unit-view';
import { removeLine } from '../../../qm/edits';
import { baseName } from '../../../unit-path';
import type { Fix } from '../../../types';

/**
 * Diagnostic: qm/dropin-conflict
 * A single-valued key is set by two or more files of one unit (the unit and its drop-ins).
 * The alphabetically last drop-in wins, which is often not the file being edited.
 */
export default defineRule({
	id: 'qm/dropin-conflict',
	defaultSeverity: 'information',
	title: 'Single-valued key set by several files of a unit',
	why: 'Drop-ins are applied after the unit in alphabetical order of their file names and the last assignment of a single-valued key wins; which value counts is easy to get wrong when several files set it.',
	fix: 'Keep one definition; name drop-ins NN-name.conf so that the order is explicit.',
	appliesTo: (ctx) => ctx.domain.domain !== 'unknown' && ctx.view.dropIns.length > 0 && ctx.viewIsComplete,
	check(ctx) {
		const seen = new Set<string>();
		for (const section of ctx.parsed.sections) {
			for (const e of section.entries) {
				const spec = ctx.catalog.key(ctx.kind, section.name, e.key);
				if (!spec || spec.repeatable) continue;
				const id = `${section.name}\u0000${e.key}`;
				if (seen.has(id)) continue;
				seen.add(id);
				const all = ctx.view.occurrences(section.name, e.key);
				const files = new Set(all.map((o) => o.path));
				if (files.size < 2) continue;
				const winner = all[all.length - 1];
				const mine = all.filter((o) => o.path === ctx.path);
				const last = mine[mine.length - 1];
				const others = all.filter((o) => o.path !== ctx.path);
				const shownWinner = `${e.key}=${unquoteValue(winner.entry.value)}`;
				const wins = winner.path === ctx.path;
				const fixes: Fix[] | undefined = !wins && ctx.info.dropIn
					? [{ title: `Remove this ${e.key}= (overridden by ${baseName(winner.path)})`, edits: mine.map((o) => removeLine(ctx.parsed, o.entry)) }]
					: undefined;
				ctx.report({
					start: last.entry.keyStart, end: last.entry.valueEnd,
					message: wins
						? `${e.key}= is also set in ${list(others)}; this file comes last, so ${shownWinner} is the effective value.`
						: `${e.key}= is also set in ${list(others)}; ${baseName(winner.path)} comes later and wins, so the effective value is ${shownWinner}, not this one.`,
					related: others.map((o) => ({ path: o.path, start: o.entry.keyStart, end: o.entry.valueEnd, message: o === winner ? 'the assignment that wins' : `also sets ${e.key}=` })),
					fixes,
				});
			}
		}
	},
});

function list(entries: ViewEntry[]): string {
	const names = [...new Set(entries.map((o) => baseName(o.path)))];
	return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

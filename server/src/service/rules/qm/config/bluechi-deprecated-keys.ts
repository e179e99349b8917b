import { BLUECHI_KEYS } from '../../../qm/engine-config';
import { defineRule } from '../../rule';
import { BLUECHI_CONF, bluechiHere, closestName } from './support';

/**
 * Diagnostic: qm/bluechi-deprecated-keys
 * A key bluechi does not read in its section: the pre-rename Manager* keys (now Controller*),
 * unknown or misspelled keys, keys before any section, and sections other than
 * [bluechi-agent] / [bluechi-controller]. bluechi ignores them without a word.
 */
export default defineRule({
	id: 'qm/bluechi-deprecated-keys',
	defaultSeverity: 'warning',
	fileKinds: BLUECHI_CONF,
	title: 'bluechi key that bluechi does not read',
	why: 'Current bluechi-agent.conf(5) documents Controller* keys; the Manager* names belong to older releases, and unknown keys or sections are ignored silently, so the setting has no effect.',
	fix: 'Rename Manager* to Controller*, fix the spelling, or move the key into [bluechi-agent] ([bluechi-controller] for the controller).',
	appliesTo: () => true,
	check(ctx) {
		const b = bluechiHere(ctx);
		if (!b) return;
		const spec = BLUECHI_KEYS[b.role];
		for (const s of b.sections) {
			if (s.name === spec.section) continue;
			const other = b.role === 'agent' ? BLUECHI_KEYS.controller.section : BLUECHI_KEYS.agent.section;
			const guess = s.name !== other ? closestName(s.name, [spec.section]) : undefined;
			ctx.report({
				start: s.nameStart, end: s.nameEnd,
				message: `bluechi-${b.role} reads only [${spec.section}]; the keys of [${s.name}] are ignored.${guess ? ` Did you mean [${guess}]?` : ''}`,
				fixes: guess ? [{ title: `Rename to [${guess}]`, edits: [{ start: s.nameStart, end: s.nameEnd, newText: guess }], isPreferred: true }] : undefined,
			});
		}
		for (const e of b.entries) {
			if (e.section === '') {
				ctx.report({ start: e.keyStart, end: e.keyEnd, message: `${e.key} comes before any section: bluechi-${b.role} reads only keys in [${spec.section}], so it is ignored. Put [${spec.section}] above it.` });
				continue;
			}
			if (e.section !== spec.section || spec.keys.includes(e.key)) continue;
			const renamed = spec.renamed[e.key];
			if (renamed) {
				ctx.report({
					start: e.keyStart, end: e.keyEnd, tags: ['deprecated'],
					message: `${e.key} is the name older bluechi releases used; current bluechi-${b.role} reads ${renamed} and ignores ${e.key}. Rename it to ${renamed}.`,
					fixes: [{ title: `Rename to ${renamed}`, edits: [{ start: e.keyStart, end: e.keyEnd, newText: renamed }], isPreferred: true }],
				});
				continue;
			}
			const guess = closestName(e.key, spec.keys);
			ctx.report({
				start: e.keyStart, end: e.keyEnd,
				message: `bluechi-${b.role} does not know ${e.key} and ignores it.${guess ? ` Did you mean ${guess}?` : ` Known keys: ${spec.keys.join(', ')}.`}`,
				fixes: guess ? [{ title: `Rename to ${guess}`, edits: [{ start: e.keyStart, end: e.keyEnd, newText: guess }], isPreferred: true }] : undefined,
			});
		}
	},
});

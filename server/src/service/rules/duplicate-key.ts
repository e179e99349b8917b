import { defineRule } from './rule';
import { knownEntries } from './section-lookup';
import type { EntryNode } from '../parser/ast';

/**
 * Diagnostic: quadlet/duplicate-key
 * A single-valued key assigned twice in one file: only the last assignment counts, so the
 * earlier one is dead text that misleads readers.
 */
export default defineRule({
	id: 'quadlet/duplicate-key',
	defaultSeverity: 'warning',
	title: 'Single-valued key set more than once',
	why: 'For single-valued keys the last assignment wins; the earlier lines have no effect and usually hide a mistake (a repeat of the same value is only reported as a hint).',
	fix: 'Delete the earlier assignment, or keep only the value you mean. (Drop-ins overriding a value is fine and not reported.)',
	appliesTo: () => true,
	check(ctx) {
		const seen = new Map<string, EntryNode>();
		for (const { entry, spec } of knownEntries(ctx)) {
			const keySpec = spec.keys[entry.key];
			if (!keySpec || keySpec.repeatable || !Object.prototype.hasOwnProperty.call(spec.keys, entry.key)) continue;
			const id = `${spec.section}\u0000${entry.key}`;
			const earlier = seen.get(id);
			seen.set(id, entry);
			if (!earlier) continue;
			const lineStart = ctx.parsed.lines[earlier.firstLine].start;
			const lineNext = ctx.parsed.lines[earlier.lastLine].next;
			// Repeating the same value is only clutter; a different value hides which one counts.
			const same = earlier.value === entry.value;
			ctx.report({
				start: earlier.keyStart, end: earlier.valueEnd,
				severity: same ? 'hint' : undefined,
				message: same
					? `${entry.key}=${truncate(entry.value)} is repeated on line ${entry.firstLine + 1}; this line is redundant.`
					: `${entry.key}= is set again on line ${entry.firstLine + 1}; only the last value ("${truncate(entry.value)}") is used, so this line has no effect.`,
				tags: ['unnecessary'],
				related: [{ path: ctx.path, start: entry.keyStart, end: entry.valueEnd, message: 'the assignment that wins' }],
				fixes: [{ title: `Remove the earlier ${entry.key}= line`, edits: [{ start: lineStart, end: lineNext, newText: '' }], isPreferred: true }],
			});
		}
	},
});

function truncate(s: string): string {
	return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

import { closest } from '../util/edit-distance';
import type { Fix } from '../types';
import { defineRule, type RuleContext } from './rule';
import { knownEntries } from './section-lookup';
import type { EntryNode } from '../parser/ast';
import type { SectionSpec } from '../catalog/catalog';

/**
 * Diagnostic: quadlet/unknown-key
 * A key podman's generator does not support in the unit's own section (or in [Quadlet]). The
 * generator refuses the whole unit with "unsupported key". Keys are case-sensitive.
 */
export const quadletUnknownKey = defineRule({
	id: 'quadlet/unknown-key',
	defaultSeverity: 'error',
	title: 'Key not supported by podman in this section',
	why: 'The quadlet generator rejects the whole unit ("unsupported key") when its own section or [Quadlet] holds a key it doesn\'t know; keys are case-sensitive.',
	fix: 'Correct the spelling (the quick fix offers the closest key), move the key to the section it belongs to, or pass the option through PodmanArgs=.',
	appliesTo: () => true,
	check(ctx) { checkUnknownKeys(ctx, 'quadlet'); },
});

/**
 * Diagnostic: systemd/unknown-key
 * A key systemd doesn't know in [Unit], [Service], [Install] or [Socket]. systemd logs a warning
 * and ignores the line.
 */
export const systemdUnknownKey = defineRule({
	id: 'systemd/unknown-key',
	defaultSeverity: 'warning',
	title: 'Key unknown to systemd in this section',
	why: 'systemd ignores assignments it does not know (with only a log line), so the setting silently has no effect.',
	fix: 'Correct the spelling or move the key to the section that defines it.',
	appliesTo: () => true,
	check(ctx) { checkUnknownKeys(ctx, 'systemd'); },
});

function checkUnknownKeys(ctx: RuleContext, owner: 'quadlet' | 'systemd'): void {
	for (const { entry, spec } of knownEntries(ctx)) {
		if (spec.owner !== owner) continue;
		if (Object.prototype.hasOwnProperty.call(spec.keys, entry.key)) continue;
		if (owner === 'systemd' && entry.key.startsWith('X-')) continue;
		ctx.report({ start: entry.keyStart, end: entry.keyEnd, ...describe(ctx, entry, spec) });
	}
}

function describe(ctx: RuleContext, entry: EntryNode, spec: SectionSpec): { message: string; fixes?: Fix[] } {
	const names = Object.keys(spec.keys);
	const caseMatch = names.find((n) => n.toLowerCase() === entry.key.toLowerCase());
	const suggestion = caseMatch ?? closest(entry.key, names, entry.key.length > 5 ? 3 : 2);
	const elsewhere = ctx.catalog.sectionsFor(ctx.kind).find((s) => s !== spec && Object.prototype.hasOwnProperty.call(s.keys, entry.key));
	const consequence = spec.owner === 'quadlet'
		? 'podman\'s generator will refuse this unit'
		: 'systemd will ignore this line';
	let message = `"${entry.key}" is not a key of [${spec.section}]; ${consequence}.`;
	if (elsewhere) message += ` "${entry.key}" belongs in [${elsewhere.section}].`;
	else if (caseMatch) message += ` Keys are case-sensitive: write "${caseMatch}".`;
	else if (suggestion) message += ` Did you mean "${suggestion}"?`;
	else {
		const other = ctx.catalog.sectionsWithKey(entry.key)[0];
		if (other) message += ` "${entry.key}" exists only in [${other.section}] of .${other.appliesTo.join('/.')} files.`;
		else if (spec.owner === 'quadlet') message += ' Options podman has no key for can go in PodmanArgs=.';
	}
	const fixes: Fix[] = [];
	if (suggestion && !elsewhere) {
		fixes.push({ title: `Change to "${suggestion}"`, edits: [{ start: entry.keyStart, end: entry.keyEnd, newText: suggestion }], isPreferred: true });
	}
	return { message, fixes: fixes.length ? fixes : undefined };
}

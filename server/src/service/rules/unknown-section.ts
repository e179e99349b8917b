import { closest } from '../util/edit-distance';
import { defineRule } from './rule';
import { isExtensionSection } from './section-lookup';

/**
 * Diagnostic: quadlet/unknown-section
 * A section name that neither podman nor systemd knows. Podman copies unknown sections into the
 * generated service unchanged and systemd then ignores them with a warning, so every key in it
 * is silently dead.
 */
export default defineRule({
	id: 'quadlet/unknown-section',
	defaultSeverity: 'warning',
	title: 'Unknown section name',
	why: 'podman passes unknown sections through and systemd ignores them, so none of their keys take effect.',
	fix: 'Use a section the file type supports (e.g. [Container], [Unit], [Service], [Install]) or prefix a private section with "X-".',
	appliesTo: () => true,
	check(ctx) {
		const valid = ctx.catalog.sectionsFor(ctx.kind).map((s) => s.section);
		for (const section of ctx.parsed.sections) {
			if (section.name === '' || isExtensionSection(section.name)) continue;
			if (ctx.catalog.anySection(section.name)) continue;
			const suggestion = closest(section.name, valid, 3) ?? valid.find((v) => v.toLowerCase() === section.name.toLowerCase());
			ctx.report({
				start: section.nameStart, end: section.nameEnd,
				message: `[${section.name}] is not a section podman or systemd knows; its keys will be ignored.` +
					(suggestion ? ` Did you mean [${suggestion}]?` : ` Sections for a .${ctx.kind} file: ${valid.map((v) => `[${v}]`).join(', ')}.`),
				fixes: suggestion ? [{ title: `Rename to [${suggestion}]`, edits: [{ start: section.nameStart, end: section.nameEnd, newText: suggestion }], isPreferred: true }] : undefined,
			});
		}
	},
});

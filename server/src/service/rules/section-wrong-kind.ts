import { defineRule } from './rule';

/**
 * Diagnostic: quadlet/section-wrong-kind
 * A known section in a file type that doesn't use it, e.g. [Volume] in a .container or
 * [Socket] in a .container. Podman copies it into the service, where systemd ignores it.
 */
export default defineRule({
	id: 'quadlet/section-wrong-kind',
	defaultSeverity: 'warning',
	title: 'Section does not belong to this file type',
	why: 'Only the file type\'s own section is read by podman; a section of another unit type is copied into the service and ignored by systemd.',
	fix: 'Move the keys to the section of this file type, or move them into a unit file of the right type.',
	appliesTo: () => true,
	check(ctx) {
		for (const section of ctx.parsed.sections) {
			if (ctx.catalog.section(ctx.kind, section.name)) continue;
			const other = ctx.catalog.anySection(section.name);
			if (!other) continue;
			const own = ctx.catalog.sectionsFor(ctx.kind).map((s) => `[${s.section}]`).join(', ');
			ctx.report({
				start: section.nameStart, end: section.nameEnd,
				message: `[${section.name}] belongs in .${other.appliesTo.join('/.')} files, not in a .${ctx.kind} file, so its keys have no effect here. Sections for a .${ctx.kind} file: ${own}.`,
			});
		}
	},
});

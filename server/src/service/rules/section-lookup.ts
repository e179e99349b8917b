import type { SectionSpec } from '../catalog/catalog';
import type { EntryNode, SectionNode } from '../parser/ast';
import type { RuleContext } from './rule';

/** The catalog section an entry's section corresponds to in this file kind, if any. */
export function sectionSpecOf(ctx: RuleContext, section: SectionNode | undefined): SectionSpec | undefined {
	return section ? ctx.catalog.section(ctx.kind, section.name) : undefined;
}

/** Entries of the checked file that sit in a section the catalog knows for this kind. */
export function* knownEntries(ctx: RuleContext): Generator<{ entry: EntryNode; spec: SectionSpec }> {
	for (const section of ctx.parsed.sections) {
		const spec = sectionSpecOf(ctx, section);
		if (!spec) continue;
		for (const entry of section.entries) yield { entry, spec };
	}
}

/** Sections a human writes freely and tools ignore: systemd's X- extension sections. */
export function isExtensionSection(name: string): boolean {
	return name.startsWith('X-');
}

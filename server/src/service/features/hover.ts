import { getCatalog } from '../catalog/catalog';
import { getSpecifiers, specifierNote } from '../catalog/specifiers';
import { entryAt, sectionAt } from '../parser/cursor-context';
import { serviceNameFor } from '../unit-path';
import type { Workspace } from '../workspace/workspace';
import { keyDocMarkdown } from './docs';
import { resolveReference } from './references';

export interface HoverResult {
	markdown: string;
	start: number;
	end: number;
}

/** Hover documentation for keys, section headers, `%` specifiers and unit references. */
export function doHover(workspace: Workspace, path: string, offset: number): HoverResult | undefined {
	const file = workspace.get(path);
	const kind = file?.info.kind;
	if (!file || !kind) return undefined;
	const catalog = getCatalog();
	const parsed = file.parsed;
	const text = parsed.text;

	const section = sectionAt(parsed, offset);
	if (section && offset >= section.start && offset <= section.end) {
		const spec = catalog.section(kind, section.name) ?? catalog.anySection(section.name);
		if (!spec) return undefined;
		const belongs = spec.appliesTo.includes(kind) ? '' : `\n\n*Not used in .${kind} files.*`;
		return { markdown: `**[${spec.section}]** — ${spec.owner === 'quadlet' ? 'read by podman\'s quadlet generator' : 'passed to systemd'}\n\n${spec.doc}${belongs}`, start: section.nameStart, end: section.nameEnd };
	}

	const entry = entryAt(parsed, offset);
	if (!entry) return undefined;
	const sectionName = entry.section?.name;
	const spec = sectionName ? catalog.section(kind, sectionName) : undefined;
	const keySpec = spec && Object.prototype.hasOwnProperty.call(spec.keys, entry.key) ? spec.keys[entry.key] : undefined;
	if (offset >= entry.keyStart && offset <= entry.keyEnd) {
		if (!spec || !keySpec) return undefined;
		return { markdown: keyDocMarkdown(spec, entry.key, keySpec), start: entry.keyStart, end: entry.keyEnd };
	}
	if (offset < entry.valueStart) return undefined;

	// A `%x` specifier under the cursor.
	for (let i = Math.max(entry.valueStart, offset - 1); i <= offset && i < text.length; i++) {
		if (text[i] !== '%') continue;
		let run = 0;
		for (let j = i - 1; j >= entry.valueStart && text[j] === '%'; j--) run++;
		if (run % 2 === 1) continue;
		const s = getSpecifiers().get(text[i + 1] ?? '');
		if (!s) continue;
		return {
			markdown: `**%${s.letter}** — ${s.meaning}\n\n| system unit | user unit |\n|---|---|\n| ${s.system} | ${s.user} |\n\n${specifierNote()}`,
			start: i, end: i + 2,
		};
	}

	const ref = resolveReference(workspace, file, entry, offset, keySpec);
	if (ref) {
		const lines = [`**${ref.name}** → \`${serviceNameFor(ref.name, ref.target?.view?.serviceName)}\``, ''];
		if (ref.target) {
			lines.push(`Defined in \`${ref.target.file.path}\``);
			const summary = ref.target.summary;
			if (summary.length) lines.push('', '```quadlet', ...summary, '```');
		} else {
			lines.push(`No unit named \`${ref.name}\` is in the workspace.`);
		}
		return { markdown: lines.join('\n'), start: ref.start, end: ref.end };
	}
	return undefined;
}

import type { SectionSpec } from '../catalog/catalog';
import type { KeySpec } from '../catalog/catalog-schema';

/** Markdown documentation of a key, shared by hover and completion. */
export function keyDocMarkdown(section: SectionSpec, name: string, key: KeySpec): string {
	const lines: string[] = [];
	lines.push(`**${name}=** · [${section.section}]${key.deprecated ? ' · *deprecated*' : ''}`);
	lines.push('');
	lines.push(key.doc);
	if (key.deprecated) lines.push('', `Deprecated: ${key.deprecated}`);
	lines.push('');
	const facts: string[] = [];
	facts.push(`Type: \`${key.type}\`${key.multiplePerLine ? ' (several per line)' : ''}`);
	facts.push(key.repeatable ? 'Repeatable: yes — values accumulate; an empty `' + name + '=` clears earlier ones' : 'Repeatable: no — the last assignment wins');
	const closed = key.values?.filter((v) => !v.startsWith('<'));
	if (key.values && key.values.length > 0) facts.push(`Values: ${key.values.map((v) => `\`${v}\``).join(', ')}`);
	else if (closed?.length) facts.push(`Values: ${closed.join(', ')}`);
	if (key.default !== undefined) facts.push(`Default: \`${key.default}\``);
	if (key.min !== undefined || key.max !== undefined) facts.push(`Range: ${key.min ?? '−∞'} … ${key.max ?? '∞'}`);
	if (key.since) facts.push(key.since === 'unreleased' ? 'Since: podman main (unreleased)' : `Since: podman ${key.since}`);
	if (key.systemdSince) facts.push(`Since: systemd ${key.systemdSince}`);
	if (key.podmanArg) facts.push(`Generates: \`${key.podmanArg}\``);
	if (key.references) facts.push(`May name: ${key.references.map((r) => `\`*${r}\``).join(', ')}`);
	lines.push(facts.map((f) => `- ${f}`).join('\n'));
	lines.push('', 'Example:', '```quadlet', `[${section.section}]`, key.example, '```');
	return lines.join('\n');
}

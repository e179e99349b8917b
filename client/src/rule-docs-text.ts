/**
 * The "Show Rule Documentation" texts: quick-pick entries and one markdown page per rule.
 * Pure: no `vscode` import.
 */
import type { RuleInfo } from './protocol';

export const RULE_DOC_SCHEME = 'qm-quadlet-rule';

export interface RulePick {
	label: string;
	description: string;
	detail: string;
	id: string;
}

export function rulePickItems(rules: readonly RuleInfo[]): RulePick[] {
	return [...rules].sort((a, b) => a.id.localeCompare(b.id)).map((r) => ({
		label: r.id,
		description: `${r.defaultSeverity} · ${r.title}`,
		detail: r.why,
		id: r.id,
	}));
}

/** Markdown-inert text for a table cell or heading (rule texts are plain sentences). */
function inline(s: string): string {
	return s.replace(/\r?\n/g, ' ').replace(/([\\`*_<>[\]|])/g, '\\$1');
}

/** The virtual document path for a rule (ids contain "/"): `/qm/ipc-…​.md`. */
export function ruleDocPath(id: string): string {
	return `/${id}.md`;
}

export function ruleIdFromDocPath(path: string): string | undefined {
	const m = /^\/((?:quadlet|systemd|qm)\/[a-z0-9-]+)\.md$/.exec(path);
	return m?.[1];
}

export function renderRuleMarkdown(r: RuleInfo): string {
	return [
		`# \`${r.id}\``,
		'',
		`**${inline(r.title)}**`,
		'',
		`Default severity: **${r.defaultSeverity}**`,
		'',
		'## Why',
		'',
		inline(r.why),
		'',
		'## Fix',
		'',
		inline(r.fix),
		'',
		'## Configure',
		'',
		`- Change its severity with the setting \`"qmQuadlet.rules.${r.id}": "off" | "hint" | "information" | "warning" | "error"\`.`,
		`- Silence one finding with \`# qm-quadlet-disable-next-line ${r.id}\` on the line above it,`,
		`  or the whole file with \`# qm-quadlet-disable ${r.id}\`.`,
		`- The README's rule table lists every rule (anchor \`#${r.anchor}\`).`,
		'',
	].join('\n');
}

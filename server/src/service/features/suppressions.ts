import type { ParsedUnit } from '../parser/ast';
import { lineAt } from '../parser/cursor-context';

const NEXT_LINE = /^[#;]\s*qm-quadlet-disable-next-line\b(.*)$/;
const FILE = /^[#;]\s*qm-quadlet-disable\b(?!-)(.*)$/;

export interface Suppressions {
	/** No suppression comment at all: callers can skip the per-diagnostic line look-up. */
	none: boolean;
	isSuppressed(code: string, line: number): boolean;
}

/**
 * Reads suppression comments:
 *   `# qm-quadlet-disable-next-line <id>[, <id>…]` silences those ids on the next non-comment line;
 *   `# qm-quadlet-disable <id>[, <id>…]` silences them in the whole file.
 * Without ids, every rule is silenced.
 */
export function getSuppressions(parsed: ParsedUnit): Suppressions {
	const fileWide = new Set<string>();
	let allFile = false;
	const byLine = new Map<number, Set<string> | 'all'>();
	for (const comment of parsed.comments) {
		const text = comment.text;
		let m = NEXT_LINE.exec(text);
		if (m) {
			const ids = parseIds(m[1]);
			const commentLine = lineAt(parsed, comment.start);
			const target = nextContentLine(parsed, commentLine);
			if (target < 0) continue;
			const current = byLine.get(target);
			if (ids.length === 0 || current === 'all') byLine.set(target, 'all');
			else byLine.set(target, new Set([...(current ?? []), ...ids]));
			continue;
		}
		m = FILE.exec(text);
		if (m) {
			const ids = parseIds(m[1]);
			if (ids.length === 0) allFile = true;
			for (const id of ids) fileWide.add(id);
		}
	}
	return {
		none: !allFile && fileWide.size === 0 && byLine.size === 0,
		isSuppressed(code, line) {
			if (allFile || fileWide.has(code)) return true;
			const l = byLine.get(line);
			return l === 'all' || (l !== undefined && l.has(code));
		},
	};
}

function parseIds(s: string): string[] {
	return s.split(/[\s,]+/).map((x) => x.trim()).filter((x) => x.length > 0 && !x.startsWith('--'));
}


function nextContentLine(parsed: ParsedUnit, from: number): number {
	for (let i = from + 1; i < parsed.lines.length; i++) {
		const k = parsed.lines[i].kind;
		if (k !== 'blank' && k !== 'comment') return i;
	}
	return -1;
}

/**
 * Reads ../shared/corpus/qm-upstream/EXPECTED.md: for every file of every tree, the QM findings
 * it must get (id + severity), the ids it may get, and the ids that must not fire.
 */
import { readFileSync } from 'node:fs';
import type { Severity } from '../../server/src/service/types';

export interface ExpectedFinding { id: string; severity: Severity; count: number }

export interface ExpectedFile {
	/** Tree folder relative to qm-upstream/, e.g. "docs/asil-to-qm". */
	tree: string;
	/** Path inside the tree = install path without the leading "/". */
	file: string;
	row: string;
	expected: ExpectedFinding[];
	/** Ids mentioned as acceptable without a severity ("a legitimate finding", "at most a hint"). */
	allowed: Set<string>;
	/** Ids that must not fire. */
	forbidden: Set<string>;
	text: string;
}

/** The four families issue 3 requires: levels §2.2, sockets §3.2, volumes §4.3, IPC §5.2. */
export const REQUIRED_FAMILY = /^qm\/(label-level-|socket-|unit-dep-|boundary-hard-dependency|service-type-|service-user-group|volume-|ipc-)/;

const SEVERITY: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'information', hint: 'hint' };

export function parseExpected(markdown: string): ExpectedFile[] {
	const out: ExpectedFile[] = [];
	let tree = '';
	for (const line of markdown.split('\n')) {
		const heading = /^#{2,3} `([^`]+)\/`/.exec(line);
		if (heading) { tree = heading[1]; continue; }
		if (!line.startsWith('|') || /^\|\s*-/.test(line) || /^\|\s*#\s*\|/.test(line)) continue;
		const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
		if (cells.length < 3) continue;
		const fileMatch = /`([^`]+)`/.exec(cells[1]);
		if (!fileMatch || !tree) continue;
		let file = fileMatch[1];
		let fileTree = tree;
		// Rows of the two network trees name the tree in the path.
		const inPath = /^(docs\/[^/]+)\/(.*)$/.exec(file);
		if (inPath) { fileTree = inPath[1]; file = inPath[2]; }
		const text = cells[cells.length - 1].replace(/\*\*Mutation:\*\*.*$/s, '');
		let found = findings(text);
		// "same as bluechi-tester-1": the expectations of that row in the same tree.
		const same = /^same as ([\w.@-]+)/.exec(text);
		if (same && found.expected.length === 0) {
			const ref = out.find((r) => r.tree === fileTree && r.file.includes(same[1]));
			if (ref) found = { expected: ref.expected, allowed: ref.allowed, forbidden: ref.forbidden };
		}
		out.push({ tree: fileTree, file, row: cells[0], ...found, text });
	}
	return out;
}

function findings(text: string): Pick<ExpectedFile, 'expected' | 'allowed' | 'forbidden'> {
	const expected: ExpectedFinding[] = [];
	const allowed = new Set<string>();
	const forbidden = new Set<string>();
	const re = /\b(error|warning|info|hint)\s+`(qm\/[a-z0-9-]+)`(\s+twice)?/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(text)) !== null) {
		const count = m[3] ? 2 : /\((\d+) in total\)|: (\d+) in total/.exec(text.slice(m.index, m.index + 300))?.slice(1).find(Boolean);
		expected.push({ id: m[2], severity: SEVERITY[m[1]], count: typeof count === 'string' ? Number(count) : count === 2 ? 2 : 1 });
	}
	for (const mention of text.matchAll(/`(qm\/[a-z0-9-]+)`/g)) {
		const id = mention[1];
		const after = text.slice(mention.index! + mention[0].length, mention.index! + mention[0].length + 30);
		const before = text.slice(Math.max(0, mention.index! - 4), mention.index!);
		if (/^\s*(must \*\*not\*\*|does not apply)/.test(after) || /No\s*$/.test(before)) forbidden.add(id);
		else allowed.add(id);
	}
	// "warning `x` … unless …; … so no warning is expected here": the condition holds in this tree.
	if (/so no warning is expected/.test(text)) {
		for (let i = expected.length - 1; i >= 0; i--) if (expected[i].severity === 'warning') { allowed.add(expected[i].id); expected.splice(i, 1); }
	}
	// "`qm/unit-dep-unknown` for `mutter.service`: … error for `Requires=…` and warning for `After=…`"
	const split = /`(qm\/[a-z0-9-]+)` for [^.]*?severity is error for `([^`]+)` and warning for `([^`]+)`/.exec(text);
	if (split) {
		expected.push({ id: split[1], severity: 'error', count: 1 }, { id: split[1], severity: 'warning', count: 1 });
	}
	return { expected, allowed, forbidden };
}

export function loadExpected(path: string): ExpectedFile[] {
	return parseExpected(readFileSync(path, 'utf8'));
}

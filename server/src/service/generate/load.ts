/**
 * Whether podman's unit-file parser loads a file at all (quadlet-spec §2.1): the first line it
 * cannot read stops it with `error loading "<path>", <reason>`.
 */
import type { SyntaxProblem } from '../parser/ast';
import type { WorkspaceFile } from '../workspace/workspace';

const FATAL = new Set<SyntaxProblem['code']>([
	'quadlet/syntax-bom', 'quadlet/syntax-invalid-line', 'quadlet/syntax-key-outside-section',
	'quadlet/syntax-invalid-section-name',
]);

export function loadError(file: WorkspaceFile): string | undefined {
	const fatal = file.parsed.problems.filter((p) => FATAL.has(p.code)).sort((a, b) => a.start - b.start)[0];
	if (!fatal) return undefined;
	return `error loading "${file.path}", ${reason(file, fatal)}`;
}

function reason(file: WorkspaceFile, p: SyntaxProblem): string {
	const { text, parsed } = file;
	switch (p.code) {
		case 'quadlet/syntax-key-outside-section':
			return 'key file does not start with a group';
		case 'quadlet/syntax-invalid-section-name':
			return `invalid group name: ${parsed.sections.find((s) => s.nameStart === p.start)?.name ?? text.slice(p.start, p.end)}`;
		default: {
			const at = p.code === 'quadlet/syntax-bom' ? 0 : p.end;
			const index = parsed.lines.findIndex((l) => at >= l.start && at <= l.end);
			const line = parsed.lines[Math.max(index, 0)];
			const content = p.code === 'quadlet/syntax-bom' ? text.slice(line.start, line.contentEnd) : text.slice(p.start, p.end).replace(/\\\r?\n\s*/g, '');
			return `file contains line ${Math.max(index, 0) + 1}: “${content}” which is not a key-value pair, group, or comment`;
		}
	}
}

import type { SyntaxProblemCode } from '../parser/ast';
import type { RuleMeta } from './rule';

/**
 * The parser's problems, published as rules so they have ids, settings and docs like any other.
 * The parser finds them; validation only maps them to diagnostics.
 */
export const SYNTAX_RULES: Record<SyntaxProblemCode, RuleMeta> = {
	'quadlet/syntax-invalid-line': {
		id: 'quadlet/syntax-invalid-line', defaultSeverity: 'error',
		title: 'Line is not a comment, section header or Key=value',
		why: 'podman stops at the first such line and drops every unit in the same directory.',
		fix: 'Add the missing "=", close the "[...]" header, or comment the line out with "#".',
	},
	'quadlet/syntax-key-outside-section': {
		id: 'quadlet/syntax-key-outside-section', defaultSeverity: 'error',
		title: 'Assignment before the first section header',
		why: 'podman refuses files whose first assignment precedes any [Section] ("key file does not start with a group").',
		fix: 'Add the section header (e.g. [Container]) above the first assignment.',
	},
	'quadlet/syntax-invalid-section-name': {
		id: 'quadlet/syntax-invalid-section-name', defaultSeverity: 'error',
		title: 'Empty or malformed section name',
		why: 'podman rejects section names that are empty or contain brackets or control characters.',
		fix: 'Write a plain section name such as [Container].',
	},
	'quadlet/syntax-bom': {
		id: 'quadlet/syntax-bom', defaultSeverity: 'error',
		title: 'UTF-8 byte order mark at the start of the file',
		why: 'podman\'s parser does not skip a BOM, so the first line becomes invalid and the unit (and its siblings) fail to load.',
		fix: 'Save the file as UTF-8 without BOM (the quick fix deletes it).',
	},
	'quadlet/syntax-nul': {
		id: 'quadlet/syntax-nul', defaultSeverity: 'error',
		title: 'NUL byte in the file',
		why: 'systemd refuses unit files with embedded NUL bytes.',
		fix: 'Delete the NUL byte.',
	},
	'quadlet/syntax-invalid-utf8': {
		id: 'quadlet/syntax-invalid-utf8', defaultSeverity: 'warning',
		title: 'Text that is not valid UTF-8',
		why: 'systemd ignores assignments that are not UTF-8 clean.',
		fix: 'Re-save the file as UTF-8 and retype the damaged characters.',
	},
	'quadlet/syntax-continuation-at-eof': {
		id: 'quadlet/syntax-continuation-at-eof', defaultSeverity: 'warning',
		title: 'Line continuation left open at the end of the file',
		why: 'podman silently discards a continued line when only comments or blank lines follow it.',
		fix: 'Remove the trailing backslash or add the missing continuation line.',
	},
};

import { ALL_RULE_METAS } from '../service/rules/index';
import type { Diagnostic, Severity } from '../service/types';
import type { ParsedUnit } from '../service/parser/ast';
import { lineAt } from '../service/parser/cursor-context';

export interface FileReport {
	path: string;
	parsed: ParsedUnit;
	diagnostics: Diagnostic[];
	/** Shown in the text header, e.g. the file's domain. */
	header?: string;
}

interface Pos { line: number; character: number }

function position(parsed: ParsedUnit, offset: number): Pos {
	const line = lineAt(parsed, offset);
	return { line, character: offset - (parsed.lines[line]?.start ?? 0) };
}

export function formatJson(reports: FileReport[]): string {
	return JSON.stringify({
		version: 1,
		files: reports.map((r) => ({
			path: r.path,
			diagnostics: r.diagnostics.map((d) => ({
				code: d.code,
				severity: d.severity,
				message: d.message,
				range: { start: position(r.parsed, d.start), end: position(r.parsed, d.end) },
			})),
		})),
	}, null, 2);
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(reports: FileReport[], version: string): string {
	const used = new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.code)));
	const rules = ALL_RULE_METAS.filter((r) => used.has(r.id)).map((r) => ({
		id: r.id,
		shortDescription: { text: r.title },
		fullDescription: { text: r.why },
		help: { text: r.fix },
		defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
	}));
	const results = reports.flatMap((r) => r.diagnostics.map((d) => {
		const s = position(r.parsed, d.start);
		const e = position(r.parsed, d.end);
		return {
			ruleId: d.code,
			level: SARIF_LEVEL[d.severity],
			message: { text: d.message },
			locations: [{
				physicalLocation: {
					artifactLocation: { uri: encodeURI(r.path) },
					region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 },
				},
			}],
		};
	}));
	return JSON.stringify({
		version: '2.1.0',
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		runs: [{
			tool: { driver: { name: 'qm-quadlet', version, informationUri: 'https://www.npmjs.com/package/qm-quadlet', rules } },
			columnKind: 'utf16CodeUnits',
			results,
		}],
	}, null, 2);
}

export function formatText(reports: FileReport[]): string {
	const out: string[] = [];
	const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
	for (const r of reports) {
		if (r.diagnostics.length === 0) continue;
		out.push(`${r.path}${r.header ? `  (${r.header})` : ''}`);
		for (const d of r.diagnostics) {
			counts[d.severity]++;
			const p = position(r.parsed, d.start);
			out.push(`  ${p.line + 1}:${p.character + 1}  ${d.severity.padEnd(11)} ${d.message}  [${d.code}]`);
		}
		out.push('');
	}
	out.push(`${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information} information, ${counts.hint} hint${counts.hint === 1 ? '' : 's'}`);
	return out.join('\n');
}

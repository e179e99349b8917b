// The CLI proper; dist/cli.js (cli-entry.ts) loads it with a V8 code cache and calls main().
import { parseArgs, UsageError, USAGE, type LintArgs } from './cli/args';
import { collectFiles } from './cli/collect';
import { generate } from './cli/generate';
import { map } from './cli/map';
import { formatJson, formatSarif, formatText, type FileReport } from './cli/format';
import { createLanguageService, domainLabel } from './service/index';
import { DEFAULT_MAX_FILE_SIZE } from './service/types';

const VERSION = '0.1.0';

/** The command-line linter: a thin front end over the language service. Returns the exit code. */
export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
	let args;
	try {
		args = parseArgs(argv);
	} catch (e) {
		if (e instanceof UsageError) { err(`qm-quadlet: ${e.message}\n\n${USAGE}`); return 2; }
		throw e;
	}
	if (args.command === 'help') { out(USAGE); return 0; }
	if (args.command === 'version') { out(VERSION); return 0; }
	if (args.command === 'generate') return generate(args.argv, out, err);
	if (args.command === 'map') return map(args.argv, out, err);
	return lint(args, out, err);
}

async function lint(args: LintArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
	const maxBytes = args.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
	const { files, errors } = await collectFiles(args.paths, args.root, maxBytes);
	for (const e of errors) err(`qm-quadlet: ${e}`);
	const service = createLanguageService({ podmanVersion: args.podmanVersion });
	const bySystem = new Map<string, string>();
	for (const f of files) {
		if (bySystem.has(f.system)) {
			err(`qm-quadlet: ${f.display} and ${bySystem.get(f.system)} are the same installed path under --root; linting the first`);
			continue;
		}
		bySystem.set(f.system, f.display);
		service.workspace.set(f.system, f.text);
	}
	const reports: FileReport[] = [];
	let hasError = false;
	for (const [system, display] of bySystem) {
		const file = service.workspace.get(system);
		if (!file) continue;
		const diagnostics = service.doValidation(system);
		if (diagnostics.some((d) => d.severity === 'error')) hasError = true;
		const domain = service.getDomain(system);
		reports.push({ path: display, header: domain ? `domain: ${domainLabel(domain.domain)}` : undefined, parsed: file.parsed, diagnostics: diagnostics.map((d) => ({ ...d, related: d.related?.map((r) => ({ ...r, path: bySystem.get(r.path) ?? r.path })) })) });
	}
	reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	if (args.format === 'json') out(formatJson(reports));
	else if (args.format === 'sarif') out(formatSarif(reports, VERSION));
	else out(formatText(reports));
	if (errors.length > 0) return 2;
	return hasError ? 1 : 0;
}

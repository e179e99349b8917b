// The CLI proper; dist/cli.js (cli-entry.ts) loads it with a V8 code cache and calls main().
import { parseArgs, UsageError, USAGE, type LintArgs } from './cli/args';
import { collectFiles } from './cli/collect';
import { generate } from './cli/generate';
import { map } from './cli/map';
import { formatJson, formatSarif, formatText, type FileReport } from './cli/format';
import { LintPool, runLintWorkerIfAny, threadCount, validateAll, type FileResult } from './cli/parallel';
import { createLanguageService, type LanguageService } from './service/index';
import { DEFAULT_MAX_FILE_SIZE } from './service/types';

// Started as a lint worker thread (cli/parallel.ts), this module serves that instead of main().
runLintWorkerIfAny();

const VERSION = '0.1.0';

/** How the CLI was started. */
export interface Host {
	/** Script for lint worker threads; default this module's file (dist/cli.js passes itself, for its code cache). */
	workerScript?: string;
}

/** The command-line linter: a thin front end over the language service. Returns the exit code. */
export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void, host: Host = {}): Promise<number> {
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
	return lint(args, out, err, host.workerScript ?? __filename);
}

async function lint(args: LintArgs, out: (s: string) => void, err: (s: string) => void, workerScript: string): Promise<number> {
	const maxBytes = args.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
	const options = { podmanVersion: args.podmanVersion };
	let pool: LintPool | undefined;
	try {
		// Workers (large trees) start while the files are read.
		const { files, errors } = await collectFiles(args.paths, args.root, maxBytes, (found) => {
			const threads = threadCount(args.jobs, found);
			if (threads > 1) pool = new LintPool(threads - 1, options, workerScript);
		});
		for (const e of errors) err(`qm-quadlet: ${e}`);
		const service = createLanguageService(options);
		const bySystem = new Map<string, string>();
		const texts: string[] = [];
		for (const f of files) {
			if (bySystem.has(f.system)) {
				err(`qm-quadlet: ${f.display} and ${bySystem.get(f.system)} are the same installed path under --root; linting the first`);
				continue;
			}
			bySystem.set(f.system, f.display);
			texts.push(f.text);
		}
		const systems = [...bySystem.keys()];
		pool?.share(systems, texts);
		for (let i = 0; i < systems.length; i++) service.workspace.set(systems[i], texts[i]);
		const results = await validateAll(service, systems, pool, err);
		return report(args, service, systems, bySystem, results, errors.length > 0, out);
	} finally {
		// Also when something above threw: a worker still waiting for the files must not keep the process alive.
		(pool as LintPool | undefined)?.dispose();
	}
}

function report(args: LintArgs, service: LanguageService, systems: string[], bySystem: Map<string, string>, results: FileResult[], ioErrors: boolean, out: (s: string) => void): number {
	const reports: FileReport[] = [];
	let hasError = false;
	for (let i = 0; i < systems.length; i++) {
		const file = service.workspace.get(systems[i]);
		if (!file) continue;
		const { header, diagnostics } = results[i];
		if (diagnostics.some((d) => d.severity === 'error')) hasError = true;
		reports.push({ path: bySystem.get(systems[i])!, header, parsed: file.parsed, diagnostics: diagnostics.map((d) => ({ ...d, related: d.related?.map((r) => ({ ...r, path: bySystem.get(r.path) ?? r.path })) })) });
	}
	reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	if (args.format === 'json') out(formatJson(reports));
	else if (args.format === 'sarif') out(formatSarif(reports, VERSION));
	else out(formatText(reports));
	if (ioErrors) return 2;
	return hasError ? 1 : 0;
}

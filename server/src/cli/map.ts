/**
 * `qm-quadlet map`: the QM domain map of the given units (host, QM boundary and QM partition as
 * regions, units as nodes, activation/dependency/IPC edges, illegal crossings in red with their
 * rule id) as a self-contained SVG, Graphviz dot or the JSON the LSP request returns.
 */
import { promises as fs } from 'node:fs';
import { buildDomainMap } from '../service/map/build-map';
import { renderDot } from '../service/map/render-dot';
import { renderSvg } from '../service/map/render-svg';
import type { DomainMap } from '../service/map/types';
import { DEFAULT_MAX_FILE_SIZE } from '../service/types';
import { Workspace } from '../service/workspace/workspace';
import { collectFiles } from './collect';

export const MAP_USAGE = `Usage: qm-quadlet map [options] <path>...

Draws the QM domain map of the given units: the host (ASIL), the QM boundary and the QM
partition as regions, units as boxes, edges for socket activation, [Unit] dependencies, shared
paths and IPC. IPC edges are grey within a domain, green through the /run/ipc bridge and red,
labelled with the rule id, where a rule reports an illegal crossing (as qm-quadlet lint does).
Directories are searched recursively.

Options:
  --format svg|dot|json      output format (default: svg)
  --root DIR                 treat DIR as "/" when deciding where a file is installed
  --title TEXT               heading of the SVG (default: none)
  -o, --output FILE          write to FILE instead of standard output
  -h, --help                 show this help

Exit status: 0 map written, 2 usage or I/O error.`;

interface MapArgs {
	format: 'svg' | 'dot' | 'json';
	root: string | undefined;
	title: string | undefined;
	output: string | undefined;
	paths: string[];
}

function parse(argv: string[]): MapArgs | 'help' | string {
	const out: MapArgs = { format: 'svg', root: undefined, title: undefined, output: undefined, paths: [] };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = (): string | undefined => {
			const eq = a.startsWith('--') ? a.indexOf('=') : -1;
			return eq >= 0 ? a.slice(eq + 1) : argv[++i];
		};
		const option = (name: string) => a === name || a.startsWith(`${name}=`);
		if (a === '-h' || a === '--help') return 'help';
		if (option('--format')) {
			const v = value();
			if (v !== 'svg' && v !== 'dot' && v !== 'json') return `--format must be svg, dot or json, not "${v ?? ''}"`;
			out.format = v;
		} else if (option('--root')) {
			const v = value();
			if (v === undefined) return '--root needs a value';
			out.root = v;
		} else if (option('--title')) {
			const v = value();
			if (v === undefined) return '--title needs a value';
			out.title = v;
		} else if (a === '-o' || option('--output')) {
			const v = value();
			if (v === undefined) return `${a.split('=')[0]} needs a value`;
			out.output = v;
		} else if (a.startsWith('-') && a !== '-') return `unknown option "${a}"`;
		else out.paths.push(a);
	}
	return out.paths.length ? out : 'no paths given';
}

export async function map(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
	const args = parse(argv);
	if (args === 'help') { out(MAP_USAGE); return 0; }
	if (typeof args === 'string') { err(`qm-quadlet: ${args}\n\n${MAP_USAGE}`); return 2; }
	const { files, errors } = await collectFiles(args.paths, args.root, DEFAULT_MAX_FILE_SIZE);
	for (const e of errors) err(`qm-quadlet: ${e}`);

	const workspace = new Workspace();
	const display = new Map<string, string>();
	for (const f of files) {
		if (display.has(f.system)) {
			err(`qm-quadlet: ${f.display} and ${display.get(f.system)} are the same installed path under --root; using the first`);
			continue;
		}
		display.set(f.system, f.display);
		workspace.set(f.system, f.text);
	}
	const built = buildDomainMap(workspace);
	// Ids stay the installed paths (stable whatever the working directory); `path` is the file as given.
	const result: DomainMap = {
		...built,
		nodes: built.nodes.map((n) => ({ ...n, path: display.get(n.path) ?? n.path })),
		edges: built.edges.map((e) => (e.findings ? { ...e, findings: e.findings.map((f) => ({ ...f, path: display.get(f.path) ?? f.path })) } : e)),
	};
	const text = args.format === 'json' ? JSON.stringify(result, null, 2)
		: args.format === 'dot' ? renderDot(result, { title: args.title }).trimEnd()
			: renderSvg(result, { title: args.title }).trimEnd();
	if (args.output) {
		try {
			await fs.writeFile(args.output, text + '\n');
		} catch (e) {
			err(`qm-quadlet: ${args.output}: ${(e as Error).message}`);
			return 2;
		}
	} else out(text);
	return errors.length ? 2 : 0;
}

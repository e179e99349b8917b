/**
 * `qm-quadlet generate`: prints the services podman's quadlet generator would write for the
 * given units, in podman's dry-run format, and the [Install] symlinks it would create.
 */
import { existsSync, promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateUnit } from '../service/generate/index';
import { DEFAULT_MAX_FILE_SIZE } from '../service/types';
import { getUnitFileInfo, isQuadletKind } from '../service/unit-path';
import { Workspace } from '../service/workspace/workspace';
import { collectFiles, type CollectedFile } from './collect';

export const GENERATE_USAGE = `Usage: qm-quadlet generate [options] <path>...

Prints the systemd services podman's quadlet generator would write for the given units
(.container .pod .kube .volume .network .image .build .artifact), in its dry-run format
("---NAME.service---" then the unit), followed by the symlinks it would create for [Install].
Directories are searched recursively. The units next to a given file (its drop-ins and the
units it refers to) are read too; with --root, also podman's search directories below DIR.

Options:
  --root DIR                 treat DIR as "/" (DIR/etc/containers/systemd/a.container is
                             generated as /etc/containers/systemd/a.container)
  --user                     generate as the rootless (user) generator does
  --podman-version X.Y       behave like the generator of that podman release (default: newest)
  -h, --help                 show this help

Refused units are reported on stderr as podman does: converting "<file>": <reason>.
Exit status: 0 every unit converted, 1 a unit was refused, 2 usage or I/O error.`;

interface GenerateArgs {
	root: string | undefined;
	user: boolean;
	podmanVersion: string | undefined;
	paths: string[];
}

/** podman's search directories, below --root. */
const SEARCH_DIRS = ['run/containers/systemd', 'etc/containers/systemd', 'usr/share/containers/systemd', 'etc/qm/containers/systemd'];

/** podman converts units in this order (SupportedExtensions). */
const ORDER: Record<string, number> = { artifact: 1, image: 1, volume: 2, network: 2, build: 3, container: 4, kube: 4, pod: 5 };

function parse(argv: string[]): GenerateArgs | 'help' | string {
	const out: GenerateArgs = { root: undefined, user: false, podmanVersion: undefined, paths: [] };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = (): string | undefined => {
			const eq = a.indexOf('=');
			return eq >= 0 ? a.slice(eq + 1) : argv[++i];
		};
		if (a === '-h' || a === '--help') return 'help';
		if (a === '--user') out.user = true;
		else if (a === '--root' || a.startsWith('--root=')) {
			const v = value();
			if (v === undefined) return '--root needs a value';
			out.root = v;
		} else if (a === '--podman-version' || a.startsWith('--podman-version=')) {
			const v = value();
			if (v === undefined) return '--podman-version needs a value';
			if (!/^\d+\.\d+$/.test(v) && v !== 'latest') return `--podman-version must look like 5.4, not "${v}"`;
			out.podmanVersion = v === 'latest' ? undefined : v;
		} else if (a.startsWith('-') && a !== '-') return `unknown option "${a}"`;
		else out.paths.push(a);
	}
	return out.paths.length ? out : 'no paths given';
}

export async function generate(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
	const args = parse(argv);
	if (args === 'help') { out(GENERATE_USAGE); return 0; }
	if (typeof args === 'string') { err(`qm-quadlet: ${args}\n\n${GENERATE_USAGE}`); return 2; }
	const { files, errors } = await collectFiles(args.paths, args.root, DEFAULT_MAX_FILE_SIZE);
	for (const e of errors) err(`qm-quadlet: ${e}`);
	const context = await collectFiles(await contextDirs(args), args.root, DEFAULT_MAX_FILE_SIZE);

	const workspace = new Workspace();
	for (const f of [...context.files, ...files]) workspace.set(f.system, f.text);
	const seen = new Set<string>();
	const targets: CollectedFile[] = [];
	for (const f of files) {
		const info = getUnitFileInfo(f.system);
		if (seen.has(f.system)) continue;
		seen.add(f.system);
		if (isQuadletKind(info.kind) && !info.dropIn) targets.push(f);
		else if (args.paths.some((p) => resolve(p) === f.real)) err(`qm-quadlet: ${f.display}: not a quadlet unit file; skipped`);
	}
	targets.sort((a, b) => order(a) - order(b) || (a.system < b.system ? -1 : a.system > b.system ? 1 : 0));
	if (targets.length === 0 && errors.length === 0) err('qm-quadlet: no quadlet unit files found');

	const root = args.root ? resolve(args.root) : undefined;
	const hostPathExists = (p: string) => existsSync(root ? join(root, p) : p);
	const links: string[] = [];
	let refused = false;
	for (const t of targets) {
		const g = generateUnit(workspace, t.system, { user: args.user, podmanVersion: args.podmanVersion, hostPathExists });
		const fileName = getUnitFileInfo(t.system).fileName;
		for (const w of g.warnings) err(`${t.display}: ${w}`);
		if (g.errors.length) {
			refused = true;
			for (const e of g.errors) err(`converting "${fileName}": ${e}`);
			continue;
		}
		out(`---${g.serviceName}---\n${g.text}`);
		for (const s of g.symlinks) links.push(`${s.link} -> ${s.target}`);
	}
	if (links.length) out(['symlinks:', ...links.map((l) => `  ${l}`)].join('\n'));
	if (errors.length) return 2;
	return refused ? 1 : 0;
}

function order(f: CollectedFile): number {
	return ORDER[getUnitFileInfo(f.system).kind ?? ''] ?? 9;
}

/** The directories of the given files, and podman's search directories under --root. */
async function contextDirs(args: GenerateArgs): Promise<string[]> {
	const dirs = new Set<string>();
	for (const p of args.paths) {
		try {
			if ((await fs.stat(p)).isFile()) dirs.add(dirname(resolve(p)));
		} catch { /* reported by collectFiles */ }
	}
	if (args.root) for (const d of SEARCH_DIRS) if (existsSync(join(args.root, d))) dirs.add(resolve(args.root, d));
	return [...dirs];
}

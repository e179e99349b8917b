export interface LintArgs {
	command: 'lint';
	format: 'text' | 'json' | 'sarif';
	root: string | undefined;
	podmanVersion: string | undefined;
	paths: string[];
	maxFileSize?: number;
	/** --jobs: threads to lint with (1 = no worker threads); undefined = automatic. */
	jobs?: number;
}

export type ParsedArgs = LintArgs | { command: 'help' } | { command: 'version' } | { command: 'generate'; argv: string[] } | { command: 'map'; argv: string[] };

export class UsageError extends Error {}

export const USAGE = `Usage: qm-quadlet lint [options] <path>...
       qm-quadlet generate [--root DIR] [--user] <path>...   (see qm-quadlet generate --help)
       qm-quadlet map [--format svg|dot|json] [--root DIR] <path>...   (see qm-quadlet map --help)

Lints Podman Quadlet units (.container .pod .kube .volume .network .image .build
.artifact, drop-ins <unit>.d/*.conf) and systemd .socket/.service units.
Directories are searched recursively.

Options:
  --format text|json|sarif   output format (default: text)
  --root DIR                 treat DIR as "/" when deciding where a file is installed
                             (DIR/etc/qm/containers/systemd/a.container is the QM unit
                             /etc/qm/containers/systemd/a.container)
  --podman-version X.Y       target podman version; newer keys are reported (default: newest)
  --jobs N                   lint with N threads (1: no worker threads); default: 2 for
                             trees of 1500+ files with 4+ CPUs or 40000+ files with 2-3, else 1
  -h, --help                 show this help
  --version                  print the version

Exit status: 0 no errors, 1 errors found, 2 usage or I/O error.`;

export function parseArgs(argv: string[]): ParsedArgs {
	if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
	if (argv[0] === '--version' || argv[0] === 'version') return { command: 'version' };
	const [command, ...rest] = argv;
	if (command === 'generate') return { command: 'generate', argv: rest };
	if (command === 'map') return { command: 'map', argv: rest };
	if (command !== 'lint') throw new UsageError(`unknown command "${command}"`);
	const out: LintArgs = { command: 'lint', format: 'text', root: undefined, podmanVersion: undefined, paths: [] };
	for (let i = 0; i < rest.length; i++) {
		const a = rest[i];
		const value = (name: string): string => {
			const eq = a.indexOf('=');
			if (eq >= 0) return a.slice(eq + 1);
			const v = rest[++i];
			if (v === undefined) throw new UsageError(`${name} needs a value`);
			return v;
		};
		if (a === '--format' || a.startsWith('--format=')) {
			const f = value('--format');
			if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}"`);
			out.format = f;
		} else if (a === '--root' || a.startsWith('--root=')) {
			out.root = value('--root');
		} else if (a === '--podman-version' || a.startsWith('--podman-version=')) {
			const v = value('--podman-version');
			if (!/^\d+\.\d+$/.test(v) && v !== 'latest') throw new UsageError(`--podman-version must look like 5.4, not "${v}"`);
			out.podmanVersion = v === 'latest' ? undefined : v;
		} else if (a === '--jobs' || a.startsWith('--jobs=')) {
			const v = value('--jobs');
			if (!/^[1-9]\d{0,2}$/.test(v)) throw new UsageError(`--jobs must be a number from 1 to 999, not "${v}"`);
			out.jobs = Number(v);
		} else if (a === '-h' || a === '--help') {
			return { command: 'help' };
		} else if (a.startsWith('-') && a !== '-') {
			throw new UsageError(`unknown option "${a}"`);
		} else {
			out.paths.push(a);
		}
	}
	if (out.paths.length === 0) throw new UsageError('no paths given');
	return out;
}

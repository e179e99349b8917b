/**
 * The optional podman-backed preview: runs podman's own quadlet generator (`quadlet -dryrun`) on
 * a private temporary copy of a unit, its drop-ins and its sibling units
 * (reliability-and-ecosystem.md §A11):
 *
 * - an argument array through `execFile` with `shell: false`; no document-derived value is ever
 *   an argument (the unit reaches the generator only as files in a fresh `mkdtemp` directory);
 * - the executable comes from a machine-scoped setting: a command name looked up in the absolute
 *   entries of PATH, or an absolute path (never relative to the workspace);
 * - podman ≥ 4.4 (the first release with quadlet), a minimal environment, a timeout, an output
 *   cap, cancellation through an AbortSignal, and the staging directory is always removed;
 * - staged paths are mapped back to the source directory before anything is shown.
 *
 * Node only, no `vscode` import: the caller checks workspace trust and passes `isTrusted`, which
 * is re-checked after every await.
 */
import { execFile, type ExecFileOptionsWithStringEncoding } from 'node:child_process';
import { constants, accessSync, statSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { messagesAbout, parseDryRun, stageUnitSources, unstagePaths, type StagedUnit } from './podman-staging';
import type { UnitSourcesResult } from './protocol';

export const PODMAN_TIMEOUT_MS = 5000;
export const PODMAN_MAX_OUTPUT = 1024 * 1024;
/** Quadlet arrived in podman 4.4. */
export const MIN_PODMAN = { major: 4, minor: 4 } as const;

/** Where distributions install the generator when it is not next to podman. */
export const DEFAULT_GENERATORS = ['/usr/libexec/podman/quadlet', '/usr/lib/podman/quadlet'];
const SAFE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface PodmanVersion { major: number; minor: number; patch: number; text: string }

/** `podman --version` → "podman version 5.4.2" (suffixes such as "-dev" are kept in `text`). */
export function parsePodmanVersion(stdout: string): PodmanVersion | undefined {
	const m = /^podman(?:\.exe)? version (\d+)\.(\d+)(?:\.(\d+))?([-+~.\w]*)\s*$/m.exec(stdout);
	if (!m) return undefined;
	return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), text: `${m[1]}.${m[2]}.${m[3] ?? 0}${m[4]}` };
}

export function isSupportedPodman(v: PodmanVersion): boolean {
	return v.major > MIN_PODMAN.major || (v.major === MIN_PODMAN.major && v.minor >= MIN_PODMAN.minor);
}

/**
 * Checks the `qmQuadlet.preview.podmanPath` value: a plain command name (looked up on PATH) or an
 * absolute path. Relative paths would resolve against the workspace and are refused.
 */
export function checkExecutableSetting(value: unknown): { ok: true; value: string } | { ok: false; reason: string } {
	if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'qmQuadlet.preview.podmanPath is empty' };
	if (value.length > 4096 || /[\0-\x1f\x7f]/.test(value)) return { ok: false, reason: 'qmQuadlet.preview.podmanPath contains control characters' };
	if (isAbsolute(value)) return { ok: true, value: resolve(value) };
	if (/^[A-Za-z0-9_][A-Za-z0-9._+-]*$/.test(value)) return { ok: true, value };
	return { ok: false, reason: `qmQuadlet.preview.podmanPath must be a command name or an absolute path, not "${value}"` };
}

function isExecutableFile(p: string): boolean {
	try {
		if (!statSync(p).isFile()) return false;
		accessSync(p, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** Looks a command name up in the absolute entries of PATH ("" and "." would be the workspace). */
export function findOnPath(name: string, pathEnv: string | undefined, isExecutable: (p: string) => boolean = isExecutableFile): string | undefined {
	for (const dir of (pathEnv ?? '').split(':')) {
		if (!isAbsolute(dir)) continue;
		const candidate = join(dir, name);
		if (isExecutable(candidate)) return candidate;
	}
	return undefined;
}

/** The generator next to a podman install (`<prefix>/bin/podman` → `<prefix>/libexec/podman/quadlet`), then the distribution paths. */
export function generatorCandidates(podmanRealPath: string, defaults: readonly string[] = DEFAULT_GENERATORS): string[] {
	const own = join(dirname(dirname(podmanRealPath)), 'libexec', 'podman', 'quadlet');
	return [...new Set([own, ...defaults])];
}

/** Paths podman's user generator reads (the server guesses the same way for its preview). */
export function isUserUnitPath(path: string): boolean {
	return /\/\.config\/containers\/systemd\/|\/containers\/systemd\/users\/|^\/run\/user\/\d+\/containers\/systemd\//.test(path);
}

/** One program run: what `execFile` receives. */
export interface Invocation {
	file: string;
	args: string[];
	options: ExecFileOptionsWithStringEncoding & { shell: false; timeout: number; maxBuffer: number };
}

const baseOptions = (timeoutMs: number) => ({
	encoding: 'utf8' as const,
	shell: false as const,
	timeout: timeoutMs,
	maxBuffer: PODMAN_MAX_OUTPUT,
	killSignal: 'SIGKILL' as const,
	windowsHide: true,
});

export function buildVersionInvocation(podman: string, timeoutMs = PODMAN_TIMEOUT_MS): Invocation {
	return { file: podman, args: ['--version'], options: { ...baseOptions(timeoutMs), env: { PATH: SAFE_PATH, LC_ALL: 'C' } } };
}

/**
 * `quadlet -dryrun [-user]` over the staging directory: QUADLET_UNIT_DIRS replaces every default
 * search path, HOME and XDG directories point into the staging root, and nothing of the user's
 * environment (PODMAN=, CONTAINERS_*=, …) leaks in.
 */
export function buildGeneratorInvocation(o: { generator: string; staging: Pick<StagedUnit, 'root' | 'unitDir' | 'refsDir'>; user: boolean; timeoutMs?: number }): Invocation {
	const { root, unitDir, refsDir } = o.staging;
	return {
		file: o.generator,
		args: ['-dryrun', ...(o.user ? ['-user'] : [])],
		options: {
			...baseOptions(o.timeoutMs ?? PODMAN_TIMEOUT_MS),
			cwd: root,
			env: {
				PATH: SAFE_PATH,
				LC_ALL: 'C',
				HOME: join(root, 'home'),
				XDG_CONFIG_HOME: join(root, 'home', '.config'),
				XDG_DATA_HOME: join(root, 'home', '.local', 'share'),
				XDG_RUNTIME_DIR: join(root, 'run'),
				QUADLET_UNIT_DIRS: `${unitDir}:${refsDir}`,
			},
		},
	};
}

export type RunOutcome =
	| { kind: 'exited'; code: number; stdout: string; stderr: string }
	| { kind: 'failed'; reason: string };

/** Runs an invocation; never rejects. */
export function runInvocation(inv: Invocation, signal?: AbortSignal): Promise<RunOutcome> {
	return new Promise((resolvePromise) => {
		if (signal?.aborted) { resolvePromise({ kind: 'failed', reason: 'cancelled' }); return; }
		try {
			execFile(inv.file, inv.args, { ...inv.options, ...(signal ? { signal } : {}) }, (error, stdout, stderr) => {
				if (!error) { resolvePromise({ kind: 'exited', code: 0, stdout, stderr }); return; }
				const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: unknown };
				if (e.name === 'AbortError' || signal?.aborted) resolvePromise({ kind: 'failed', reason: 'cancelled' });
				else if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') resolvePromise({ kind: 'failed', reason: `${inv.file} wrote more than ${PODMAN_MAX_OUTPUT} bytes; stopped` });
				else if (e.killed || e.signal) resolvePromise({ kind: 'failed', reason: `${inv.file} did not finish within ${inv.options.timeout / 1000} s; stopped` });
				else if (typeof e.code === 'number') resolvePromise({ kind: 'exited', code: e.code, stdout, stderr });
				else resolvePromise({ kind: 'failed', reason: `cannot run ${inv.file}: ${e.code ?? e.message}` });
			});
		} catch (e) {
			resolvePromise({ kind: 'failed', reason: `cannot run ${inv.file}: ${(e as Error).message}` });
		}
	});
}

export interface PodmanProbe {
	/** The podman executable that answered. */
	podman: string;
	version: PodmanVersion;
	/** The quadlet generator that will run. */
	generator: string;
}

/** Finds podman, checks its version and finds its generator. Never rejects. */
export async function probePodman(o: {
	podmanPath: unknown;
	isTrusted: () => boolean;
	pathEnv?: string;
	generators?: readonly string[];
	timeoutMs?: number;
	signal?: AbortSignal;
}): Promise<{ ok: true; probe: PodmanProbe } | { ok: false; reason: string }> {
	if (!o.isTrusted()) return { ok: false, reason: 'the workspace is not trusted' };
	const setting = checkExecutableSetting(o.podmanPath);
	if (!setting.ok) return setting;
	const podman = isAbsolute(setting.value) ? setting.value : findOnPath(setting.value, o.pathEnv ?? process.env.PATH);
	if (!podman || !isExecutableFile(podman)) return { ok: false, reason: `${setting.value} was not found${isAbsolute(setting.value) ? '' : ' on PATH'} (setting qmQuadlet.preview.podmanPath)` };
	const run = await runInvocation(buildVersionInvocation(podman, o.timeoutMs), o.signal);
	if (!o.isTrusted()) return { ok: false, reason: 'the workspace is no longer trusted' };
	if (run.kind === 'failed') return { ok: false, reason: run.reason };
	const version = parsePodmanVersion(run.stdout);
	if (run.code !== 0 || !version) return { ok: false, reason: `${podman} --version did not report a podman version` };
	if (!isSupportedPodman(version)) return { ok: false, reason: `podman ${version.text} has no quadlet generator (needs ${MIN_PODMAN.major}.${MIN_PODMAN.minor} or newer)` };
	let real = podman;
	try { real = await realpath(podman); } catch { /* keep the path as given */ }
	const generator = generatorCandidates(real, o.generators).find(isExecutableFile);
	if (!generator) return { ok: false, reason: `podman ${version.text} found, but not its quadlet generator (${generatorCandidates(real, o.generators).join(', ')})` };
	return { ok: true, probe: { podman, version, generator } };
}

export interface PodmanPreview {
	/** The service text, paths mapped back; undefined when podman wrote no service for the unit. */
	text: string | undefined;
	errors: string[];
	warnings: string[];
	/** What ran, for the preview header. */
	command: string;
}

/** Stages the sources, runs the generator, maps the result back. Never rejects. */
export async function generateWithPodman(o: {
	probe: PodmanProbe;
	sources: UnitSourcesResult;
	serviceName: string;
	/** The unit's directory, shown instead of the staging paths. */
	sourceDir: string;
	user: boolean;
	isTrusted: () => boolean;
	signal?: AbortSignal;
	tmpParent?: string;
	timeoutMs?: number;
}): Promise<{ ok: true; preview: PodmanPreview } | { ok: false; reason: string }> {
	if (!o.isTrusted()) return { ok: false, reason: 'the workspace is not trusted' };
	let staging: StagedUnit;
	try {
		staging = await stageUnitSources(o.sources, o.tmpParent);
	} catch (e) {
		return { ok: false, reason: (e as Error).message };
	}
	try {
		if (!o.isTrusted()) return { ok: false, reason: 'the workspace is no longer trusted' };
		const inv = buildGeneratorInvocation({ generator: o.probe.generator, staging, user: o.user, timeoutMs: o.timeoutMs });
		const run = await runInvocation(inv, o.signal);
		if (!o.isTrusted()) return { ok: false, reason: 'the workspace is no longer trusted' };
		if (run.kind === 'failed') return { ok: false, reason: run.reason };
		const units = parseDryRun(run.stdout);
		const text = units.get(o.serviceName);
		const msgs = messagesAbout(unstagePaths(run.stderr, staging, o.sourceDir), o.sources.unit);
		const errors = text === undefined && msgs.errors.length === 0
			? [`podman's generator wrote no ${o.serviceName || 'service'} (exit code ${run.code})`]
			: msgs.errors;
		return {
			ok: true,
			preview: {
				text: text === undefined ? undefined : unstagePaths(text, staging, o.sourceDir),
				errors: text === undefined ? errors : [],
				warnings: msgs.warnings,
				command: [inv.file, ...inv.args].join(' '),
			},
		};
	} finally {
		await staging.cleanup();
	}
}

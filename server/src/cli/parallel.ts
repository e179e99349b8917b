/**
 * `qm-quadlet lint` on more than one core. Cross-file rules need the whole workspace, so every
 * thread gets every file text (the main thread reads them once and posts them), builds its own
 * workspace and QM model, and validates the files it claims. Files are handed out in small chunks
 * from a shared counter, so a worker that starts late, or a core busy with something else, only
 * means the other threads take more chunks. Results are plain objects, merged back by file index:
 * the output does not depend on which thread validated a file.
 *
 * A worker that fails (throws, exits, runs out of memory) costs time, never the result: the main
 * thread validates whatever that worker did not deliver, and says so on stderr.
 */
import type * as WorkerThreads from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createLanguageService, domainLabel, type LanguageService } from '../service/index';
import type { Diagnostic, ServiceOptions } from '../service/types';

/**
 * Marks a lint worker in its process.argv (Worker `argv`). node:worker_threads is loaded only
 * when a pool starts or this flag is present: it costs 1.5 ms of every CLI start otherwise.
 * cli-entry.ts repeats the string (it must not import this module).
 */
export const LINT_WORKER_ARG = '--qm-quadlet-lint-worker';

function workerThreads(): typeof WorkerThreads {
	return require('node:worker_threads') as typeof WorkerThreads;
}

/**
 * Without --jobs, the smallest tree linted with a worker, by CPU count. A worker first builds its
 * own workspace and QM model and JIT-compiles the rules again (its set-up: 0.3 s for 1,500 files,
 * 2.5 s for 50,000; several CPU seconds for large trees, most of it V8's background compiler).
 * One thread alone already keeps a second CPU about half busy with that compiler and the GC, so
 * with 2 CPUs the worker pays only when validation dwarfs its set-up: measured on 2 CPUs,
 * --jobs 2 is 10 % slower than --jobs 1 at 10,000 files, breaks even at 20,000–30,000 and is
 * 17 % faster at 50,000. With 4 or more CPUs the set-up runs beside the main thread's validation instead of
 * in its place, and a worker is ready to take files after about a third of a one-thread lint of
 * 1,500 files (estimated from the timeline of a worker alone; no such machine measured).
 */
export function parallelMinFiles(cpus: number): number {
	return cpus >= 4 ? 1_500 : 40_000;
}
/** Without --jobs at most this many threads: every thread holds the whole workspace. */
const DEFAULT_MAX_THREADS = 2;
/** Files per claim: small enough to balance the threads, large enough to make claims free. */
const CHUNK = 16;

/** What the output needs of one validated file. */
export interface FileResult {
	header: string | undefined;
	diagnostics: Diagnostic[];
}

/** Threads for linting `files` files (1 = no workers); `jobs` is --jobs when given. */
export function threadCount(jobs: number | undefined, files: number, cpus = availableParallelism()): number {
	if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
	if (cpus < 2 || files < parallelMinFiles(cpus)) return 1;
	return Math.min(cpus, DEFAULT_MAX_THREADS);
}

/** Validates one file; the diagnostics keep only what the report needs (no fixes). */
export function validateOne(service: LanguageService, system: string): FileResult {
	const diagnostics = service.doValidation(system).map((d): Diagnostic => ({ code: d.code, severity: d.severity, message: d.message, start: d.start, end: d.end, related: d.related }));
	const domain = service.getDomain(system);
	return { header: domain ? `domain: ${domainLabel(domain.domain)}` : undefined, diagnostics };
}

/**
 * Validates every file of `systems` (already in `service`'s workspace), with the pool's workers
 * when there is a pool. `err` gets one line per failed worker.
 */
export async function validateAll(service: LanguageService, systems: string[], pool: LintPool | undefined, err: (s: string) => void): Promise<FileResult[]> {
	if (!pool) return systems.map((s) => validateOne(service, s));
	const results: (FileResult | undefined)[] = new Array(systems.length).fill(undefined);
	// Test hook (test/cli/parallel.test.ts): the workers validate everything they can.
	if (!testMode().has('workers-only')) {
		for (let chunk = pool.claim(systems.length); chunk; chunk = pool.claim(systems.length)) {
			for (let i = chunk[0]; i < chunk[1]; i++) results[i] = validateOne(service, systems[i]);
		}
	}
	for (const f of await pool.gather(results)) err(`qm-quadlet: a worker thread failed (${f}); its files are linted on the main thread`);
	return results.map((r, i) => r ?? validateOne(service, systems[i]));
}

interface WorkerInput {
	qmQuadletLint: true;
	/** Int32Array: [0] the next unclaimed file index; [1 + n] worker n has started claiming. */
	shared: SharedArrayBuffer;
	slot: number;
	options: ServiceOptions;
}

interface Files { systems: string[]; texts: string[] }
interface WorkerReply { indices: number[]; results: FileResult[] }
type Outcome = { reply: WorkerReply } | { failure: string };

/** Main-thread side: the workers and the shared chunk counter. */
export class LintPool {
	private readonly counters: Int32Array;
	private readonly workers: WorkerThreads.Worker[] = [];
	private readonly outcomes: Promise<Outcome>[] = [];
	/** Outcomes known so far, by slot. */
	private readonly settled: (Outcome | undefined)[] = [];

	/** Starts `count` workers running `script`, a file that calls runLintWorkerIfAny() when loaded. */
	constructor(count: number, options: ServiceOptions, script: string) {
		const shared = new SharedArrayBuffer(4 * (1 + count));
		this.counters = new Int32Array(shared);
		for (let slot = 0; slot < count; slot++) {
			const data: WorkerInput = { qmQuadletLint: true, shared, slot, options };
			let worker: WorkerThreads.Worker;
			try {
				worker = new (workerThreads().Worker)(script, { workerData: data, argv: [LINT_WORKER_ARG] });
			} catch (e) {
				const failed: Outcome = { failure: message(e) };
				this.settled[slot] = failed;
				this.outcomes.push(Promise.resolve(failed));
				continue;
			}
			this.workers.push(worker);
			this.outcomes.push(new Promise<Outcome>((resolve) => {
				const settle = (o: Outcome) => { this.settled[slot] ??= o; resolve(o); };
				worker.once('message', (reply: WorkerReply) => settle({ reply }));
				worker.once('error', (e) => settle({ failure: message(e) }));
				worker.once('messageerror', (e) => settle({ failure: message(e) }));
				worker.once('exit', (code) => settle({ failure: `exited with code ${code}` }));
			}));
		}
	}

	/** Hands every worker the files (in workspace order); each starts claiming once it is ready. */
	share(systems: string[], texts: string[]): void {
		const files: Files = { systems, texts };
		for (const w of this.workers) {
			try { w.postMessage(files); } catch { /* a dead worker: gather() reports it */ }
		}
	}

	/** The next chunk `[start, end)` of `total` files, or undefined when all are claimed. */
	claim(total: number): [number, number] | undefined {
		return claimChunk(this.counters, total);
	}

	/**
	 * Once the main thread has nothing left to claim: waits for the workers that claimed files,
	 * puts what they validated into `results` and stops every worker. Returns one message per
	 * failed worker; what a failed worker had claimed stays undefined in `results`.
	 */
	async gather(results: (FileResult | undefined)[]): Promise<string[]> {
		const failures: string[] = [];
		const waitAll = testMode().has('workers-only');
		// Let events that already arrived (a worker that failed early) be seen.
		await new Promise((resolve) => setImmediate(resolve));
		try {
			for (let slot = 0; slot < this.outcomes.length; slot++) {
				// A worker raises its flag before its first claim. Still down now (the counter is
				// past the end), it can claim nothing more: don't wait for it to build its model.
				if (!waitAll && Atomics.load(this.counters, 1 + slot) === 0) {
					const known = this.settled[slot];
					if (known && 'failure' in known) failures.push(known.failure);
					continue;
				}
				const outcome = await this.outcomes[slot];
				if ('failure' in outcome) { failures.push(outcome.failure); continue; }
				const { indices, results: got } = outcome.reply;
				for (let i = 0; i < indices.length; i++) results[indices[i]] = got[i];
			}
		} finally {
			this.dispose();
		}
		return failures;
	}

	/** Stops every worker (idempotent); nothing the workers do keeps the process alive after this. */
	dispose(): void {
		for (const w of this.workers) { w.unref(); void w.terminate(); }
	}
}

function claimChunk(counters: Int32Array, total: number): [number, number] | undefined {
	// Compare before adding, so the counter stays far from overflow however often it is asked.
	if (Atomics.load(counters, 0) >= total) return undefined;
	const start = Atomics.add(counters, 0, CHUNK);
	return start < total ? [start, Math.min(start + CHUNK, total)] : undefined;
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/**
 * QM_QUADLET_TEST_WORKERS, for the CLI tests only: `workers-only` (the main thread validates only
 * what the workers did not deliver), `throw` / `exit` (a worker fails holding its first chunk).
 */
function testMode(): Set<string> {
	return new Set((process.env.QM_QUADLET_TEST_WORKERS ?? '').split(',').filter(Boolean));
}

/** In a lint worker thread (started by LintPool) serves it; anywhere else does nothing. */
export function runLintWorkerIfAny(): void {
	if (!process.argv.includes(LINT_WORKER_ARG)) return;
	const { isMainThread, parentPort, workerData } = workerThreads();
	if (isMainThread || !parentPort || !(workerData as Partial<WorkerInput> | null)?.qmQuadletLint) return;
	const { shared, slot, options } = workerData as WorkerInput;
	const port = parentPort;
	const counters = new Int32Array(shared);
	port.once('message', ({ systems, texts }: Files) => {
		const mode = testMode();
		const service = createLanguageService(options);
		for (let i = 0; i < systems.length; i++) service.workspace.set(systems[i], texts[i]);
		// The first validation builds the cross-file model: do it before claiming any files, so
		// the main thread never waits on chunks this thread cannot start on yet.
		if (systems.length > 0) service.doValidation(systems[0]);
		Atomics.store(counters, 1 + slot, 1);
		const indices: number[] = [];
		const results: FileResult[] = [];
		for (let chunk = claimChunk(counters, systems.length); chunk; chunk = claimChunk(counters, systems.length)) {
			if (mode.has('throw')) throw new Error('injected worker fault');
			if (mode.has('exit')) process.exit(70);
			for (let i = chunk[0]; i < chunk[1]; i++) {
				indices.push(i);
				results.push(validateOne(service, systems[i]));
			}
		}
		port.postMessage({ indices, results } satisfies WorkerReply);
		port.close();
	});
}

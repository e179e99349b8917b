#!/usr/bin/env node
/**
 * `dist/cli.js`: starts the CLI bundle (`dist/cli-main.js`) from a V8 code cache made at build
 * time. Compiling the 750 KB bundle and the functions a lint touches costs more than linting a
 * small tree; with the cache a QM tree lints in about the time node itself takes to start.
 * The cache is only an accelerator: missing, stale (another bundle) or rejected by this node
 * version, the bundle is compiled as usual.
 * `QM_QUADLET_WRITE_CODE_CACHE=1` makes this run write the cache when it exits (scripts/bundle.mjs).
 * `lint` worker threads (cli/parallel.ts) start from this file as well, so they get the cache too.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

type Main = (argv: string[], out: (s: string) => void, err: (s: string) => void, host: { workerScript?: string }) => Promise<number>;

const IMPL = join(__dirname, 'cli-main.js');

// A lint worker thread (cli/parallel.ts LINT_WORKER_ARG; worker_threads is loaded only then).
const isMainThread = !process.argv.includes('--qm-quadlet-lint-worker') || (require('node:worker_threads') as typeof import('node:worker_threads')).isMainThread;

function loadMain(): Main {
	// The bundle is pure ASCII (scripts/bundle.mjs checks), so latin1 reads it without decoding.
	const source = readFileSync(IMPL, 'latin1');
	// scripts/bundle.mjs ends the bundle with a hash of its content; the cache file carries it too.
	const stamp = /\/\/# qmq-build=([0-9a-f]+)\s*$/.exec(source.slice(-80))?.[1];
	const cacheFile = stamp ? join(__dirname, `cli-main.${stamp}.cache`) : undefined;
	const write = isMainThread && process.env.QM_QUADLET_WRITE_CODE_CACHE === '1' && cacheFile !== undefined;
	const cachedData = cacheFile && !write && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
	const script = new Script(Module.wrap(source), { filename: IMPL, cachedData });
	const mod = new Module(IMPL, module);
	mod.filename = IMPL;
	mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(IMPL));
	const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, file: string, dir: string) => void;
	wrapper.call(mod.exports, mod.exports, require, mod, IMPL, dirname(IMPL));
	if (write) process.on('exit', () => writeFileSync(cacheFile!, script.createCachedData()));
	return (mod.exports as { main: Main }).main;
}

// Lint worker threads run this file too (for the code cache): loading the bundle starts the worker.
const main = loadMain();
if (isMainThread) main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n'), { workerScript: __filename })
	.then((code) => { process.exitCode = code; })
	.catch((e) => { process.stderr.write(`qm-quadlet: internal error: ${e instanceof Error ? e.stack : String(e)}\n`); process.exitCode = 2; });

// A minimal LSP client for the benchmark: spawns the bundled server over stdio and speaks
// JSON-RPC with vscode-jsonrpc, the same handshake as test/helpers/lsp-client.ts (which lives in
// the TypeScript test build; the bench runs as plain node without compiling). Extras the bench
// needs: the server's pid, window/logMessage hooks, and a clock on every message.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node';

let clkTck;
/** CPU time (user + system, ms) of a process from /proc/<pid>/stat; NaN where unavailable. */
export function processCpuMs(pid) {
	try {
		if (clkTck === undefined) clkTck = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / clkTck;
	} catch {
		return NaN;
	}
}

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const now = () => Number(process.hrtime.bigint()) / 1e6;
export const uriOf = (path) => pathToFileURL(path).href;

/**
 * Starts `node dist/server.js --stdio`. Resolves after the initialize response (and the
 * `initialized` notification) with timings: spawnMs is spawn → initialize response.
 */
export async function startServer({ rootPath = null, pull = false, settings = {}, nodeArgs = [], serverPath = resolve(REPO, 'dist', 'server.js') } = {}) {
	const t0 = now();
	const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (d) => { stderr += d.toString(); });
	const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
	const logs = [];
	const logWaiters = [];
	const published = new Map(); // uri -> last params
	const pubWaiters = [];
	connection.onNotification('window/logMessage', (p) => {
		const at = now();
		logs.push({ at, ...p });
		for (let i = logWaiters.length - 1; i >= 0; i--) {
			const m = logWaiters[i].re.exec(p.message);
			if (m) logWaiters.splice(i, 1)[0].resolve({ at, match: m });
		}
	});
	connection.onNotification('window/showMessage', () => undefined);
	connection.onNotification('textDocument/publishDiagnostics', (p) => {
		const at = now();
		published.set(p.uri, p);
		for (let i = pubWaiters.length - 1; i >= 0; i--) {
			const w = pubWaiters[i];
			if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) pubWaiters.splice(i, 1)[0].resolve({ at, params: p });
		}
	});
	connection.onRequest('workspace/configuration', (params) => params.items.map(() => settings));
	connection.onRequest('client/registerCapability', () => null);
	connection.onRequest('workspace/diagnostic/refresh', () => null);
	connection.onRequest('window/showMessageRequest', () => null);
	connection.listen();
	const rootUri = rootPath ? uriOf(rootPath) : null;
	const initialize = await connection.sendRequest('initialize', {
		processId: process.pid,
		rootUri,
		workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
		capabilities: {
			workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
			textDocument: {
				synchronization: { dynamicRegistration: false },
				completion: { completionItem: { snippetSupport: true } },
				hover: { contentFormat: ['markdown'] },
				...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
				publishDiagnostics: { relatedInformation: true, versionSupport: true },
			},
		},
	});
	const initializedAt = now();
	await connection.sendNotification('initialized', {});
	return {
		connection,
		child,
		pid: child.pid,
		initialize,
		spawnMs: initializedAt - t0,
		initializedAt,
		logs,
		stderr: () => stderr,
		/** Resolves when a window/logMessage matches `re` (also when it already arrived). */
		waitForLog(re, ms = 600000) {
			const past = logs.find((l) => re.test(l.message));
			if (past) return Promise.resolve({ at: past.at, match: re.exec(past.message) });
			return new Promise((res, rej) => {
				const timer = setTimeout(() => rej(new Error(`no log matching ${re} within ${ms} ms; stderr: ${stderr.slice(-2000)}`)), ms);
				logWaiters.push({ re, resolve: (v) => { clearTimeout(timer); res(v); } });
			});
		},
		/** Resolves with the next publishDiagnostics for `uri` (at `version` when given). */
		nextPublish(uri, version, ms = 60000) {
			return new Promise((res, rej) => {
				const timer = setTimeout(() => rej(new Error(`no publishDiagnostics for ${uri} v${version} within ${ms} ms`)), ms);
				pubWaiters.push({ uri, version, resolve: (v) => { clearTimeout(timer); res(v); } });
			});
		},
		request: (method, params) => connection.sendRequest(method, params),
		notify: (method, params) => connection.sendNotification(method, params),
		open(path, text, languageId = 'quadlet') {
			return connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(path), languageId, version: 1, text } });
		},
		cpuMs: () => processCpuMs(child.pid),
		/** VmHWM / VmRSS of the server process in MB (Linux /proc), or undefined elsewhere. */
		memory() {
			try {
				const s = readFileSync(`/proc/${child.pid}/status`, 'utf8');
				const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
				return { vmHwmMB: kb('VmHWM') / 1024, vmRssMB: kb('VmRSS') / 1024 };
			} catch {
				return undefined;
			}
		},
		async stop() {
			try {
				await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
				await connection.sendNotification('exit').catch(() => undefined);
				await new Promise((r) => { if (child.exitCode !== null) r(); else { child.once('exit', r); setTimeout(r, 10000); } });
			} catch { /* already gone */ }
			connection.dispose();
			if (child.exitCode === null) child.kill();
		},
	};
}

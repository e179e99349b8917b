import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection, CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams, InitializeResult } from 'vscode-languageserver-protocol';
import { REPO } from './paths';

export interface LspClient {
	connection: MessageConnection;
	process: ChildProcess;
	initialize: InitializeResult;
	/** Resolves with the next publishDiagnostics for `uri` (optionally at a given version). */
	nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
	/** Resolves with the first publication (past or future) for `uri` that satisfies `pred`; rejects after `ms`. */
	diagnosticsMatching(uri: string, pred: (p: PublishDiagnosticsParams) => boolean, ms?: number): Promise<PublishDiagnosticsParams>;
	request<R>(method: string, params: unknown, token?: CancellationTokenSource): Promise<R>;
	notify(method: string, params: unknown): void;
	/** Messages the server asked the editor to show (window/showMessageRequest), in order. */
	shownMessages(): string[];
	/** Every publishDiagnostics received so far, in order. */
	allPublished(): PublishDiagnosticsParams[];
	stderr(): string;
	stop(): Promise<void>;
}

/** Spawns the bundled server over stdio like an editor would and initializes it. */
export async function startLsp(opts: { rootUri?: string | null; pull?: boolean; settings?: unknown } = {}): Promise<LspClient> {
	const child = spawn(process.execPath, [resolve(REPO, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
	let err = '';
	child.stderr?.on('data', (d: Buffer) => { err += d.toString(); });
	const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
	const waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
	const published: PublishDiagnosticsParams[] = [];
	const matchers: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
	connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
		published.push(p);
		const i = waiters.findIndex((w) => w.uri === p.uri && (w.version === undefined || w.version === p.version));
		if (i >= 0) waiters.splice(i, 1)[0].resolve(p);
		for (let j = matchers.length - 1; j >= 0; j--) {
			if (matchers[j].uri === p.uri && matchers[j].pred(p)) matchers.splice(j, 1)[0].resolve(p);
		}
	});
	connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => opts.settings ?? {}));
	connection.onRequest('client/registerCapability', () => null);
	connection.onRequest('workspace/diagnostic/refresh', () => null);
	const shown: string[] = [];
	connection.onRequest('window/showMessageRequest', (p: { message: string }) => { shown.push(p.message); return null; });
	connection.onNotification('window/logMessage', () => undefined);
	connection.listen();
	const initialize = await connection.sendRequest<InitializeResult>('initialize', {
		processId: process.pid,
		rootUri: opts.rootUri ?? null,
		workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'ws' }] : null,
		capabilities: {
			workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
			textDocument: {
				synchronization: { dynamicRegistration: false },
				completion: { completionItem: { snippetSupport: true } },
				hover: { contentFormat: ['markdown'] },
				...(opts.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
				publishDiagnostics: { relatedInformation: true, versionSupport: true },
			},
		},
	});
	await connection.sendNotification('initialized', {});
	return {
		connection, process: child, initialize,
		nextDiagnostics: (uri, version) => new Promise((res) => waiters.push({ uri, version, resolve: res })),
		diagnosticsMatching: (uri, pred, ms = 10000) => new Promise((res, rej) => {
			const past = published.find((p) => p.uri === uri && pred(p));
			if (past) { res(past); return; }
			const timer = setTimeout(() => rej(new Error(`no matching diagnostics for ${uri} within ${ms} ms; last: ${JSON.stringify(published.filter((p) => p.uri === uri).pop())}`)), ms);
			matchers.push({ uri, pred, resolve: (p) => { clearTimeout(timer); res(p); } });
		}),
		request: (method, params, token) => (token ? connection.sendRequest(method, params, token.token) : connection.sendRequest(method, params)),
		notify: (method, params) => { connection.sendNotification(method, params).catch(() => undefined); },
		allPublished: () => published,
		shownMessages: () => shown,
		stderr: () => err,
		async stop() {
			try {
				await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
				await connection.sendNotification('exit').catch(() => undefined);
				await new Promise((r) => { if (child.exitCode !== null) r(undefined); else { child.once('exit', r); setTimeout(r, 1000); } });
			} catch { /* already gone */ }
			connection.dispose();
			if (child.exitCode === null) child.kill();
		},
	};
}

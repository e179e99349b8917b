import {
	CodeActionKind, FoldingRangeKind, SymbolKind, TextDocumentSyncKind, TextDocuments,
	type Connection, type DocumentSymbol, type InitializeParams, type InitializeResult, type CodeAction,
	DocumentDiagnosticReportKind, DidChangeWatchedFilesNotification, FileChangeType,
	type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type LanguageService } from '../service/index';
import type { Fix } from '../service/types';
import type { UnitSymbol } from '../service/features/structure';
import { offsetAt, rangeOf, toLspCompletions, toLspDiagnostic } from './convert';
import { runSafe } from './run-safe';
import { DEFAULT_MAX_FILES, toServiceOptions } from './settings';
import { pathToUri, uriToPath } from './uri';
import { indexUnits, readUnitText } from './workspace-scan';
import { getUnitFileInfo } from '../service/unit-path';
import { DEFAULT_MAX_FILE_SIZE } from '../service/types';
import { registerNavigation } from './navigation';
import { registerPreview } from './preview';
import { registerClientRequests } from './lint-workspace';
import { registerDomainMap } from './domain-map';

const PUSH_DEBOUNCE_MS = 200;
/** Other open documents are revalidated a little after the edited one, so they never delay it. */
const OTHERS_DELAY_MS = 150;
/**
 * Units offered by one completion (after `Requires=`, `Volume=` …). A big workspace has
 * thousands: megabytes of JSON per keystroke that no one scrolls through. More are cut to the
 * best matches of the typed text, in a list marked incomplete.
 */
const MAX_COMPLETION_UNITS = 100;

/** Wires the language service to an LSP connection. Transport-agnostic (stdio, node-ipc). */
export function startServer(connection: Connection): void {
	const documents = new TextDocuments(TextDocument);
	const service: LanguageService = createLanguageService();
	let pullDiagnostics = false;
	let dynamicWatchers = false;
	let configurationRequests = false;
	let roots: string[] = [];
	let maxFiles = DEFAULT_MAX_FILES;
	const pending = new Map<string, NodeJS.Timeout>();
	let notifiedLimit = false;
	let shuttingDown = false;

	const parsedOf = (path: string) => service.workspace.get(path)?.parsed;

	connection.onInitialize((params: InitializeParams): InitializeResult => {
		const caps = params.capabilities;
		pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
		dynamicWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
		configurationRequests = caps.workspace?.configuration === true;
		roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p) => p.startsWith('/'));
		if (roots.length === 0 && params.rootUri) roots = [uriToPath(params.rootUri)];
		const init = params.initializationOptions as { settings?: unknown } | undefined;
		if (init?.settings) applySettings(init.settings);
		return {
			capabilities: {
				textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
				completionProvider: { triggerCharacters: ['[', '=', '%', ':', ' ', ','], resolveProvider: true },
				hoverProvider: true,
				documentSymbolProvider: true,
				foldingRangeProvider: true,
				selectionRangeProvider: true,
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
				definitionProvider: true,
				referencesProvider: true,
				renameProvider: { prepareProvider: true },
				...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
			},
			serverInfo: { name: 'qm-quadlet', version: '0.1.0' },
		};
	});

	function applySettings(raw: unknown): void {
		const s = toServiceOptions(raw);
		service.options = s.options;
		maxFiles = s.maxFiles;
	}

	connection.onInitialized(() => {
		if (dynamicWatchers) {
			void connection.client.register(DidChangeWatchedFilesNotification.type, {
				watchers: [{ globPattern: '**/*.{container,pod,kube,volume,network,image,build,artifact,socket,service,conf}' }],
			});
		}
		void refreshSettings().then(() => indexWorkspace());
	});

	async function refreshSettings(): Promise<void> {
		if (!configurationRequests) return;
		try {
			const [cfg] = await connection.workspace.getConfiguration([{ section: 'qmQuadlet' }]);
			applySettings(cfg);
		} catch (e) {
			connection.console.warn(`Could not read settings: ${(e as Error).message}`);
		}
	}

	async function indexWorkspace(): Promise<void> {
		const started = Date.now();
		let count = 0;
		for (const root of roots) {
			// Sync reads in time slices; requests are served between slices.
			const scan = await indexUnits(root, {
				maxFiles: maxFiles - count,
				maxBytes: service.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
				skip: (path) => documents.get(pathToUri(path)) !== undefined,
				onFile: (path, text) => { service.workspace.set(path, text); },
				cancelled: () => shuttingDown,
			});
			if (scan.cancelled) return;
			count += scan.found;
			if (scan.truncated && !notifiedLimit) {
				notifiedLimit = true;
				void connection.window.showWarningMessage(`QM Quadlet indexed only the first ${maxFiles} unit files of the workspace (setting qmQuadlet.limits.maxFiles); cross-file checks may miss units beyond that.`);
			}
		}
		connection.console.info(`Indexed ${count} unit files in ${Date.now() - started} ms`);
		revalidateAll();
	}

	connection.onDidChangeConfiguration((change) => {
		const settings = (change.settings as { qmQuadlet?: unknown } | undefined)?.qmQuadlet;
		if (settings !== undefined) { applySettings(settings); revalidateAll(); }
		else void refreshSettings().then(revalidateAll);
	});

	connection.onDidChangeWatchedFiles(async (params) => {
		for (const change of params.changes) {
			const path = uriToPath(change.uri);
			if (!getUnitFileInfo(path).kind || documents.get(change.uri)) continue;
			if (change.type === FileChangeType.Deleted) service.workspace.delete(path);
			else {
				const text = await readUnitText(path, service.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
				if (text !== undefined) service.workspace.set(path, text);
			}
		}
		revalidateAll();
	});

	documents.onDidChangeContent((e) => {
		service.workspace.set(uriToPath(e.document.uri), e.document.getText());
		// Other open files may depend on this one (references, drop-ins, sockets).
		if (pullDiagnostics) {
			schedule('refresh', () => connection.languages.diagnostics.refresh());
		} else {
			// The edited document first: its diagnostics are the ones the user is waiting for.
			schedule(e.document.uri, () => pushDiagnostics(e.document.uri));
			for (const doc of documents.all()) if (doc.uri !== e.document.uri) schedule(doc.uri, () => pushDiagnostics(doc.uri), PUSH_DEBOUNCE_MS + OTHERS_DELAY_MS);
		}
	});

	documents.onDidClose(async (e) => {
		const path = uriToPath(e.document.uri);
		const timer = pending.get(e.document.uri);
		if (timer) { clearTimeout(timer); pending.delete(e.document.uri); }
		// Back to the on-disk version (or gone if the file was never saved).
		const text = path.startsWith('/') ? await readUnitText(path, service.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) : undefined;
		if (text === undefined) service.workspace.delete(path); else service.workspace.set(path, text);
		if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
	});

	function schedule(key: string, fn: () => void, delay = PUSH_DEBOUNCE_MS): void {
		const old = pending.get(key);
		if (old) clearTimeout(old);
		pending.set(key, setTimeout(() => { pending.delete(key); fn(); }, delay));
	}

	function revalidateAll(): void {
		if (pullDiagnostics) { void connection.languages.diagnostics.refresh(); return; }
		for (const doc of documents.all()) schedule(doc.uri, () => pushDiagnostics(doc.uri));
	}

	function diagnosticsFor(uri: string) {
		const path = uriToPath(uri);
		const file = service.workspace.get(path);
		if (!file) return [];
		return service.doValidation(path).map((d) => toLspDiagnostic(d, file.parsed, parsedOf));
	}

	function pushDiagnostics(uri: string): void {
		const doc = documents.get(uri);
		if (!doc) return;
		const version = doc.version;
		try {
			const diagnostics = diagnosticsFor(uri);
			// Never publish results computed for an older version of the document.
			if (documents.get(uri)?.version !== version) return;
			void connection.sendDiagnostics({ uri, version, diagnostics });
		} catch (e) {
			connection.console.error(`validation of ${uri} failed: ${(e as Error).stack ?? e}`);
		}
	}

	connection.languages.diagnostics.on((params, token) => runSafe(connection, () => ({
		kind: DocumentDiagnosticReportKind.Full,
		items: diagnosticsFor(params.textDocument.uri),
	}), { kind: DocumentDiagnosticReportKind.Full, items: [] }, 'diagnostics', token));

	/** The parse of an open document at its current version. */
	const fileOf = (uri: string) => service.workspace.get(uriToPath(uri));

	connection.onCompletion((params, token) => runSafe(connection, () => {
		const file = fileOf(params.textDocument.uri);
		if (!file) return [];
		// Documentation comes with completionItem/resolve, for the one item the editor shows.
		const list = service.getCompletionList(file.path, offsetAt(file.parsed, params.position), { lazyDocumentation: true, unitLimit: MAX_COMPLETION_UNITS });
		const items = toLspCompletions(list.items, file.parsed);
		return list.isIncomplete ? { isIncomplete: true, items } : items;
	}, [], 'completion', token));

	connection.onCompletionResolve((item, token) => runSafe(connection, () => {
		if (item.documentation !== undefined) return item;
		const doc = service.resolveCompletion(item.data);
		return doc === undefined ? item : { ...item, documentation: { kind: 'markdown' as const, value: doc } };
	}, item, 'completion resolve', token));

	connection.onHover((params, token) => runSafe(connection, () => {
		const file = fileOf(params.textDocument.uri);
		if (!file) return null;
		const h = service.doHover(file.path, offsetAt(file.parsed, params.position));
		return h ? { contents: { kind: 'markdown' as const, value: h.markdown }, range: rangeOf(file.parsed, h.start, h.end) } : null;
	}, null, 'hover', token));

	connection.onDocumentSymbol((params, token) => runSafe(connection, () => {
		const file = fileOf(params.textDocument.uri);
		if (!file) return [];
		const convert = (s: UnitSymbol): DocumentSymbol => ({
			name: s.name, detail: s.detail,
			kind: s.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Property,
			range: rangeOf(file.parsed, s.start, s.end),
			selectionRange: rangeOf(file.parsed, s.selectionStart, s.selectionEnd),
			children: s.children.map(convert),
		});
		return service.findDocumentSymbols(file.path).map(convert);
	}, [], 'symbols', token));

	connection.onFoldingRanges((params, token) => runSafe(connection, () => {
		const file = fileOf(params.textDocument.uri);
		if (!file) return [];
		return service.getFoldingRanges(file.path).map((r) => ({ startLine: r.startLine, endLine: r.endLine, ...(r.kind ? { kind: FoldingRangeKind.Comment } : {}) }));
	}, [], 'folding', token));

	connection.onSelectionRanges((params, token) => runSafe(connection, () => {
		const file = fileOf(params.textDocument.uri);
		if (!file) return [];
		const offsets = params.positions.map((p) => offsetAt(file.parsed, p));
		return service.getSelectionRanges(file.path, offsets).map((chain) => {
			let parent: { range: ReturnType<typeof rangeOf>; parent?: unknown } | undefined;
			for (let i = chain.length - 1; i >= 0; i--) parent = { range: rangeOf(file.parsed, chain[i].start, chain[i].end), ...(parent ? { parent } : {}) };
			return parent ?? { range: rangeOf(file.parsed, 0, 0) };
		}) as never;
	}, [], 'selection ranges', token));

	connection.onCodeAction((params, token) => runSafe(connection, () => {
		const file = fileOf(params.textDocument.uri);
		if (!file) return [];
		const start = offsetAt(file.parsed, params.range.start);
		const end = offsetAt(file.parsed, params.range.end);
		return service.getCodeActions(file.path, start, end).map(({ diagnostic, fix }): CodeAction => ({
			title: fix.title,
			kind: CodeActionKind.QuickFix,
			diagnostics: [toLspDiagnostic(diagnostic, file.parsed, parsedOf)],
			isPreferred: fix.isPreferred,
			edit: toWorkspaceEdit(params.textDocument.uri, fix),
		}));
	}, [], 'code actions', token));

	/**
	 * A fix as a workspace edit. Fixes that create files (edits for a path nobody has) or rename
	 * files need documentChanges; plain ones use the simpler `changes` map.
	 */
	function toWorkspaceEdit(uri: string, fix: Fix): WorkspaceEdit {
		const file = fileOf(uri);
		const edits: { uri: string; edits: TextEdit[]; create: boolean }[] = [];
		if (file) edits.push({ uri, edits: fix.edits.map((e) => ({ range: rangeOf(file.parsed, e.start, e.end), newText: e.newText })), create: false });
		for (const other of fix.otherFiles ?? []) {
			const p = parsedOf(other.path);
			// A path we don't know yet is a new file: its edits are inserts at the start.
			edits.push({
				uri: pathToUri(other.path),
				edits: other.edits.map((e) => (p ? { range: rangeOf(p, e.start, e.end), newText: e.newText } : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: e.newText })),
				create: !p,
			});
		}
		if (!edits.some((e) => e.create) && !fix.renames?.length) {
			return { changes: Object.fromEntries(edits.map((e) => [e.uri, e.edits])) };
		}
		const documentChanges: WorkspaceEdit['documentChanges'] = [];
		for (const e of edits) {
			if (e.create) documentChanges.push({ kind: 'create', uri: e.uri, options: { ignoreIfExists: true } });
			documentChanges.push({ textDocument: { uri: e.uri, version: documents.get(e.uri)?.version ?? null }, edits: e.edits });
		}
		for (const r of fix.renames ?? []) documentChanges.push({ kind: 'rename', oldUri: pathToUri(r.from), newUri: pathToUri(r.to) });
		return { documentChanges };
	}

	connection.onShutdown(() => {
		shuttingDown = true;
		for (const t of pending.values()) clearTimeout(t);
		pending.clear();
	});

	registerNavigation(connection, service, documents);
	registerPreview(connection, service, documents);
	registerClientRequests(connection, service, documents);
	registerDomainMap(connection, service);
	// The server's copy of an open document (text and version): lets tests and bug reports check
	// that incremental sync kept the server in step with the editor.
	connection.onRequest('qmQuadlet/documentState', (params: { uri: string }) => {
		const doc = documents.get(params.uri);
		return doc ? { version: doc.version, text: doc.getText() } : null;
	});
	documents.listen(connection);
	connection.listen();
}

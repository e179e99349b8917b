/**
 * "QM Quadlet: Show Domain Map": a webview that draws the server's `qmQuadlet/domainMap` as
 * SVG. Locked down per reliability-and-ecosystem.md §A10: scripts only from media/ with a
 * nonce, no command URIs, resources only from media/, every message from the page validated
 * (webview-messages.ts) and "open" honoured only for files on the map.
 */
import {
	Range, RelativePattern, Uri, ViewColumn, window, workspace,
	type Disposable, type ExtensionContext, type LogOutputChannel, type WebviewPanel,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { buildScene } from './domain-map-scene';
import { UNIT_LANGUAGES } from './preview';
import { DomainMapSchema, Requests } from './protocol';
import { makeNonce, parseWebviewMessage, checkOpenRequest, renderMapHtml, type HostMessage } from './webview-messages';

const REFRESH_DEBOUNCE_MS = 500;
export const UNIT_GLOB = '**/*.{container,pod,kube,volume,network,image,build,artifact,socket,service,conf}';

export class DomainMapPanel implements Disposable {
	private static current: DomainMapPanel | undefined;
	private nodePaths = new Set<string>();
	private labels: string[] = [];
	/** The unit file the map centres on: the last active unit editor (a focused webview has none). */
	private focusUri: string | undefined = activeUnitUri();
	private timer: NodeJS.Timeout | undefined;
	private generation = 0;
	private disposed = false;
	private readonly subscriptions: Disposable[] = [];

	static show(context: ExtensionContext, client: LanguageClient, log: LogOutputChannel): void {
		if (DomainMapPanel.current) {
			DomainMapPanel.current.focusUri = activeUnitUri() ?? DomainMapPanel.current.focusUri;
			DomainMapPanel.current.panel.reveal();
			void DomainMapPanel.current.refresh();
			return;
		}
		const media = Uri.joinPath(context.extensionUri, 'media');
		const panel = window.createWebviewPanel('qmQuadlet.domainMap', 'QM Domain Map', ViewColumn.Beside, {
			enableScripts: true,
			enableCommandUris: false,
			enableForms: false,
			localResourceRoots: [media],
			retainContextWhenHidden: false,
		});
		DomainMapPanel.current = new DomainMapPanel(panel, media, client, log);
	}

	private constructor(private readonly panel: WebviewPanel, media: Uri, private readonly client: LanguageClient, private readonly log: LogOutputChannel) {
		const webview = panel.webview;
		webview.html = renderMapHtml({
			cspSource: webview.cspSource,
			nonce: makeNonce(),
			scriptUri: webview.asWebviewUri(Uri.joinPath(media, 'domain-map.js')).toString(),
			styleUri: webview.asWebviewUri(Uri.joinPath(media, 'domain-map.css')).toString(),
		});
		const watchers = (workspace.workspaceFolders ?? []).map((f) => workspace.createFileSystemWatcher(new RelativePattern(f, UNIT_GLOB)));
		for (const w of watchers) {
			this.subscriptions.push(w, w.onDidChange(() => this.schedule()), w.onDidCreate(() => this.schedule()), w.onDidDelete(() => this.schedule()));
		}
		this.subscriptions.push(
			webview.onDidReceiveMessage((raw) => this.onMessage(raw)),
			workspace.onDidChangeTextDocument((e) => { if (UNIT_LANGUAGES.includes(e.document.languageId) && e.document.uri.scheme === 'file') this.schedule(); }),
			workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('qmQuadlet')) this.schedule(); }),
			window.onDidChangeActiveTextEditor(() => {
				const uri = activeUnitUri();
				if (uri && uri !== this.focusUri) { this.focusUri = uri; this.schedule(); }
			}),
			panel.onDidDispose(() => this.dispose()),
		);
	}

	/** The unit labels the open map draws (the e2e suite cannot look into the webview). */
	static shownLabels(): string[] | undefined {
		return DomainMapPanel.current?.labels;
	}

	private onMessage(raw: unknown): void {
		const m = parseWebviewMessage(raw);
		if (!m) { this.log.warn(`domain map: ignored a malformed message from the webview: ${JSON.stringify(raw)?.slice(0, 200)}`); return; }
		if (m.type === 'ready' || m.type === 'refresh') { void this.refresh(); return; }
		const target = checkOpenRequest(raw, this.nodePaths);
		if (!target) { this.log.warn(`domain map: refused to open ${m.path}: not a unit on the map`); return; }
		const pos = new Range(target.line, 0, target.line, 0);
		void window.showTextDocument(Uri.file(target.path), { selection: pos, viewColumn: ViewColumn.One, preview: false })
			.then(undefined, (e: Error) => window.showErrorMessage(`QM Quadlet: cannot open ${target.path}: ${e.message}`));
	}

	private schedule(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, REFRESH_DEBOUNCE_MS);
	}

	private post(m: HostMessage): void {
		void this.panel.webview.postMessage(m);
	}

	async refresh(): Promise<void> {
		// A hidden webview is rebuilt when shown again and then asks for the map ("ready").
		if (!this.panel.visible) return;
		const generation = ++this.generation;
		const uri = this.focusUri;
		let raw: unknown;
		try {
			raw = await this.client.sendRequest<unknown>(Requests.domainMap, uri ? { uri } : {});
		} catch (e) {
			if (generation !== this.generation) return;
			const err = e as { code?: number; message?: string };
			const message = err.code === -32601
				? 'This language server does not provide the domain map (qmQuadlet/domainMap).'
				: `The domain map could not be computed: ${err.message ?? String(e)}`;
			this.post({ type: 'error', message });
			return;
		}
		if (generation !== this.generation) return;
		const parsed = DomainMapSchema.safeParse(raw);
		if (!parsed.success) {
			this.log.error(`domain map: unexpected answer from the server: ${parsed.error.message}`);
			this.post({ type: 'error', message: 'The language server sent a domain map this version of the extension cannot read (see the QM Quadlet output).' });
			return;
		}
		const map = parsed.data;
		const scene = buildScene(map);
		this.nodePaths = new Set(map.nodes.map((n) => n.path));
		this.labels = scene.nodes.map((n) => n.label);
		const illegal = map.edges.filter((e) => e.crossing === 'illegal').length;
		const summary = map.nodes.length === 0
			? 'No units in this workspace.'
			: `${map.nodes.length} units, ${map.edges.length} connections${illegal ? `, ${illegal} illegal crossing${illegal === 1 ? '' : 's'}` : ''}${map.scope ? ` in ${map.scope}` : ''}. Click a unit to open it.`;
		this.post({ type: 'scene', scene, summary });
	}

	dispose(): void {
		if (this.disposed) return;
		this.disposed = true;
		if (DomainMapPanel.current === this) DomainMapPanel.current = undefined;
		clearTimeout(this.timer);
		this.subscriptions.forEach((d) => d.dispose());
		this.panel.dispose();
	}
}

function activeUnitUri(): string | undefined {
	const doc = window.activeTextEditor?.document;
	return doc && doc.uri.scheme === 'file' && UNIT_LANGUAGES.includes(doc.languageId) ? doc.uri.toString() : undefined;
}

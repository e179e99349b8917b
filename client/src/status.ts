/**
 * The status bar item: the active unit file's QM domain and the podman release the units
 * target (`qmQuadlet.podmanVersion`); the tooltip says why the file is in that domain.
 */
import { StatusBarAlignment, window, workspace, type Disposable, type StatusBarItem, type TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { UNIT_LANGUAGES } from './preview';
import { Requests, statusText, type FileInfoResult } from './protocol';

const DEBOUNCE_MS = 300;

export class DomainStatus implements Disposable {
	private readonly item: StatusBarItem;
	private readonly subscriptions: Disposable[] = [];
	private timer: NodeJS.Timeout | undefined;
	private generation = 0;

	constructor(private readonly client: LanguageClient) {
		this.item = window.createStatusBarItem('qmQuadlet.domain', StatusBarAlignment.Right, 100);
		this.item.name = 'QM Quadlet domain';
		this.item.command = 'qmQuadlet.showDomainMap';
		this.subscriptions.push(
			this.item,
			window.onDidChangeActiveTextEditor(() => this.update()),
			// The domain can change with the text (a "# qm-domain:" line) or with settings.
			workspace.onDidChangeTextDocument((e) => { if (e.document === window.activeTextEditor?.document) this.schedule(); }),
			workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('qmQuadlet')) this.schedule(); }),
		);
		this.update();
	}

	private schedule(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => { this.timer = undefined; this.update(); }, DEBOUNCE_MS);
	}

	update(): void {
		const doc = window.activeTextEditor?.document;
		const generation = ++this.generation;
		if (!doc || !isUnitDocument(doc)) { this.item.hide(); return; }
		const version = workspace.getConfiguration('qmQuadlet', doc.uri).get<string>('podmanVersion');
		this.client.sendRequest<FileInfoResult | null>(Requests.fileInfo, { uri: doc.uri.toString() }).then((info) => {
			if (generation !== this.generation) return;
			this.item.text = statusText(info, version);
			this.item.tooltip = info?.reason ?? 'The language server does not know this file yet.';
			this.item.show();
		}, () => {
			if (generation !== this.generation) return;
			this.item.text = statusText(undefined, version);
			this.item.tooltip = 'The language server did not answer.';
			this.item.show();
		});
	}

	dispose(): void {
		clearTimeout(this.timer);
		this.subscriptions.forEach((d) => d.dispose());
	}
}

function isUnitDocument(doc: TextDocument): boolean {
	return UNIT_LANGUAGES.includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

/**
 * "QM Quadlet: Lint Workspace" and "QM Quadlet: Show Rule Documentation". The server does the
 * work (`qmQuadlet/lintWorkspace`, `qmQuadlet/rules`); this file only shows the results.
 */
import {
	EventEmitter, ProgressLocation, Uri, commands, languages, window, workspace,
	type Disposable, type DiagnosticCollection, type TextDocumentContentProvider,
} from 'vscode';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageclient';
import type { LanguageClient } from 'vscode-languageclient/node';
import { UNIT_GLOB } from './domain-map';
import { Requests, type RuleInfo } from './protocol';
import { RULE_DOC_SCHEME, renderRuleMarkdown, ruleDocPath, ruleIdFromDocPath, rulePickItems } from './rule-docs-text';

interface LintWorkspaceResult { files: { uri: string; diagnostics: LspDiagnostic[] }[]; fileCount: number }

/**
 * Workspace-wide findings for files that are not open. Open files get live diagnostics from the
 * server; an entry here is a snapshot of the last run, dropped when its file is opened or changes.
 */
export class WorkspaceLint implements Disposable {
	private readonly collection: DiagnosticCollection = languages.createDiagnosticCollection('qmQuadlet.workspace');
	private readonly subscriptions: Disposable[] = [];

	constructor(private readonly client: LanguageClient) {
		const watcher = workspace.createFileSystemWatcher(UNIT_GLOB);
		this.subscriptions.push(
			this.collection,
			watcher,
			watcher.onDidChange((u) => this.collection.delete(u)),
			watcher.onDidDelete((u) => this.collection.delete(u)),
			workspace.onDidOpenTextDocument((d) => this.collection.delete(d.uri)),
		);
	}

	async run(): Promise<void> {
		await window.withProgress({ location: ProgressLocation.Window, title: 'QM Quadlet: linting the workspace', cancellable: true }, async (_progress, token) => {
			let result: LintWorkspaceResult;
			try {
				result = await this.client.sendRequest<LintWorkspaceResult>(Requests.lintWorkspace, {}, token);
			} catch (e) {
				if (!token.isCancellationRequested) void window.showErrorMessage(`QM Quadlet: linting the workspace failed: ${(e as Error).message}`);
				return;
			}
			if (!result || !Array.isArray(result.files)) return;
			this.collection.clear();
			const open = new Set(workspace.textDocuments.map((d) => d.uri.toString()));
			let problems = 0;
			for (const f of result.files) {
				if (typeof f?.uri !== 'string' || !Array.isArray(f.diagnostics)) continue;
				const uri = Uri.parse(f.uri, true);
				problems += f.diagnostics.length;
				if (open.has(uri.toString())) continue;
				this.collection.set(uri, await this.client.protocol2CodeConverter.asDiagnostics(f.diagnostics));
			}
			await commands.executeCommand('workbench.actions.view.problems');
			window.setStatusBarMessage(`QM Quadlet: ${problems} problem${problems === 1 ? '' : 's'} in ${result.files.length} of ${result.fileCount} unit files`, 10_000);
		});
	}

	dispose(): void {
		this.subscriptions.forEach((d) => d.dispose());
	}
}

/** Quick pick of every rule; the chosen one opens as a markdown preview. */
export class RuleDocs implements TextDocumentContentProvider, Disposable {
	private rules: RuleInfo[] = [];
	private readonly emitter = new EventEmitter<Uri>();
	readonly onDidChange = this.emitter.event;
	private readonly registration: Disposable;

	constructor(private readonly client: LanguageClient) {
		this.registration = workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, this);
	}

	private async load(): Promise<RuleInfo[]> {
		if (this.rules.length === 0) {
			const rules = await this.client.sendRequest<RuleInfo[]>(Requests.rules, {});
			this.rules = Array.isArray(rules) ? rules : [];
		}
		return this.rules;
	}

	async provideTextDocumentContent(uri: Uri): Promise<string> {
		const id = ruleIdFromDocPath(uri.path);
		const rule = (await this.load()).find((r) => r.id === id);
		return rule ? renderRuleMarkdown(rule) : `# Unknown rule\n\n\`${id ?? uri.path}\` is not a QM Quadlet rule.\n`;
	}

	async pick(): Promise<void> {
		let rules: RuleInfo[];
		try {
			rules = await this.load();
		} catch (e) {
			void window.showErrorMessage(`QM Quadlet: the rule catalog is not available: ${(e as Error).message}`);
			return;
		}
		const choice = await window.showQuickPick(rulePickItems(rules), { title: 'QM Quadlet rules', placeHolder: 'Rule id, title or reason', matchOnDescription: true, matchOnDetail: true });
		if (!choice) return;
		const uri = Uri.from({ scheme: RULE_DOC_SCHEME, path: ruleDocPath(choice.id) });
		try {
			await commands.executeCommand('markdown.showPreview', uri);
		} catch {
			await window.showTextDocument(uri, { preview: true });
		}
	}

	dispose(): void {
		this.registration.dispose();
		this.emitter.dispose();
	}
}

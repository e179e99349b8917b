import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext, type LogOutputChannel, type Uri } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DomainMapPanel } from './domain-map';
import { PREVIEW_SCHEME, PreviewProvider } from './preview';
import { DomainStatus } from './status';
import { RuleDocs, WorkspaceLint } from './workspace-commands';

let client: LanguageClient | undefined;

/**
 * Starts the bundled language server over IPC and wires the UI around it: commands, the
 * generated-unit preview, the domain map, the status bar item. All language smarts live in the
 * server; the modules imported here only ask it and show the answers.
 */
export async function activate(context: ExtensionContext): Promise<QmQuadletApi> {
	const log = window.createOutputChannel('QM Quadlet', { log: true });
	const module = context.asAbsolutePath(path.join('dist', 'server.js'));
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc },
		debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [
			{ scheme: 'file', language: 'quadlet' },
			{ scheme: 'file', language: 'systemd-unit' },
			// The "Systemd Helper" extension claims quadlet files as systemd-conf; serve them too.
			{ scheme: 'file', language: 'systemd-conf' },
			{ scheme: 'untitled', language: 'quadlet' },
		],
		synchronize: { configurationSection: 'qmQuadlet' },
		initializationOptions: { settings: workspace.getConfiguration('qmQuadlet') },
		outputChannel: log,
	};
	client = new LanguageClient('qmQuadlet', 'QM Quadlet', serverOptions, clientOptions);
	const lc = client;

	const preview = new PreviewProvider(lc, log);
	const lint = new WorkspaceLint(lc);
	const rules = new RuleDocs(lc);
	let status: DomainStatus | undefined;
	context.subscriptions.push(
		log, preview, lint, rules,
		commands.registerCommand('qmQuadlet.openPreview', (uri?: Uri) => openPreview(preview, uri)),
		commands.registerCommand('qmQuadlet.showDomainMap', () => DomainMapPanel.show(context, lc, log)),
		commands.registerCommand('qmQuadlet.lintWorkspace', () => lint.run()),
		commands.registerCommand('qmQuadlet.showRuleDocumentation', () => rules.pick()),
		commands.registerCommand('qmQuadlet.restartServer', () => restart(lc, log, preview, status)),
		{ dispose: () => void client?.stop() },
	);
	await lc.start();
	status = new DomainStatus(lc);
	context.subscriptions.push(status);
	return { domainMapLabels: () => DomainMapPanel.shownLabels() };
}

/** Read-only, for the e2e suite: what the open domain map draws. */
export interface QmQuadletApi {
	domainMapLabels(): string[] | undefined;
}

/** The preview of the given file (editor title/context menu) or of the active editor. */
async function openPreview(preview: PreviewProvider, uri?: Uri): Promise<void> {
	const target = uri ?? window.activeTextEditor?.document.uri;
	if (!target || target.scheme === PREVIEW_SCHEME) {
		void window.showInformationMessage('QM Quadlet: open a quadlet unit (.container, .pod, .kube, …) to preview the service podman generates from it.');
		return;
	}
	await preview.open(target);
}

async function restart(lc: LanguageClient, log: LogOutputChannel, preview: PreviewProvider, status: DomainStatus | undefined): Promise<void> {
	log.info('Restarting the language server on request');
	try {
		await lc.restart();
	} catch (e) {
		void window.showErrorMessage(`QM Quadlet: the language server did not restart: ${(e as Error).message}`);
		return;
	}
	preview.refreshAll();
	status?.update();
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}

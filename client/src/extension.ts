import * as path from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Starts the bundled language server over IPC; all language smarts live in the server. */
export async function activate(context: ExtensionContext): Promise<void> {
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
	};
	client = new LanguageClient('qmQuadlet', 'QM Quadlet', serverOptions, clientOptions);
	await client.start();
	context.subscriptions.push({ dispose: () => void client?.stop() });
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}

/**
 * "QM Quadlet: Open Generated Unit Preview": a read-only virtual document (scheme
 * `qm-quadlet-preview`) beside the source, in the `systemd-unit` language, refreshed while the
 * source (or any unit it may depend on) is edited. The text comes from the server's translator
 * (`qmQuadlet/generatedUnit`), or from podman's own generator when the user enabled it in a
 * trusted workspace (podman.ts).
 */
import * as path from 'node:path';
import {
	EventEmitter, Uri, ViewColumn, languages, window, workspace,
	type CancellationToken, type Disposable, type LogOutputChannel, type TextDocumentContentProvider,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { generateWithPodman, isUserUnitPath, probePodman, type PodmanProbe } from './podman';
import { formatPreview, formatUnavailable, type PreviewOrigin } from './preview-text';
import { Requests, type GeneratedUnitResult, type UnitSourcesResult } from './protocol';

export const PREVIEW_SCHEME = 'qm-quadlet-preview';
export const UNIT_LANGUAGES = ['quadlet', 'systemd-unit', 'systemd-conf'];
const DEBOUNCE_MS = 150;
const PROBE_TTL_MS = 30_000;

/** `<source path> (generated).service`, the source URI in the query. */
export function previewUriFor(source: Uri): Uri {
	return Uri.from({ scheme: PREVIEW_SCHEME, path: `${source.path} (generated).service`, query: source.toString() });
}

/**
 * A setting of machine scope, read from user/machine settings only: a workspace value (which a
 * cloned repository could carry) is ignored even where VS Code would still apply it.
 */
export function machineSetting<T>(key: string): T | undefined {
	const i = workspace.getConfiguration('qmQuadlet').inspect<T>(key);
	return i?.globalValue ?? i?.defaultValue;
}

export class PreviewProvider implements TextDocumentContentProvider, Disposable {
	private readonly emitter = new EventEmitter<Uri>();
	readonly onDidChange = this.emitter.event;
	private readonly timers = new Map<string, NodeJS.Timeout>();
	private readonly runs = new Map<string, AbortController>();
	private probe: { key: string; at: number; result: Awaited<ReturnType<typeof probePodman>> } | undefined;
	private readonly subscriptions: Disposable[] = [];

	constructor(private readonly client: LanguageClient, private readonly log: LogOutputChannel) {
		this.subscriptions.push(
			workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this),
			workspace.onDidChangeTextDocument((e) => {
				if (e.document.uri.scheme === PREVIEW_SCHEME || !UNIT_LANGUAGES.includes(e.document.languageId)) return;
				// Drop-ins and referenced units change a unit's service too: refresh every open preview.
				this.refreshAll();
			}),
			workspace.onDidChangeConfiguration((e) => {
				if (!e.affectsConfiguration('qmQuadlet')) return;
				this.probe = undefined;
				this.refreshAll();
			}),
			workspace.onDidGrantWorkspaceTrust(() => this.refreshAll()),
		);
	}

	/** Opens (or reveals) the preview of `source` beside it. */
	async open(source: Uri): Promise<void> {
		const doc = await workspace.openTextDocument(previewUriFor(source));
		if (doc.languageId !== 'systemd-unit') await languages.setTextDocumentLanguage(doc, 'systemd-unit');
		await window.showTextDocument(doc, { viewColumn: ViewColumn.Beside, preserveFocus: true, preview: false });
	}

	refreshAll(): void {
		for (const doc of workspace.textDocuments) {
			if (doc.uri.scheme === PREVIEW_SCHEME && !doc.isClosed) this.schedule(doc.uri);
		}
	}

	private schedule(uri: Uri): void {
		const key = uri.toString();
		clearTimeout(this.timers.get(key));
		this.timers.set(key, setTimeout(() => { this.timers.delete(key); this.emitter.fire(uri); }, DEBOUNCE_MS));
	}

	async provideTextDocumentContent(uri: Uri, token: CancellationToken): Promise<string> {
		let source: Uri;
		try {
			source = Uri.parse(uri.query, true);
		} catch {
			return formatUnavailable(uri.query, 'this preview does not name a valid source file');
		}
		const shown = source.scheme === 'file' ? source.fsPath : source.toString();
		let result: GeneratedUnitResult;
		try {
			result = await this.client.sendRequest<GeneratedUnitResult>(Requests.generatedUnit, { uri: source.toString() }, token);
		} catch (e) {
			return formatUnavailable(shown, `the language server did not answer (${(e as Error).message})`);
		}
		if (!result || typeof result.text !== 'string') return formatUnavailable(shown, 'the language server sent no unit');
		let origin: PreviewOrigin = { kind: 'translator' };
		let unit = { text: result.text, errors: result.errors ?? [], warnings: result.warnings ?? [] };
		const notes: string[] = [];
		if (machineSetting<boolean>('preview.usePodman') === true) {
			const podman = await this.viaPodman(uri, source, result.serviceName, token);
			if (podman.ok) {
				origin = { kind: 'podman', command: podman.command, podmanVersion: podman.version };
				unit = { text: podman.text ?? '', errors: podman.errors, warnings: podman.warnings };
				notes.push(...podman.notes);
			} else {
				origin = { kind: 'translator', podmanUnavailable: podman.reason };
			}
		}
		return formatPreview({ source: shown, serviceName: result.serviceName, ...unit, origin, notes });
	}

	/** The podman-backed preview; any failure falls back to the translator with a reason. */
	private async viaPodman(previewUri: Uri, source: Uri, serviceName: string, token: CancellationToken): Promise<
		{ ok: true; text: string | undefined; errors: string[]; warnings: string[]; command: string; version: string; notes: string[] } | { ok: false; reason: string }
	> {
		const isTrusted = () => workspace.isTrusted;
		if (!isTrusted()) return { ok: false, reason: 'the workspace is not trusted (Restricted Mode)' };
		if (source.scheme !== 'file') return { ok: false, reason: 'the file is not on the local disk' };
		const key = previewUri.toString();
		this.runs.get(key)?.abort();
		const abort = new AbortController();
		this.runs.set(key, abort);
		const cancellation = token.onCancellationRequested(() => abort.abort());
		try {
			const probe = await this.probePodman(isTrusted, abort.signal);
			if (!probe.ok) return probe;
			const sources = await this.client.sendRequest<UnitSourcesResult | null>(Requests.unitSources, { uri: source.toString() }, token);
			if (!sources) return { ok: false, reason: 'podman previews quadlet unit files only' };
			const run = await generateWithPodman({
				probe: probe.probe, sources, serviceName, sourceDir: path.dirname(source.fsPath),
				user: isUserUnitPath(source.fsPath), isTrusted, signal: abort.signal,
			});
			if (!run.ok) return run;
			const notes = sources.omitted > 0 ? [`${sources.omitted} sibling units were not staged (size bounds); references to them may fail`] : [];
			return { ok: true, ...run.preview, version: probe.probe.version.text, notes };
		} catch (e) {
			this.log.warn(`podman preview failed: ${(e as Error).message}`);
			return { ok: false, reason: (e as Error).message };
		} finally {
			cancellation.dispose();
			if (this.runs.get(key) === abort) this.runs.delete(key);
		}
	}

	private async probePodman(isTrusted: () => boolean, signal: AbortSignal): Promise<{ ok: true; probe: PodmanProbe } | { ok: false; reason: string }> {
		const podmanPath = machineSetting<string>('preview.podmanPath') ?? 'podman';
		const key = JSON.stringify([podmanPath, process.env.PATH]);
		if (this.probe && this.probe.key === key && Date.now() - this.probe.at < PROBE_TTL_MS) return this.probe.result;
		const result = await probePodman({ podmanPath, isTrusted, signal });
		if (result.ok || !/cancelled|trusted/.test(result.reason)) this.probe = { key, at: Date.now(), result };
		if (!result.ok) this.log.info(`podman preview unavailable: ${result.reason}`);
		return result;
	}

	dispose(): void {
		for (const t of this.timers.values()) clearTimeout(t);
		for (const a of this.runs.values()) a.abort();
		this.subscriptions.forEach((d) => d.dispose());
		this.emitter.dispose();
	}
}

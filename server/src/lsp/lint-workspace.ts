import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type Diagnostic as LspDiagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Domain, LanguageService } from '../service/index';
import { ALL_RULE_METAS } from '../service/rules/index';
import { anchor } from '../service/rules/rule-docs';
import type { Severity } from '../service/types';
import { dirName, isQuadletKind, searchRootKey } from '../service/unit-path';
import { toLspDiagnostic } from './convert';
import { runSafe } from './run-safe';
import { pathToUri, uriToPath } from './uri';

/**
 * Requests the VS Code client's commands use (the client stays UI-only):
 * `qmQuadlet/lintWorkspace`, `qmQuadlet/rules`, `qmQuadlet/fileInfo`, `qmQuadlet/unitSources`.
 */
export const LINT_WORKSPACE_REQUEST = 'qmQuadlet/lintWorkspace';
export const RULES_REQUEST = 'qmQuadlet/rules';
export const FILE_INFO_REQUEST = 'qmQuadlet/fileInfo';
export const UNIT_SOURCES_REQUEST = 'qmQuadlet/unitSources';

export interface LintWorkspaceResult {
	/** Files with at least one diagnostic. */
	files: { uri: string; diagnostics: LspDiagnostic[] }[];
	/** How many files were checked. */
	fileCount: number;
}

export interface RuleInfo {
	id: string;
	defaultSeverity: Severity;
	title: string;
	why: string;
	fix: string;
	/** The rule's anchor in the README rule table. */
	anchor: string;
}

export interface FileInfoResult {
	domain: Domain;
	reason: string;
}

/**
 * The files podman's generator needs to convert one unit, as names relative to a staging
 * directory. Texts are the server's copies, so unsaved edits count and nothing is read from
 * disk for this.
 */
export interface UnitSourcesResult {
	/** The unit's file name, e.g. "web.container". */
	unit: string;
	/** The unit and the drop-ins podman applies to it (`<dir>.d/<file>.conf`). */
	files: { name: string; text: string }[];
	/** The other quadlet units of its search root, so that references (x.volume, …) resolve. */
	siblings: { name: string; text: string }[];
	/** Sibling units left out because of the bounds below. */
	omitted: number;
}

/** Bounds of what is handed out for staging (reliability-and-ecosystem §A11). */
const MAX_SOURCE_FILES = 256;
const MAX_SOURCE_BYTES = 16 * 1024 * 1024;
/** Yield to other requests every this many files while linting the workspace. */
const LINT_CHUNK = 200;

export function registerClientRequests(connection: Connection, service: LanguageService, documents: TextDocuments<TextDocument>): void {
	/** The service's copy of an open document is what the editor shows. */
	const sync = (uri: string): string => {
		const path = uriToPath(uri);
		const open = documents.get(uri);
		if (open && service.workspace.get(path)?.text !== open.getText()) service.workspace.set(path, open.getText());
		return path;
	};

	connection.onRequest(LINT_WORKSPACE_REQUEST, async (_params: unknown, token: CancellationToken) => {
		try {
			const parsedOf = (p: string) => service.workspace.get(p)?.parsed;
			const files: LintWorkspaceResult['files'] = [];
			const all = [...service.workspace.all()];
			for (let i = 0; i < all.length; i++) {
				if (i % LINT_CHUNK === 0) {
					await new Promise((r) => setImmediate(r));
					if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
				}
				const file = service.workspace.get(all[i].path);
				if (!file) continue;
				const diagnostics = service.doValidation(file.path).map((d) => toLspDiagnostic(d, file.parsed, parsedOf));
				if (diagnostics.length > 0) files.push({ uri: pathToUri(file.path), diagnostics });
			}
			return { files, fileCount: all.length } satisfies LintWorkspaceResult;
		} catch (e) {
			connection.console.error(`lint workspace failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
			return { files: [], fileCount: 0 } satisfies LintWorkspaceResult;
		}
	});

	connection.onRequest(RULES_REQUEST, (_params: unknown, token: CancellationToken) => runSafe(connection, (): RuleInfo[] =>
		[...ALL_RULE_METAS].sort((a, b) => a.id.localeCompare(b.id)).map((r) => ({
			id: r.id, defaultSeverity: r.defaultSeverity, title: r.title, why: r.why, fix: r.fix, anchor: anchor(r.id),
		})), [], 'rules', token));

	connection.onRequest(FILE_INFO_REQUEST, (params: { uri: string }, token: CancellationToken) => runSafe(connection, (): FileInfoResult | null => {
		const d = service.getDomain(sync(params.uri));
		return d ? { domain: d.domain, reason: d.reason } : null;
	}, null, 'file info', token));

	connection.onRequest(UNIT_SOURCES_REQUEST, (params: { uri: string }, token: CancellationToken) => runSafe(connection, (): UnitSourcesResult | null => {
		const unit = service.workspace.get(sync(params.uri));
		if (!unit || unit.info.dropIn || !isQuadletKind(unit.info.kind)) return null;
		const files: UnitSourcesResult['files'] = [{ name: unit.info.fileName, text: unit.text }];
		let bytes = unit.text.length;
		for (const d of service.workspace.dropInsFor(unit)) {
			if (!d.info.dropIn) continue;
			files.push({ name: `${d.info.dropIn.dirName}/${d.info.fileName}`, text: d.text });
			bytes += d.text.length;
		}
		// Units the generator may need to resolve references: same directory first, then the
		// rest of the search root; one file per name (the first one podman would find).
		const dir = dirName(unit.path);
		const root = searchRootKey(dir);
		const names = new Set(files.map((f) => f.name));
		const siblings = [...service.workspace.all()]
			.filter((f) => f !== unit && !f.info.dropIn && isQuadletKind(f.info.kind) && searchRootKey(dirName(f.path)) === root)
			.sort((a, b) => Number(dirName(b.path) === dir) - Number(dirName(a.path) === dir) || a.path.localeCompare(b.path));
		const others: UnitSourcesResult['siblings'] = [];
		let omitted = 0;
		for (const f of siblings) {
			if (names.has(f.info.fileName)) continue;
			if (files.length + others.length >= MAX_SOURCE_FILES || bytes + f.text.length > MAX_SOURCE_BYTES) { omitted++; continue; }
			names.add(f.info.fileName);
			others.push({ name: f.info.fileName, text: f.text });
			bytes += f.text.length;
		}
		return { unit: unit.info.fileName, files, siblings: others, omitted };
	}, null, 'unit sources', token));
}

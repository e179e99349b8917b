import { ResponseError, ErrorCodes, type Connection, type Location as LspLocation, type WorkspaceEdit, type TextDocumentEdit, type RenameFile, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, Location } from '../service/index';
import { entryAt } from '../service/parser/cursor-context';
import { referencesIn } from '../service/features/references';
import { offsetAt, rangeOf } from './convert';
import { runSafe } from './run-safe';
import { pathToUri, uriToPath } from './uri';

/** Definition, references and rename of units, backed by the workspace model. */
export function registerNavigation(connection: Connection, service: LanguageService, documents: TextDocuments<TextDocument>): void {
	const toLsp = (l: Location): LspLocation[] => {
		const f = service.workspace.get(l.path);
		return f ? [{ uri: pathToUri(l.path), range: rangeOf(f.parsed, l.start, l.end) }] : [];
	};

	connection.onDefinition((params, token) => runSafe(connection, () => {
		const path = uriToPath(params.textDocument.uri);
		const f = service.workspace.get(path);
		if (!f) return [];
		return service.findDefinition(path, offsetAt(f.parsed, params.position)).flatMap(toLsp);
	}, [], 'definition', token));

	connection.onReferences((params, token) => runSafe(connection, () => {
		const path = uriToPath(params.textDocument.uri);
		const f = service.workspace.get(path);
		if (!f) return [];
		// On a reference, list the references of the unit it names; elsewhere, of this file's unit.
		const target = service.findDefinition(path, offsetAt(f.parsed, params.position)).find((l) => l.path !== path && service.workspace.get(l.path)?.info.kind && !service.workspace.get(l.path)?.info.dropIn);
		const unitPath = target?.path ?? path;
		const refs = service.findReferences(unitPath).flatMap(toLsp);
		if (params.context.includeDeclaration && service.workspace.get(unitPath)) refs.unshift({ uri: pathToUri(unitPath), range: rangeOf(service.workspace.get(unitPath)!.parsed, 0, 0) });
		return refs;
	}, [], 'references', token));

	/** The unit a rename at this position applies to (the referenced unit, or the file itself) and the span to show. */
	const renameTarget = (uri: string, position: { line: number; character: number }) => {
		const path = uriToPath(uri);
		const f = service.workspace.get(path);
		if (!f) return undefined;
		const offset = offsetAt(f.parsed, position);
		const def = service.findDefinition(path, offset).find((l) => service.workspace.get(l.path)?.info.kind && !service.workspace.get(l.path)?.info.dropIn && l.path !== path);
		const entry = entryAt(f.parsed, offset);
		const word = entry ? referencesIn(entry).find((r) => offset >= r.start && offset <= r.end) : undefined;
		if (def && word) return { unitPath: def.path, file: f, start: word.start, end: word.end };
		if (f.info.dropIn || !f.info.kind) return undefined;
		const header = f.parsed.sections[0];
		return { unitPath: path, file: f, start: header?.nameStart ?? 0, end: header?.nameEnd ?? 0 };
	};

	connection.onPrepareRename((params, token) => runSafe(connection, () => {
		const t = renameTarget(params.textDocument.uri, params.position);
		if (!t) return null;
		const target = service.workspace.get(t.unitPath);
		if (!target) return null;
		return { range: rangeOf(t.file.parsed, t.start, t.end), placeholder: target.info.fileName.replace(/\.[^.]+$/, '') };
	}, null, 'prepare rename', token));

	connection.onRenameRequest((params, token) => runSafe(connection, () => {
		const t = renameTarget(params.textDocument.uri, params.position);
		if (!t) return null;
		const result = service.renameUnit(t.unitPath, params.newName);
		if ('error' in result) return new ResponseError<never>(ErrorCodes.InvalidRequest, result.error);
		const byFile = new Map<string, TextDocumentEdit>();
		for (const e of result.edits) {
			const f = service.workspace.get(e.path);
			if (!f) continue;
			const uri = pathToUri(e.path);
			const doc = byFile.get(uri) ?? { textDocument: { uri, version: documents.get(uri)?.version ?? null }, edits: [] };
			doc.edits.push({ range: rangeOf(f.parsed, e.start, e.end), newText: e.newText });
			byFile.set(uri, doc);
		}
		const renames: RenameFile[] = result.renames.map((r) => ({ kind: 'rename', oldUri: pathToUri(r.from), newUri: pathToUri(r.to) }));
		const edit: WorkspaceEdit = { documentChanges: [...byFile.values(), ...renames] };
		return edit;
	}, null, 'rename', token));
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { CompletionItem, Hover, TextEdit, CodeAction, DocumentSymbol } from 'vscode-languageserver-protocol';
import { startLsp } from '../helpers/lsp-client';
import { pathToUri } from '../../server/src/lsp/uri';

const BAD = '[Container]\nImage=quay.io/fedora/fedora:41\nImag=oops\n';

test('stdio server: initialize advertises the features', async () => {
	const c = await startLsp();
	try {
		const caps = c.initialize.capabilities;
		assert.equal(caps.hoverProvider, true);
		assert.ok(caps.completionProvider);
		assert.equal(caps.textDocumentSync && typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : -1, 2);
		assert.equal(caps.diagnosticProvider, undefined, 'push mode when the client has no pull support');
	} finally { await c.stop(); }
});

test('open → diagnostics, incremental change → new diagnostics for that version', async () => {
	const c = await startLsp();
	try {
		const uri = 'file:///etc/containers/systemd/web.container';
		const first = c.nextDiagnostics(uri, 1);
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: BAD } });
		const d1 = await first;
		assert.deepEqual(d1.diagnostics.map((d) => [d.code, d.range.start.line, d.severity]), [['quadlet/unknown-key', 2, 1]]);
		assert.match(String(d1.diagnostics[0].message), /Did you mean "Image"\?/);
		const second = c.nextDiagnostics(uri, 2);
		// Fix "Imag" → "Image" by inserting one character.
		c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } }, text: 'e' }] });
		const d2 = await second;
		assert.deepEqual(d2.diagnostics.map((d) => d.code), ['quadlet/duplicate-key', 'quadlet/short-image-name']);
	} finally { await c.stop(); }
});

test('pull diagnostics when the client supports them', async () => {
	const c = await startLsp({ pull: true });
	try {
		assert.ok(c.initialize.capabilities.diagnosticProvider);
		const uri = 'file:///etc/containers/systemd/pull.container';
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: BAD } });
		const report = await c.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
		assert.equal(report.kind, 'full');
		assert.deepEqual(report.items.map((i) => i.code), ['quadlet/unknown-key']);
	} finally { await c.stop(); }
});

test('completion returns keys with a textEdit over the typed prefix', async () => {
	const c = await startLsp();
	try {
		const uri = 'file:///etc/containers/systemd/c.container';
		const text = '[Container]\nIma\n';
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text } });
		const items = await c.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 3 } });
		const image = items.find((i) => i.label === 'Image');
		assert.ok(image, 'Image offered');
		const edit = image.textEdit as TextEdit;
		assert.deepEqual(edit.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
		assert.equal(edit.newText, 'Image=$0');
	} finally { await c.stop(); }
});

test('hover on a key shows its documentation', async () => {
	const c = await startLsp();
	try {
		const uri = 'file:///etc/containers/systemd/h.container';
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: BAD } });
		const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
		const value = (h.contents as { value: string }).value;
		assert.match(value, /\*\*Image=\*\*/);
		assert.deepEqual(h.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
	} finally { await c.stop(); }
});

test('code action renames an unknown key to the suggestion', async () => {
	const c = await startLsp();
	try {
		const uri = 'file:///etc/containers/systemd/a.container';
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: '[Container]\nImag=quay.io/a/b:1\n' } });
		const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] } });
		const fix = actions.find((a) => a.title === 'Change to "Image"');
		assert.ok(fix);
		assert.deepEqual(fix.edit?.changes?.[uri], [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, newText: 'Image' }]);
	} finally { await c.stop(); }
});

test('document symbols list sections with their keys', async () => {
	const c = await startLsp();
	try {
		const uri = 'file:///etc/containers/systemd/s.container';
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: '[Unit]\nDescription=x\n\n[Container]\nImage=a\n' } });
		const syms = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
		assert.deepEqual(syms.map((s) => [s.name, (s.children ?? []).map((k) => k.name)]), [['[Unit]', ['Description']], ['[Container]', ['Image']]]);
	} finally { await c.stop(); }
});

test('a cancelled request is answered promptly with RequestCancelled', async () => {
	const c = await startLsp();
	try {
		const uri = 'file:///etc/containers/systemd/x.container';
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: BAD } });
		const source = new CancellationTokenSource();
		const pending = c.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } }, source);
		source.cancel();
		await assert.rejects(pending, (e: { code?: number }) => e.code === -32800);
	} finally { await c.stop(); }
});

test('requests for unknown documents and bad positions never crash the server', async () => {
	const c = await startLsp();
	try {
		const r = await c.request('textDocument/hover', { textDocument: { uri: 'file:///nope/x.container' }, position: { line: 99, character: 99 } });
		assert.equal(r, null);
		const uri = 'file:///etc/containers/systemd/y.container';
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: '' } });
		const items = await c.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 50, character: 3 } });
		assert.ok(Array.isArray(items));
		assert.equal(c.process.exitCode, null);
	} finally { await c.stop(); }
});

test('workspace index: an open unit sees references to files on disk, and revalidates when they change', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'qmq-ws-'));
	try {
		mkdirSync(join(dir, 'etc/containers/systemd'), { recursive: true });
		writeFileSync(join(dir, 'etc/containers/systemd/db.volume'), '[Volume]\n');
		const c = await startLsp({ rootUri: pathToUri(dir) });
		try {
			const uri = pathToUri(join(dir, 'etc/containers/systemd/app.container'));
			c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: '[Container]\nImage=quay.io/a/b:1\nVolume=db.volume:/data\nVolume=cache.volume:/cache\n' } });
			// db.volume is on disk (found by the index), cache.volume is not.
			const unresolvedLines = (p: { diagnostics: { code?: unknown; range: { start: { line: number } } }[] }) =>
				p.diagnostics.filter((x) => x.code === 'quadlet/unresolved-reference').map((x) => x.range.start.line);
			await c.diagnosticsMatching(uri, (p) => JSON.stringify(unresolvedLines(p)) === '[3]');
			// Creating cache.volume on disk and telling the server clears the finding.
			writeFileSync(join(dir, 'etc/containers/systemd/cache.volume'), '[Volume]\n');
			c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(join(dir, 'etc/containers/systemd/cache.volume')), type: 1 }] });
			await c.diagnosticsMatching(uri, (p) => p.version === 1 && unresolvedLines(p).length === 0 && p !== undefined && p.diagnostics.length === 0);
		} finally { await c.stop(); }
	} finally { rmSync(dir, { recursive: true, force: true }); }
});

test('definition and rename over LSP', async () => {
	const c = await startLsp();
	try {
		const web = 'file:///etc/containers/systemd/web.container';
		const db = 'file:///etc/containers/systemd/db.container';
		c.notify('textDocument/didOpen', { textDocument: { uri: db, languageId: 'quadlet', version: 1, text: '[Container]\nImage=quay.io/a/db:1\n' } });
		c.notify('textDocument/didOpen', { textDocument: { uri: web, languageId: 'quadlet', version: 1, text: '[Unit]\nRequires=db.service\n[Container]\nImage=quay.io/a/b:1\n' } });
		const defs = await c.request<{ uri: string }[]>('textDocument/definition', { textDocument: { uri: web }, position: { line: 1, character: 10 } });
		assert.deepEqual(defs.map((d) => d.uri), [db]);
		const prep = await c.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: web }, position: { line: 1, character: 10 } });
		assert.equal(prep.placeholder, 'db');
		const edit = await c.request<{ documentChanges: ({ kind?: string; oldUri?: string; newUri?: string; edits?: { newText: string }[] })[] }>('textDocument/rename', { textDocument: { uri: web }, position: { line: 1, character: 10 }, newName: 'database' });
		assert.deepEqual(edit.documentChanges.filter((d) => d.kind === 'rename').map((d) => [d.oldUri, d.newUri]), [[db, 'file:///etc/containers/systemd/database.container']]);
		assert.deepEqual(edit.documentChanges.flatMap((d) => d.edits ?? []).map((e) => e.newText), ['database.service']);
	} finally { await c.stop(); }
});

test('hitting the indexing limit (qmQuadlet.limits.maxFiles) is reported once, visibly', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'qmq-limit-'));
	try {
		mkdirSync(join(dir, 'etc/containers/systemd'), { recursive: true });
		for (let i = 0; i < 30; i++) writeFileSync(join(dir, `etc/containers/systemd/u${i}.container`), '[Container]\nImage=quay.io/a/b:1\n');
		const c = await startLsp({ rootUri: pathToUri(dir), settings: { limits: { maxFiles: 10 } } });
		// vscode-languageserver shows warnings as window/showMessageRequest; the client records them.
		const messages = c.shownMessages();
		try {
			const deadline = Date.now() + 10_000;
			while (messages.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
			// A second scan (settings change) must not repeat the notice.
			c.notify('workspace/didChangeConfiguration', { settings: { qmQuadlet: { limits: { maxFiles: 10 } } } });
			await new Promise((r) => setTimeout(r, 300));
			assert.equal(messages.length, 1, JSON.stringify(messages));
			assert.match(messages[0], /indexed only the first 10 unit files/);
		} finally { await c.stop(); }
	} finally { rmSync(dir, { recursive: true, force: true }); }
});

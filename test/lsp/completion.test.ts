import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { startLsp } from '../helpers/lsp-client';

type CompletionResult = CompletionItem[] | CompletionList;
const itemsOf = (r: CompletionResult) => (Array.isArray(r) ? r : r.items);

test('completion items come without documentation; completionItem/resolve adds it', async () => {
	const c = await startLsp();
	try {
		assert.equal(c.initialize.capabilities.completionProvider?.resolveProvider, true);
		const uri = 'file:///etc/containers/systemd/c.container';
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: '[Container]\nIma\n' } });
		const items = await c.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 3 } });
		const image = items.find((i) => i.label === 'Image');
		assert.ok(image, 'Image offered');
		assert.equal(image.documentation, undefined);
		assert.ok(image.detail, 'the short detail is sent with the item');
		const resolved = await c.request<CompletionItem>('completionItem/resolve', image);
		assert.match((resolved.documentation as MarkupContent).value, /\*\*Image=\*\* · \[Container\]/);
		assert.equal((resolved.documentation as MarkupContent).kind, 'markdown');
		assert.deepEqual({ ...resolved, documentation: undefined }, { ...image, documentation: undefined });
		// An item the server does not know comes back as it was sent.
		const foreign = { label: 'x', data: { doc: 'key', kind: 'container', section: 'Container', key: 'NoSuchKey' } };
		assert.deepEqual(await c.request('completionItem/resolve', foreign), foreign);
	} finally { await c.stop(); }
});

test('reference completion sees units opened after the first completion', async () => {
	const c = await startLsp();
	try {
		const uri = 'file:///etc/containers/systemd/web.container';
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: '[Container]\nPod=\n' } });
		const at = { textDocument: { uri }, position: { line: 1, character: 4 } };
		assert.deepEqual((await c.request<CompletionItem[]>('textDocument/completion', at)).filter((i) => i.label.endsWith('.pod')), []);
		c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///etc/containers/systemd/db.pod', languageId: 'quadlet', version: 1, text: '[Pod]\n' } });
		const pod = (await c.request<CompletionItem[]>('textDocument/completion', at)).find((i) => i.label === 'db.pod');
		assert.ok(pod, 'db.pod offered');
		assert.equal((pod.textEdit as TextEdit).newText, 'db.pod');
	} finally { await c.stop(); }
});

test('thousands of candidates: an incomplete list of the best matches, narrowed as the user types', async () => {
	// Pull mode: opening 1,200 documents schedules no validation of each.
	const c = await startLsp({ pull: true });
	try {
		for (let i = 0; i < 1200; i++) {
			c.notify('textDocument/didOpen', { textDocument: { uri: `file:///etc/containers/systemd/pod${i}.pod`, languageId: 'quadlet', version: 1, text: '[Pod]\n' } });
		}
		const uri = 'file:///etc/containers/systemd/web.container';
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: '[Container]\nPod=\n' } });
		const all = await c.request<CompletionResult>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 4 } });
		assert.ok(!Array.isArray(all) && all.isIncomplete, 'an incomplete CompletionList');
		assert.ok(itemsOf(all).length < 1200 && itemsOf(all).length > 10, `${itemsOf(all).length} items`);
		c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }, text: 'pod119' }] });
		const narrowed = itemsOf(await c.request<CompletionResult>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 10 } })).map((i) => i.label);
		// Names starting with the typed text first, then those containing its letters in order.
		assert.deepEqual(narrowed.slice(0, 11), ['pod119.pod', ...Array.from({ length: 10 }, (_, i) => `pod119${i}.pod`)]);
		assert.ok(narrowed.length > 11 && narrowed.every((l) => /^pod\d*1\d*1\d*9/.test(l)), narrowed.join(' '));
	} finally { await c.stop(); }
});

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { e2eTest, waitFor } from './harness';

/** The workspace folder (a temporary copy of examples/) that run-electron.ts opened. */
function workspaceRoot(): string {
	const root = process.env.QMQ_E2E_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
	assert.ok(root, 'no workspace folder');
	return root;
}

const BROKEN = () => vscode.Uri.file(path.join(workspaceRoot(), 'etc', 'qm', 'containers', 'systemd', 'broken.container'));
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''));

let doc: vscode.TextDocument;

function positionOf(text: string, delta = 0): vscode.Position {
	const i = doc.getText().indexOf(text);
	assert.ok(i >= 0, `"${text}" not in ${doc.uri.fsPath}`);
	return doc.positionAt(i + delta);
}

e2eTest('the extension activates on a quadlet file', async () => {
	doc = await vscode.workspace.openTextDocument(BROKEN());
	await vscode.window.showTextDocument(doc);
	assert.equal(doc.languageId, 'quadlet');
	const ext = vscode.extensions.getExtension('qm-quadlet.qm-quadlet');
	assert.ok(ext, 'extension qm-quadlet.qm-quadlet is not loaded');
	await waitFor('activation', () => ext.isActive);
});

e2eTest('diagnostics arrive for the broken fixture', async () => {
	const diags = await waitFor('quadlet/unknown-key and quadlet/invalid-value', () => {
		const list = vscode.languages.getDiagnostics(doc.uri);
		const codes = list.map(codeOf);
		return codes.includes('quadlet/unknown-key') && codes.includes('quadlet/invalid-value') ? list : undefined;
	});
	const unknown = diags.find((d) => codeOf(d) === 'quadlet/unknown-key')!;
	assert.equal(doc.getText(unknown.range), 'Imag');
	assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
});

e2eTest('completion lists the keys of [Container]', async () => {
	const editor = await vscode.window.showTextDocument(doc);
	const end = positionOf('SecurityLabelType=qm_container_ipc_t', 'SecurityLabelType=qm_container_ipc_t'.length);
	await editor.edit((b) => b.insert(end, '\n'));
	const at = end.translate(1, -end.character);
	const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
	const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
	assert.ok(labels.some((l) => l.startsWith('PublishPort')), `no PublishPort among ${labels.slice(0, 20).join(', ')}`);
	assert.ok(labels.some((l) => l.startsWith('Image')), 'no Image');
	await vscode.commands.executeCommand('undo');
});

e2eTest('hover shows the documentation of a key', async () => {
	const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf('ReadOnly=', 2));
	const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
	assert.match(text, /ReadOnly=/);
	assert.match(text, /read-only/i);
});

e2eTest('the quick fix changes "Imag" to "Image"', async () => {
	const start = positionOf('Imag=');
	const range = new vscode.Range(start, start.translate(0, 4));
	const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
	const fix = actions.find((a) => a.title === 'Change to "Image"');
	assert.ok(fix?.edit, `no "Change to "Image"" among: ${actions.map((a) => a.title).join(', ')}`);
	assert.ok(await vscode.workspace.applyEdit(fix.edit));
	assert.match(doc.getText(), /^Image=registry\.example\.com\/qm\/radio:1\.0$/m);
	await waitFor('the unknown-key diagnostic to go away', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === 'quadlet/unknown-key'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLsp } from '../helpers/lsp-client';
import { pathToUri } from '../../server/src/lsp/uri';

interface Preview {
	serviceName: string;
	text: string;
	errors: string[];
	warnings: string[];
	source: string;
}

test('qmQuadlet/generatedUnit: the generated service of an open unit, with workspace references', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'qmq-preview-'));
	const quadlets = join(dir, 'etc', 'containers', 'systemd');
	mkdirSync(quadlets, { recursive: true });
	writeFileSync(join(quadlets, 'db.volume'), '[Volume]\nVolumeName=dbdata\n');
	const c = await startLsp({ rootUri: pathToUri(dir) });
	try {
		const uri = pathToUri(join(quadlets, 'web.container'));
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: '[Container]\nImage=quay.io/a/b:1\nVolume=db.volume:/data\n' } });
		await c.nextDiagnostics(uri, 1);
		const p = await c.request<Preview>('qmQuadlet/generatedUnit', { uri });
		assert.equal(p.source, 'qm-quadlet');
		assert.equal(p.serviceName, 'web.service');
		assert.deepEqual(p.errors, []);
		assert.match(p.text, /\nExecStart=\/usr\/bin\/podman run .* -v dbdata:\/data quay\.io\/a\/b:1\n/);
		assert.match(p.text, /\nRequires=db-volume\.service\n/);

		// An unsaved edit is what the preview shows; a refused unit has errors and no text.
		c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '[Container]\nImage=nginx\nGroup=wheel\n' }] });
		await c.nextDiagnostics(uri, 2);
		const refused = await c.request<Preview>('qmQuadlet/generatedUnit', { uri });
		assert.deepEqual(refused.errors, ['invalid Group set without User']);
		assert.equal(refused.text, '');
		assert.ok(refused.warnings.some((w) => w.includes('not a fully qualified image name')));

		const unknown = await c.request<Preview>('qmQuadlet/generatedUnit', { uri: pathToUri(join(quadlets, 'nope.container')) });
		assert.equal(unknown.text, '');
		assert.equal(unknown.errors.length, 1);
	} finally {
		await c.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('qmQuadlet/generatedUnit: units in a user quadlet directory are generated rootless', async () => {
	const c = await startLsp();
	try {
		const uri = 'file:///home/u/.config/containers/systemd/app.container';
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: '[Container]\nImage=quay.io/a/b:1\n' } });
		await c.nextDiagnostics(uri, 1);
		const p = await c.request<Preview>('qmQuadlet/generatedUnit', { uri });
		assert.match(p.text, /\nWants=podman-user-wait-network-online\.service\n/);
		const root = await c.request<Preview>('qmQuadlet/generatedUnit', { uri, user: false });
		assert.match(root.text, /\nWants=network-online\.target\n/);
	} finally { await c.stop(); }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLsp } from '../helpers/lsp-client';
import { pathToUri } from '../../server/src/lsp/uri';
import type { FileInfoResult, LintWorkspaceResult, RuleInfo, UnitSourcesResult } from '../../server/src/lsp/lint-workspace';
import { ALL_RULE_METAS } from '../../server/src/service/rules/index';

/** A small host + QM tree: one broken unit on disk that nobody opens. */
function tree(): { dir: string; host: string; qm: string } {
	const dir = mkdtempSync(join(tmpdir(), 'qmq-client-req-'));
	const host = join(dir, 'etc', 'containers', 'systemd');
	const qm = join(dir, 'etc', 'qm', 'containers', 'systemd');
	mkdirSync(join(host, 'web.container.d'), { recursive: true });
	mkdirSync(join(host, 'container.d'), { recursive: true });
	mkdirSync(qm, { recursive: true });
	writeFileSync(join(host, 'web.container'), '[Container]\nImage=quay.io/a/b:1\nVolume=db.volume:/data\n');
	writeFileSync(join(host, 'web.container.d', '10-env.conf'), '[Container]\nEnvironment=A=1\n');
	writeFileSync(join(host, 'container.d', '50-all.conf'), '[Container]\nLabel=x=y\n');
	writeFileSync(join(host, 'db.volume'), '[Volume]\nVolumeName=dbdata\n');
	writeFileSync(join(qm, 'broken.container'), '[Container]\nImag=quay.io/a/b:1\n');
	return { dir, host, qm };
}

test('qmQuadlet/lintWorkspace reports files nobody opened', async () => {
	const t = tree();
	const c = await startLsp({ rootUri: pathToUri(t.dir) });
	try {
		// The index is built after initialized; wait until a lint sees the on-disk files.
		let r: LintWorkspaceResult | undefined;
		for (let i = 0; i < 50 && !(r && r.fileCount >= 5); i++) {
			r = await c.request<LintWorkspaceResult>('qmQuadlet/lintWorkspace', {});
			if (r.fileCount < 5) await new Promise((res) => setTimeout(res, 100));
		}
		assert.equal(r!.fileCount, 5);
		const broken = r!.files.find((f) => f.uri === pathToUri(join(t.qm, 'broken.container')));
		assert.ok(broken, JSON.stringify(r!.files.map((f) => f.uri)));
		assert.ok(broken.diagnostics.some((d) => d.code === 'quadlet/unknown-key' && d.range.start.line === 1 && d.source === 'qm-quadlet'));
	} finally {
		await c.stop();
		rmSync(t.dir, { recursive: true, force: true });
	}
});

test('qmQuadlet/rules lists every rule with its README anchor', async () => {
	const c = await startLsp();
	try {
		const rules = await c.request<RuleInfo[]>('qmQuadlet/rules', {});
		assert.equal(rules.length, ALL_RULE_METAS.length);
		const r = rules.find((x) => x.id === 'quadlet/unknown-key');
		assert.ok(r);
		assert.equal(r.anchor, 'quadlet-unknown-key');
		assert.equal(r.defaultSeverity, 'error');
		assert.ok(r.title && r.why && r.fix);
	} finally {
		await c.stop();
	}
});

test('qmQuadlet/fileInfo gives the domain and the reason, following edits and settings', async () => {
	const c = await startLsp({ settings: { domains: [{ glob: '**/vendor/*.container', domain: 'asil' }] } });
	try {
		const qm = 'file:///etc/qm/containers/systemd/a.container';
		c.notify('textDocument/didOpen', { textDocument: { uri: qm, languageId: 'quadlet', version: 1, text: '[Container]\nImage=quay.io/a/b:1\n' } });
		await c.nextDiagnostics(qm, 1);
		const info = await c.request<FileInfoResult>('qmQuadlet/fileInfo', { uri: qm });
		assert.equal(info.domain, 'qm');
		assert.match(info.reason, /\/etc\/qm/);
		c.notify('textDocument/didChange', { textDocument: { uri: qm, version: 2 }, contentChanges: [{ text: '# qm-domain: asil\n[Container]\nImage=quay.io/a/b:1\n' }] });
		assert.equal((await c.request<FileInfoResult>('qmQuadlet/fileInfo', { uri: qm })).domain, 'asil');

		const vendor = 'file:///src/vendor/b.container';
		c.notify('textDocument/didOpen', { textDocument: { uri: vendor, languageId: 'quadlet', version: 1, text: '[Container]\nImage=quay.io/a/b:1\n' } });
		await c.nextDiagnostics(vendor, 1);
		const v = await c.request<FileInfoResult>('qmQuadlet/fileInfo', { uri: vendor });
		assert.equal(v.domain, 'asil', 'the qmQuadlet.domains setting reaches the server');
		assert.equal(await c.request('qmQuadlet/fileInfo', { uri: 'file:///never/opened.container' }), null);
	} finally {
		await c.stop();
	}
});

test('qmQuadlet/unitSources: the unit (as edited), its drop-ins and the sibling units', async () => {
	const t = tree();
	const c = await startLsp({ rootUri: pathToUri(t.dir) });
	try {
		const uri = pathToUri(join(t.host, 'web.container'));
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: '[Container]\nImage=quay.io/a/b:2\n' } });
		await c.nextDiagnostics(uri, 1);
		let s: UnitSourcesResult | null = null;
		for (let i = 0; i < 50 && !(s && s.files.length === 3); i++) {
			s = await c.request<UnitSourcesResult | null>('qmQuadlet/unitSources', { uri });
			if (!s || s.files.length < 3) await new Promise((res) => setTimeout(res, 100));
		}
		assert.deepEqual(s, {
			unit: 'web.container',
			files: [
				{ name: 'web.container', text: '[Container]\nImage=quay.io/a/b:2\n' },
				// podman's order: by drop-in file name.
				{ name: 'web.container.d/10-env.conf', text: '[Container]\nEnvironment=A=1\n' },
				{ name: 'container.d/50-all.conf', text: '[Container]\nLabel=x=y\n' },
			],
			siblings: [{ name: 'db.volume', text: '[Volume]\nVolumeName=dbdata\n' }],
			omitted: 0,
		});
		// Drop-ins and non-quadlet files have no sources of their own.
		assert.equal(await c.request('qmQuadlet/unitSources', { uri: pathToUri(join(t.host, 'web.container.d', '10-env.conf')) }), null);
	} finally {
		await c.stop();
		rmSync(t.dir, { recursive: true, force: true });
	}
});

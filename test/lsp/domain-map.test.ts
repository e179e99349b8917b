import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLsp } from '../helpers/lsp-client';
import { FIXTURES } from '../helpers/paths';
import { pathToUri } from '../../server/src/lsp/uri';
import type { DomainMap } from '../../server/src/service/map/types';

const name = (id: string) => id.slice(id.lastIndexOf('/') + 1);

test('qmQuadlet/domainMap over stdio: the workspace, one install tree with uri, unsaved edits, agreement with diagnostics', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'qmq-map-'));
	cpSync(resolve(FIXTURES, 'map', 'illegal-run'), join(dir, 'car1'), { recursive: true });
	cpSync(resolve(FIXTURES, 'map', 'qm-peers'), join(dir, 'car2'), { recursive: true });
	const c = await startLsp({ rootUri: pathToUri(dir) });
	try {
		const clientPath = join(dir, 'car1', 'etc', 'qm', 'containers', 'systemd', 'cluster-ui.container');
		const uri = pathToUri(clientPath);
		const text = readFileSync(clientPath, 'utf8');
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text } });
		// Once the host unit is indexed, the cross-domain dependency is reported.
		const published = await c.diagnosticsMatching(uri, (p) => p.diagnostics.some((d) => d.code === 'qm/unit-dep-cross-domain'));

		const all = await c.request<DomainMap>('qmQuadlet/domainMap', {});
		assert.equal(all.version, 1);
		assert.equal(all.nodes.length, 7);
		assert.equal(all.scope, undefined);

		const map = await c.request<DomainMap>('qmQuadlet/domainMap', { uri });
		assert.equal(map.scope, join(dir, 'car1'));
		assert.equal(map.focus, clientPath);
		assert.deepEqual(map.nodes.map((n) => `${n.domain} ${n.label}`), ['asil vehicle-state.container', 'qm-boundary qm.container', 'qm cluster-ui.container']);
		assert.deepEqual(map.edges.map((e) => `${e.kind} ${name(e.from)} -> ${name(e.to)} ${e.crossing} ${e.ruleId}`).sort(), [
			'dependency cluster-ui.container -> vehicle-state.container illegal qm/unit-dep-cross-domain',
			'ipc cluster-ui.container -> vehicle-state.container illegal qm/ipc-asil-qm-outside-bridge',
		]);
		assert.ok(Object.keys(map.layout.nodes).length === 3 && map.layout.regions.length === 3);
		// The findings on the client's edges are the crossing diagnostics the editor got for that file.
		const onClient = map.edges.flatMap((e) => e.findings ?? []).filter((f) => f.path === clientPath).map((f) => `${f.ruleId}@${f.line}`).sort();
		const inEditor = published.diagnostics.filter((d) => d.code === 'qm/unit-dep-cross-domain' || d.code === 'qm/ipc-asil-qm-outside-bridge').map((d) => `${d.code}@${d.range.start.line}`).sort();
		assert.deepEqual(onClient, inEditor);

		// An unsaved edit counts: without the dependency, only the IPC crossing is left.
		const edited = text.replace(/^Requires=.*\n|^After=.*\n/gm, '');
		c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
		await c.diagnosticsMatching(uri, (p) => p.version === 2);
		const after = await c.request<DomainMap>('qmQuadlet/domainMap', { uri });
		assert.deepEqual(after.edges.map((e) => `${e.kind} ${e.ruleId}`), ['ipc qm/ipc-asil-qm-outside-bridge']);

		// A uri outside any install tree maps the whole workspace; a null params object too.
		const other = await c.request<DomainMap>('qmQuadlet/domainMap', { uri: 'untitled:Untitled-1' });
		assert.equal(other.nodes.length, 7);
		const none = await c.request<DomainMap>('qmQuadlet/domainMap', null);
		assert.equal(none.nodes.length, 7);
	} finally {
		await c.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});

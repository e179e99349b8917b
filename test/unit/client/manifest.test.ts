import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO } from '../../helpers/paths';

const pkg = JSON.parse(readFileSync(resolve(REPO, 'package.json'), 'utf8'));
const CLIENT = resolve(REPO, 'client', 'src');
const clientFiles = readdirSync(CLIENT).filter((n) => n.endsWith('.ts'));
const source = (n: string) => readFileSync(join(CLIENT, n), 'utf8');
const importsOf = (text: string) => [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);

test('every command the client registers is contributed with the QM Quadlet category, and vice versa', () => {
	const registered = new Set(clientFiles.flatMap((n) => [...source(n).matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1])));
	const contributed = new Map<string, { category?: string; title?: string }>(pkg.contributes.commands.map((c: { command: string }) => [c.command, c]));
	assert.deepEqual([...registered].sort(), [...contributed.keys()].sort());
	for (const [id, c] of contributed) {
		assert.equal(c.category, 'QM Quadlet', id);
		assert.ok(pkg.activationEvents.includes(`onCommand:${id}`), `activationEvents lacks onCommand:${id} (code-server needs it, reliability §B4)`);
	}
	for (const [menu, entries] of Object.entries(pkg.contributes.menus as Record<string, { command: string; when?: string }[]>)) {
		for (const e of entries) assert.ok(contributed.has(e.command), `${menu} refers to unknown ${e.command}`);
	}
	assert.ok(pkg.contributes.menus['editor/title'].some((e: { command: string; when: string }) => e.command === 'qmQuadlet.openPreview' && /resourceLangId == quadlet/.test(e.when)));
});

test('settings that choose an executable are machine-scoped and restricted in untrusted workspaces', () => {
	const props = pkg.contributes.configuration.properties;
	const restricted: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
	assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
	assert.deepEqual(restricted.sort(), ['qmQuadlet.preview.podmanPath', 'qmQuadlet.preview.usePodman']);
	for (const key of restricted) assert.equal(props[key].scope, 'machine', key);
	assert.equal(props['qmQuadlet.preview.usePodman'].default, false);
	assert.equal(props['qmQuadlet.domains'].scope, 'resource');
	assert.deepEqual(props['qmQuadlet.domains'].items.properties.domain.enum, ['qm', 'qm-boundary', 'asil']);
	assert.equal(typeof pkg.capabilities.virtualWorkspaces.description, 'string');
});

test('the client imports nothing from the server, and its pure helpers never import vscode', () => {
	// Files that need the editor API; every other client file runs in plain node (unit tests).
	const EDITOR = new Set(['extension.ts', 'preview.ts', 'domain-map.ts', 'status.ts', 'workspace-commands.ts']);
	for (const n of clientFiles) {
		for (const spec of importsOf(source(n))) {
			assert.ok(!/server\//.test(spec), `${n} imports ${spec}`);
			if (!EDITOR.has(n)) assert.ok(spec !== 'vscode' && !spec.startsWith('vscode-languageclient'), `${n} is a pure helper but imports ${spec}`);
		}
	}
});

test('the webview script builds the DOM without markup parsing or eval', () => {
	const js = readFileSync(resolve(REPO, 'media', 'domain-map.js'), 'utf8');
	assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setTimeout\(\s*['"`]/);
	assert.doesNotMatch(js, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'no remote resources');
	assert.match(js, /acquireVsCodeApi\(\)/);
});

test('the .vsix ships the webview assets', () => {
	const ignore = readFileSync(resolve(REPO, '.vscodeignore'), 'utf8');
	assert.match(ignore, /^!media\/\*\.js$/m);
	assert.match(ignore, /^!media\/\*\.css$/m);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLanguageService, type Diagnostic } from '../../server/src/service/index';
import { REPO } from '../helpers/paths';
import { expandSnippet, tabstopsOf } from './snippet-expander';

interface Snippet { scope: string; prefix: string; description: string; body: string[] }

const SNIPPETS_PATH = resolve(REPO, 'snippets', 'quadlet.code-snippets');
const QM_BOUNDARY = '/usr/share/containers/systemd/qm.container';

/**
 * Where each snippet is installed, and which snippets form one pattern (they are linted together,
 * as the files would sit on one machine). A new snippet must be added here.
 */
const PLACES: Record<string, { group: string; path: string }> = {
	'container': { group: 'container', path: '/etc/containers/systemd/app.container' },
	'pod': { group: 'pod', path: '/etc/containers/systemd/app.pod' },
	'kube': { group: 'kube', path: '/etc/containers/systemd/app.kube' },
	'volume': { group: 'volume', path: '/etc/containers/systemd/data.volume' },
	'network': { group: 'network', path: '/etc/containers/systemd/backend.network' },
	'socket': { group: 'socket-activation', path: '/etc/systemd/system/echo.socket' },
	'socket-activated': { group: 'socket-activation', path: '/etc/containers/systemd/echo.container' },
	'qm-bridge-socket': { group: 'qm-bridge', path: '/etc/systemd/system/telemetry.socket' },
	'qm-bridge-server': { group: 'qm-bridge', path: '/etc/containers/systemd/telemetry.container' },
	'qm-bridge-dropin': { group: 'qm-bridge', path: '/etc/containers/systemd/qm.container.d/10-ipc.conf' },
	'qm-bridge-client': { group: 'qm-bridge', path: '/etc/qm/containers/systemd/telemetry-client.container' },
	'qm-peer-server': { group: 'qm-peers', path: '/etc/qm/containers/systemd/app-server.container' },
	'qm-peer-client': { group: 'qm-peers', path: '/etc/qm/containers/systemd/app-client.container' },
	'qm-dropin-resources': { group: 'qm-resources', path: '/etc/containers/systemd/qm.container.d/20-resources.conf' },
};

/** Groups that extend the QM boundary also get the example workspace's qm.container. */
const NEEDS_BOUNDARY = new Set(['qm-bridge', 'qm-resources']);

function loadSnippets(): Record<string, Snippet> {
	return JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, Snippet>;
}

function fileBase(path: string): string {
	const name = path.slice(path.lastIndexOf('/') + 1);
	return name.slice(0, name.lastIndexOf('.'));
}

function expanded(s: Snippet): string {
	const place = PLACES[s.prefix];
	return `${expandSnippet(s.body, { variables: { TM_FILENAME_BASE: fileBase(place.path) } })}\n`;
}

/** section name → { kinds it applies to, key names } from schemas/ (read directly, not via the catalog). */
function loadSchemaSections(): Map<string, { appliesTo: string[]; keys: Set<string> }[]> {
	const out = new Map<string, { appliesTo: string[]; keys: Set<string> }[]>();
	for (const dir of ['quadlet', 'systemd']) {
		for (const f of readdirSync(resolve(REPO, 'schemas', dir))) {
			const json = JSON.parse(readFileSync(join(REPO, 'schemas', dir, f), 'utf8'));
			if (typeof json.section !== 'string') continue;
			const list = out.get(json.section) ?? [];
			list.push({ appliesTo: json.appliesTo, keys: new Set(Object.keys(json.keys)) });
			out.set(json.section, list);
		}
	}
	return out;
}

function kindOf(path: string): string {
	if (path.endsWith('.conf')) {
		const dir = path.split('/').slice(-2)[0].replace(/\.d$/, '');
		return dir.slice(dir.lastIndexOf('.') + 1);
	}
	return path.slice(path.lastIndexOf('.') + 1);
}

function show(text: string, diags: Diagnostic[]): string {
	return diags.map((d) => `  ${d.severity} ${d.code} at ${JSON.stringify(text.slice(d.start, d.end))}: ${d.message}`).join('\n');
}

test('snippets parse as JSON, have unique prefixes, a known scope, a description and a final $0', () => {
	const snippets = loadSnippets();
	const prefixes = Object.values(snippets).map((s) => s.prefix);
	assert.equal(new Set(prefixes).size, prefixes.length, `duplicate prefixes: ${prefixes.join(', ')}`);
	for (const [name, s] of Object.entries(snippets)) {
		assert.ok(['quadlet', 'systemd-unit'].includes(s.scope), `${name}: scope ${s.scope}`);
		assert.ok(s.description && s.description.length > 10, `${name}: description`);
		assert.ok(Array.isArray(s.body) && s.body.length > 0, `${name}: body`);
		const { indexes, withDefault } = tabstopsOf(s.body);
		assert.ok(indexes.has(0), `${name}: has no $0`);
		for (const i of indexes) if (i !== 0) assert.ok(withDefault.has(i), `${name}: $${i} has no default anywhere`);
		assert.ok(PLACES[s.prefix], `${name}: add "${s.prefix}" to PLACES in this test (install path + group)`);
	}
});

test('every snippet the spec asks for exists', () => {
	const prefixes = new Set(Object.values(loadSnippets()).map((s) => s.prefix));
	for (const p of ['container', 'socket', 'pod', 'kube', 'volume', 'network', 'socket-activated',
		'qm-bridge-socket', 'qm-bridge-server', 'qm-bridge-dropin', 'qm-bridge-client', 'qm-peer-server', 'qm-peer-client']) {
		assert.ok(prefixes.has(p), `missing snippet ${p}`);
	}
});

test('every Key= in a snippet exists in schemas/ for its section and file kind', () => {
	const sections = loadSchemaSections();
	for (const [name, s] of Object.entries(loadSnippets())) {
		const place = PLACES[s.prefix];
		const kind = kindOf(place.path);
		let section: string | undefined;
		for (const line of expanded(s).split('\n')) {
			const t = line.trim();
			if (!t || t.startsWith('#') || t.startsWith(';')) continue;
			const header = /^\[([^\]]+)\]$/.exec(t);
			if (header) {
				section = header[1];
				const specs = sections.get(section);
				assert.ok(specs?.some((x) => x.appliesTo.includes(kind)), `${name}: [${section}] is not a section of .${kind} files`);
				continue;
			}
			const key = t.slice(0, t.indexOf('=')).trim();
			assert.ok(section, `${name}: ${key}= outside a section`);
			const specs = sections.get(section)!.filter((x) => x.appliesTo.includes(kind));
			assert.ok(specs.some((x) => x.keys.has(key)), `${name}: ${key}= is not a key of [${section}] in schemas/`);
		}
	}
});

test('the expander handles nesting, mirrors, choices, variables and escapes', () => {
	assert.equal(expandSnippet(['a=$1', 'b=${1:x${2:y}}', 'c=${3|p,q|} $2 \\$HOME \\} \\\\', 'd=${TM_FILENAME_BASE:n} $0']), 'a=xy\nb=xy\nc=p y $HOME } \\\nd=n ');
	assert.equal(expandSnippet('${1:${TM_FILENAME_BASE:z}}-$1', { variables: { TM_FILENAME_BASE: 'web' } }), 'web-web');
});

const groups = new Map<string, Snippet[]>();
for (const s of Object.values(loadSnippets())) {
	const place = PLACES[s.prefix];
	if (!place) continue;
	groups.set(place.group, [...(groups.get(place.group) ?? []), s]);
}

for (const [group, members] of groups) {
	test(`snippets lint clean at their install paths: ${group} (${members.map((m) => m.prefix).join(', ')})`, () => {
		const service = createLanguageService();
		if (NEEDS_BOUNDARY.has(group)) {
			service.workspace.set(QM_BOUNDARY, readFileSync(resolve(REPO, 'examples', 'usr', 'share', 'containers', 'systemd', 'qm.container'), 'utf8'));
		}
		const texts = new Map<string, string>();
		for (const s of members) {
			const text = expanded(s);
			texts.set(PLACES[s.prefix].path, text);
			service.workspace.set(PLACES[s.prefix].path, text);
		}
		const problems: string[] = [];
		for (const [path, text] of texts) {
			const diags = service.doValidation(path);
			if (diags.length) problems.push(`${path}:\n${show(text, diags)}\n--- expanded text ---\n${text}`);
		}
		if (NEEDS_BOUNDARY.has(group)) {
			const diags = service.doValidation(QM_BOUNDARY);
			if (diags.length) problems.push(`${QM_BOUNDARY} (example boundary, with the drop-ins):\n${show(service.workspace.get(QM_BOUNDARY)!.text, diags)}`);
		}
		assert.equal(problems.join('\n\n'), '', 'snippets must expand to units with zero diagnostics');
	});
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO } from '../helpers/paths';

function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
	});
}

const IMPORT = /^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const out: string[] = [];
	let m: RegExpExecArray | null;
	while ((m = IMPORT.exec(text)) !== null) out.push(m[1] ?? m[2]);
	return out;
}

test('server/src/service is pure: no LSP connection, vscode, or I/O imports', () => {
	const allowed = /^(\.|zod$|vscode-languageserver-types$|vscode-languageserver-textdocument$)/;
	for (const f of tsFiles(resolve(REPO, 'server/src/service'))) {
		for (const spec of importsOf(f)) {
			assert.match(spec, allowed, `${f} imports ${spec}`);
			assert.ok(!/\/lsp\/|\/cli/.test(spec), `${f} imports ${spec} from an outer layer`);
		}
	}
});

test('server/src/lsp never imports vscode or the client', () => {
	for (const f of tsFiles(resolve(REPO, 'server/src/lsp'))) {
		for (const spec of importsOf(f)) {
			assert.notEqual(spec, 'vscode', f);
			assert.ok(!spec.includes('client/'), `${f} imports ${spec}`);
		}
	}
});

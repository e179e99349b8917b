import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { REPO } from '../helpers/paths';

/** Scope names of the grammars we ship, and their files. */
export const GRAMMARS: Record<string, string> = {
	'source.quadlet': resolve(REPO, 'syntaxes', 'quadlet.tmLanguage.json'),
	'source.systemd-unit.quadlet': resolve(REPO, 'syntaxes', 'systemd-unit.tmLanguage.json'),
};

let onig: Promise<vsctm.IOnigLib> | undefined;

function onigLib(): Promise<vsctm.IOnigLib> {
	onig ??= (async () => {
		const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
		await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
		return {
			createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
			createOnigString: (s: string) => new oniguruma.OnigString(s),
		};
	})();
	return onig;
}

/**
 * A registry over our grammar files. `overrides` replaces a grammar's text by scope name (the
 * freshness test loads the generator's in-memory output this way).
 */
export function createRegistry(overrides: Record<string, string> = {}): vsctm.Registry {
	return new vsctm.Registry({
		onigLib: onigLib(),
		loadGrammar: async (scopeName) => {
			const path = GRAMMARS[scopeName];
			if (!path) return null;
			return vsctm.parseRawGrammar(overrides[scopeName] ?? readFileSync(path, 'utf8'), path);
		},
	});
}

export interface Token { text: string; scopes: string }

/** Tokenizes a whole text line by line; scopes are joined with spaces, root scope left out. */
export function tokenize(grammar: vsctm.IGrammar, text: string): Token[][] {
	let state = vsctm.INITIAL;
	const out: Token[][] = [];
	for (const line of text.split(/\r?\n/)) {
		const r = grammar.tokenizeLine(line, state);
		out.push(r.tokens.map((t) => ({
			text: line.slice(t.startIndex, t.endIndex),
			scopes: t.scopes.slice(1).join(' '),
		})).filter((t) => t.text.length > 0));
		state = r.ruleStack;
	}
	return out;
}

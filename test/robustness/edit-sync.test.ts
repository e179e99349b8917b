import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLanguageService } from '../../server/src/service/index';
import { startLsp } from '../helpers/lsp-client';

const STEPS = Number(process.env.FUZZ_EDIT_STEPS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 99);

interface Pos { line: number; character: number }

/** LSP position of an offset in a reference text (UTF-16 units, LF line ends only for lines). */
function positionOf(text: string, offset: number): Pos {
	let line = 0;
	let start = 0;
	for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) { line++; start = i + 1; }
	return { line, character: offset - start };
}

const INSERTS = ['a', '=', '[Container]\n', '\r\n', '\n', '\\\n', 'Image=quay.io/x/y:1\n', '😀', '\ud83d', 'é', '%t', ' ', '#c\n', 'Volume=/run/ipc/:/run/ipc/:z\n', ''];

test('random incremental edits keep the server\'s copy equal to the editor\'s; final diagnostics equal a fresh lint', async () => {
	const c = await startLsp();
	const uri = 'file:///etc/qm/containers/systemd/sync.container';
	let text = '[Unit]\r\nDescription=sync\r\n[Container]\nImage=quay.io/a/b:1\nVolume=/run/app/:/run/app/\n';
	let version = 1;
	try {
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version, text } });
		const rand = fc.sample(fc.tuple(fc.nat(10_000), fc.nat(10_000), fc.constantFrom(...INSERTS), fc.nat(3)), { numRuns: STEPS, seed: SEED });
		for (let i = 0; i < rand.length; i += 4) {
			// Several changes in one notification; each applies to the text left by the previous one.
			const changes: { range: { start: Pos; end: Pos }; text: string }[] = [];
			for (const [a, b, insert, mode] of rand.slice(i, i + 4)) {
				let start = a % (text.length + 1);
				let end = mode === 0 ? start : Math.min(text.length, start + (b % 6));
				if (mode === 3) { start = text.length; end = text.length; } // at the end of the file
				if (mode === 2) { const nl = text.indexOf('\n', start); if (nl >= 0) { start = nl; end = nl; } } // at a line end
				// Never split a surrogate pair or a CRLF: editors don't send such ranges.
				const bad = (o: number) => o > 0 && o < text.length && ((text.charCodeAt(o) >= 0xdc00 && text.charCodeAt(o) <= 0xdfff && text.charCodeAt(o - 1) >= 0xd800 && text.charCodeAt(o - 1) <= 0xdbff) || (text[o - 1] === '\r' && text[o] === '\n'));
				if (bad(start) || bad(end)) continue;
				changes.push({ range: { start: positionOf(text, start), end: positionOf(text, end) }, text: insert });
				text = text.slice(0, start) + insert + text.slice(end);
			}
			if (changes.length === 0) continue;
			version++;
			c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
			const state = await c.request<{ version: number; text: string }>('qmQuadlet/documentState', { uri });
			assert.equal(state.version, version);
			assert.equal(state.text, text, `diverged after version ${version}`);
		}
		const published = await c.diagnosticsMatching(uri, (p) => p.version === version);
		const fresh = createLanguageService();
		fresh.workspace.set('/etc/qm/containers/systemd/sync.container', text);
		const expected = fresh.doValidation('/etc/qm/containers/systemd/sync.container').map((d) => `${d.code}@${d.start}`).sort();
		const got = published.diagnostics.map((d) => {
			const lines = text.split('\n');
			let offset = 0;
			for (let l = 0; l < d.range.start.line; l++) offset += lines[l].length + 1;
			return `${d.code}@${offset + d.range.start.character}`;
		}).sort();
		assert.deepEqual(got, expected);
	} finally { await c.stop(); }
});

test('stale diagnostics are never published for an older version', async () => {
	const c = await startLsp();
	const uri = 'file:///etc/containers/systemd/stale.container';
	try {
		c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'quadlet', version: 1, text: '[Container]\nImage=x\n' } });
		for (let v = 2; v <= 30; v++) c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: `[Container]\nImage=x${v}\n` }] });
		await c.diagnosticsMatching(uri, (p) => p.version === 30);
		const versions = c.allPublished().filter((p) => p.uri === uri).map((p) => p.version ?? -1);
		assert.ok(versions.every((v, i) => i === 0 || v >= versions[i - 1]), `published out of order: ${versions.join(',')}`);
		assert.equal(versions[versions.length - 1], 30);
	} finally { await c.stop(); }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { createLanguageService } from '../../server/src/service/index';
import { applyEdits } from '../helpers/service';
import { FIXTURES, HAVE_SHARED, SHARED } from '../helpers/paths';
import { anyText, mutated } from './arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 1717);
const PATHS = ['/etc/containers/systemd/a.container', '/etc/qm/containers/systemd/b.container', '/etc/systemd/system/c.socket', '/etc/containers/systemd/qm.container.d/10.conf', '/x/d.pod', '/etc/containers/systemd/e@.volume'];

/** Every feature at a few positions; returns the validation time. */
function exercise(path: string, text: string, positions: number[]): number {
	const s = createLanguageService();
	s.workspace.set(path, text);
	s.workspace.set('/etc/containers/systemd/peer.container', '[Unit]\nRequires=a.service\n[Container]\nImage=quay.io/a/b:1\nVolume=/run/ipc/:/run/ipc/\n');
	const t0 = performance.now();
	const diags = s.doValidation(path);
	const took = performance.now() - t0;
	for (const d of diags) assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, `${d.code} ${d.start}-${d.end} of ${text.length}`);
	for (const pos of positions) {
		const o = Math.min(pos, text.length);
		s.doComplete(path, o);
		for (const c of s.getCompletionList(path, o, { lazyDocumentation: true, unitLimit: 1 }).items) s.resolveCompletion(c.data);
		s.doHover(path, o);
		s.getCodeActions(path, o, o);
		s.findDefinition(path, o);
	}
	s.findDocumentSymbols(path);
	s.getFoldingRanges(path);
	s.getSelectionRanges(path, positions.map((p) => Math.min(p, text.length)));
	s.findReferences(path);
	return took;
}

test('parse → validate → complete → hover → symbols → code actions never throw on arbitrary text', () => {
	fc.assert(fc.property(anyText, fc.constantFrom(...PATHS), fc.array(fc.nat(500), { minLength: 1, maxLength: 5 }), (text, path, positions) => {
		const took = exercise(path, text, positions);
		// A generous per-file bound: catches pathological (quadratic) cases without being a benchmark.
		assert.ok(took < 2000, `validation took ${took} ms`);
	}), { numRuns: RUNS, seed: SEED });
});

function corpusFiles(): string[] {
	const roots = [resolve(FIXTURES)];
	if (HAVE_SHARED) roots.push(resolve(SHARED, 'corpus', 'podman-quadlet'), resolve(SHARED, 'corpus', 'qm-upstream'));
	const out: string[] = [];
	const walk = (d: string) => {
		for (const n of readdirSync(d)) {
			const p = join(d, n);
			if (statSync(p).isDirectory()) walk(p);
			else if (/\.(container|pod|kube|volume|network|image|build|artifact|socket|conf)$/.test(n)) out.push(p);
		}
	};
	roots.filter(existsSync).forEach(walk);
	return out.sort();
}

test('mutated real units never make any feature throw', () => {
	const files = corpusFiles();
	assert.ok(files.length > 0);
	const sample = files.filter((_, i) => i % Math.max(1, Math.floor(files.length / 40)) === 0);
	for (const f of sample) {
		const base = readFileSync(f, 'utf8');
		fc.assert(fc.property(mutated(base), fc.array(fc.nat(base.length + 10), { minLength: 1, maxLength: 3 }), (text, positions) => {
			exercise(PATHS[0], text, positions);
		}), { numRuns: Math.max(5, Math.floor(RUNS / 10)), seed: SEED });
	}
});

test('every quick fix changes only its own lines, keeps comments, and removes its diagnostic', () => {
	const files = corpusFiles();
	let checked = 0;
	for (const f of files) {
		const text = readFileSync(f, 'utf8');
		for (const path of PATHS.slice(0, 3)) {
			const s = createLanguageService();
			s.workspace.set(path, text);
			const before = s.doValidation(path);
			for (const d of before) {
				for (const fix of d.fixes ?? []) {
					if (fix.otherFiles?.length || fix.renames?.length) continue;
					const after = applyEdits(text, fix.edits);
					checked++;
					// Bytes outside the edited lines are untouched.
					const first = Math.min(...fix.edits.map((e) => e.start));
					const lineStart = text.lastIndexOf('\n', first - 1) + 1;
					assert.equal(after.slice(0, lineStart), text.slice(0, lineStart), `${f}: ${fix.title}`);
					const lastEnd = Math.max(...fix.edits.map((e) => e.end));
					const nl = text.indexOf('\n', lastEnd);
					const tail = nl < 0 ? '' : text.slice(nl);
					if (!fix.edits.some((e) => e.newText.includes('\n') || text.slice(e.start, e.end).includes('\n'))) assert.ok(after.endsWith(tail), `${f}: ${fix.title} changed later lines`);
					// Comments survive.
					for (const line of text.split('\n')) if (/^\s*[#;]/.test(line) && !fix.title.startsWith('Remove')) assert.ok(after.includes(line.trim()), `${f}: ${fix.title} lost comment ${line}`);
					// The diagnostic it fixed is gone: fewer findings with that code and message than before
					// (a duplicated line may carry the same finding twice).
					const s2 = createLanguageService();
					s2.workspace.set(path, after);
					const same = (x: { code: string; message: string }) => x.code === d.code && x.message === d.message;
					const again = s2.doValidation(path).filter(same).length;
					assert.ok(again < before.filter(same).length, `${f}: "${fix.title}" did not remove ${d.code}: ${d.message}`);
				}
			}
		}
	}
	assert.ok(checked > 0, 'some fixes were exercised');
});


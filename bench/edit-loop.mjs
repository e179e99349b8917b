// In-process edit loop for profiling the language service without the LSP transport:
//   node bench/edit-loop.mjs [--files 10000] [--edits 200] [--hub]
// Loads out/ (npm run typecheck), indexes a generated tree, then times doValidation of the
// 2,000-line unit after each edit (the same edit script as `npm run bench`), or with --hub the
// revalidation of the hub's dependents after a change to it. Prints p50/p99/max in ms.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempTree, bigUnit, prng, DEFAULT_SEED } from './generate.mjs';
import { Doc, nextEdit } from './edits.mjs';

const require = createRequire(import.meta.url);
const { createLanguageService } = require('../out/server/src/service/index.js');
const argv = process.argv.slice(2);
const opt = (n, d) => { const i = argv.indexOf(n); return i >= 0 ? Number(argv[i + 1]) : d; };
const files = opt('--files', 10000);
const edits = opt('--edits', 200);
const tree = makeTempTree(files, DEFAULT_SEED);
try {
	const svc = createLanguageService({});
	let t0 = performance.now();
	for (const p of readdirSync(tree.root, { recursive: true }).map((r) => join(tree.root, r))) if (statSync(p).isFile()) svc.workspace.set(p, readFileSync(p, 'utf8'));
	console.log(`indexed ${svc.workspace.size} files in ${(performance.now() - t0).toFixed(0)} ms`);
	const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
	const report = (name, xs) => console.log(`${name}: n ${xs.length} p50 ${pct(xs, 50).toFixed(2)} p99 ${pct(xs, 99).toFixed(2)} max ${Math.max(...xs).toFixed(2)} ms`);
	if (argv.includes('--hub')) {
		const hub = new Doc(tree.hub.path, readFileSync(tree.hub.path, 'utf8'));
		const deps = tree.hub.dependents.slice(0, 500);
		t0 = performance.now();
		for (const p of deps) svc.doValidation(p);
		console.log(`first validation of ${deps.length} dependents: ${(performance.now() - t0).toFixed(0)} ms`);
		const xs = [];
		for (let rep = 0; rep < 10; rep++) {
			if (rep % 2 === 0) hub.edit(3, 0, 3, 0, `Label=org.example.rev=${rep}\n`); else hub.edit(3, 0, 4, 0, '');
			t0 = performance.now();
			svc.workspace.set(hub.path, hub.text);
			for (const p of deps) svc.doValidation(p);
			xs.push(performance.now() - t0);
		}
		report('hub change → dependents revalidated', xs);
	} else {
		const bigPath = join(tree.root, 'etc/qm/containers/systemd/bench-big.container');
		const doc = new Doc(bigPath, bigUnit(2000, DEFAULT_SEED, tree.qmVolume));
		svc.workspace.set(bigPath, doc.text);
		t0 = performance.now();
		svc.doValidation(bigPath);
		console.log(`first diagnostics of the big unit: ${(performance.now() - t0).toFixed(0)} ms`);
		const r = prng(DEFAULT_SEED ^ 0x1d5);
		const inserted = [];
		const xs = [];
		for (let i = 0; i < edits; i++) {
			nextEdit(doc, r, inserted);
			t0 = performance.now();
			svc.workspace.set(bigPath, doc.text);
			svc.doValidation(bigPath);
			xs.push(performance.now() - t0);
		}
		report('edit → diagnostics of the 2,000-line unit (set + validate)', xs);
	}
} finally {
	tree.cleanup();
}

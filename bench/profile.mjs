// `npm run bench:profile` — CPU profiles of the worst benchmark misses, summarised by function.
//
//   node bench/profile.mjs [--files 10000] [--out DIR] [--cli-only | --server-only | --index-only] [--budget-s 90]
//
// Builds unminified copies of dist/cli.js and dist/server.js (esbuild, into a temp dir, so the
// profile has real function names and a source map back to server/src), generates the tree and
//   1. profiles `cli.js lint --format json <tree>` with `node --cpu-prof`;
//   2. profiles one language-server session with `--cpu-prof` and slices the samples by phase
//      (indexing; 2,000-line unit edits with pull diagnostics; completion+hover; a hub change
//      revalidating its dependents) using the shared monotonic clock.
// Writes <out>/profile-*.cpuprofile (open in Chrome DevTools / VS Code) and profile-summary.md,
// and prints the summary: top self time, top inclusive time, and time by source area.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { makeTempTree, bigUnit, prng, DEFAULT_SEED } from './generate.mjs';
import { startServer, now, uriOf, REPO } from './lsp-client.mjs';
import { Doc, nextEdit } from './edits.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const files = Number(opt('--files', 10000));
const outDir = resolve(opt('--out', join(REPO, 'bench', 'results')));
const TOP = 25;
const cliOnly = argv.includes('--cli-only'); // skip the language-server session
const indexOnly = argv.includes('--index-only'); // skip the CLI; stop the server session after indexing
const serverOnly = argv.includes('--server-only'); // skip the CLI run
const budgetMs = Number(opt('--budget-s', 90)) * 1000; // per server phase (at least one iteration)
const log = (s) => process.stderr.write(`[profile] ${s}\n`);

const work = mkdtempSync(join(tmpdir(), 'qmbench-prof-'));
let tree;
try {
	// --- unminified bundles --------------------------------------------------------------------
	const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', minify: false, keepNames: true, absWorkingDir: REPO };
	// The sources may be mid-edit (several engineers share the tree): retry a broken build for a while.
	for (let attempt = 1; ; attempt++) {
		try {
			// Same layout as dist/: cli.js is the loader (cli-entry.ts), cli-main.js the CLI (no code cache here).
			await build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: join(work, 'cli-main.js'), logLevel: 'silent' });
			await build({ ...common, entryPoints: ['server/src/cli-entry.ts'], outfile: join(work, 'cli.js'), logLevel: 'silent' });
			await build({ ...common, entryPoints: ['server/src/server.ts'], outfile: join(work, 'server.js'), logLevel: 'silent' });
			break;
		} catch (e) {
			if (attempt >= 20) throw e;
			log(`build failed (${String(e.message).split('\n')[1] ?? e.message}); retrying in 30 s`);
			await new Promise((r) => setTimeout(r, 30000));
		}
	}
	tree = makeTempTree(files, DEFAULT_SEED);
	log(`tree: ${tree.files} files at ${tree.root}`);
	mkdirSync(outDir, { recursive: true });
	const sections = [];

	// --- 1. CLI ----------------------------------------------------------------------------------
	if (!indexOnly && !serverOnly) {
	const cliProfDir = join(work, 'cli-prof');
	const devnull = openSync('/dev/null', 'w');
	const t0 = now();
	const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${cliProfDir}`, '--cpu-prof-interval', '250', join(work, 'cli.js'), 'lint', '--format', 'json', tree.root], { stdio: ['ignore', devnull, 'pipe'] });
	closeSync(devnull);
	if (r.status !== 0 && r.status !== 1) throw new Error(`cli failed: ${r.stderr}`);
	log(`cli profiled run: ${(now() - t0).toFixed(0)} ms`);
	const cliProfile = readProfile(cliProfDir);
	copyFileSync(cliProfile.file, join(outDir, 'profile-cli.cpuprofile'));
	sections.push(summarise(`CLI lint --format json, ${tree.files} files`, cliProfile.profile, work));
	}

	// --- 2. language server session --------------------------------------------------------------
	if (!cliOnly) {
	const srvProfDir = join(work, 'srv-prof');
	const phases = [];
	const c = await startServer({ rootPath: tree.root, pull: true, serverPath: join(work, 'server.js'), nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${srvProfDir}`, '--cpu-prof-interval', '250'] });
	const spawnStart = c.initializedAt - c.spawnMs;
	const { at: indexedAt } = await c.waitForLog(/Indexed (\d+) unit files/);
	phases.push({ name: 'indexing (spawn → "Indexed N unit files")', from: spawnStart, to: indexedAt });

	if (!indexOnly) {

	const r2 = prng(DEFAULT_SEED ^ 0x1d5);
	const bigPath = join(tree.root, 'etc/qm/containers/systemd/bench-big.container');
	const doc = new Doc(bigPath, bigUnit(2000, DEFAULT_SEED, tree.qmVolume));
	await c.open(bigPath, doc.text);
	await c.request('textDocument/diagnostic', { textDocument: { uri: doc.uri } });
	let from = now();
	const inserted = [];
	let edits = 0;
	for (let i = 0; i < 200 && (i === 0 || now() - from < budgetMs); i++, edits++) {
		const change = nextEdit(doc, r2, inserted);
		await c.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [change] });
		await c.request('textDocument/diagnostic', { textDocument: { uri: doc.uri } });
	}
	phases.push({ name: `${edits} edits of a 2,000-line unit → pull diagnostics${edits < 200 ? ' (of 200: time budget)' : ''}`, from, to: now() });

	from = now();
	const docs = [...tree.samples.map((p) => ({ path: p, lines: readFileSync(p, 'utf8').split('\n') })), { path: bigPath, lines: doc.lines }];
	for (const p of tree.samples) await c.open(p, readFileSync(p, 'utf8'));
	let reqs = 0;
	for (let i = 0; i < 1000 && (i === 0 || now() - from < budgetMs); i++, reqs++) {
		const d = r2.pick(docs);
		const line = r2.int(0, d.lines.length - 1);
		const refs = d.lines.map((l, k) => (/^(Network|Volume|Pod|Image|Requires|After)=/.test(l) ? k : -1)).filter((k) => k >= 0);
		const pos = refs.length && r2.chance(0.25) ? { line: refs[0], character: d.lines[refs[0]].length } : { line, character: r2.int(0, d.lines[line].length) };
		await c.request(i % 2 ? 'textDocument/hover' : 'textDocument/completion', { textDocument: { uri: uriOf(d.path) }, position: pos });
	}
	phases.push({ name: `${Math.ceil(reqs / 2)} completions + ${Math.floor(reqs / 2)} hovers`, from, to: now() });

	const hub = new Doc(tree.hub.path, readFileSync(tree.hub.path, 'utf8'));
	await c.open(tree.hub.path, hub.text);
	const deps = tree.hub.dependents.slice(0, 500);
	await Promise.all(deps.map((p) => c.request('textDocument/diagnostic', { textDocument: { uri: uriOf(p) } })));
	from = now();
	let reps = 0;
	for (let rep = 0; rep < 5 && (rep === 0 || now() - from < budgetMs); rep++, reps++) {
		const change = rep % 2 === 0 ? hub.edit(3, 0, 3, 0, `Label=org.example.rev=${rep}\n`) : hub.edit(3, 0, 4, 0, '');
		await c.notify('textDocument/didChange', { textDocument: { uri: hub.uri, version: hub.version }, contentChanges: [change] });
		await Promise.all(deps.map((p) => c.request('textDocument/diagnostic', { textDocument: { uri: uriOf(p) } })));
	}
	phases.push({ name: `hub change → ${deps.length} dependents pulled (×${reps})`, from, to: now() });
	}
	await c.stop();

	const srv = readProfile(srvProfDir);
	copyFileSync(srv.file, join(outDir, 'profile-server.cpuprofile'));
	for (const ph of phases) {
		log(`${ph.name}: ${(ph.to - ph.from).toFixed(0)} ms`);
		sections.push(summarise(`Server: ${ph.name} — ${(ph.to - ph.from).toFixed(0)} ms wall`, srv.profile, work, { from: ph.from * 1000, to: ph.to * 1000 }));
	}
	}

	const md = `# CPU profile summary (${new Date().toISOString()})\n\nTree: ${tree.files} files. Unminified esbuild bundles, source-mapped to server/src. Self time = samples in the function itself; inclusive = samples with the function on the stack.\n\n${sections.join('\n')}`;
	writeFileSync(join(outDir, 'profile-summary.md'), md);
	process.stdout.write(md + '\n');
	log(`wrote ${join(outDir, 'profile-summary.md')} and profile-*.cpuprofile`);
} finally {
	tree?.cleanup();
	rmSync(work, { recursive: true, force: true });
}

function readProfile(dir) {
	const f = readdirSync(dir).find((n) => n.endsWith('.cpuprofile'));
	if (!f) throw new Error(`no .cpuprofile in ${dir}`);
	return { file: join(dir, f), profile: JSON.parse(readFileSync(join(dir, f), 'utf8')) };
}

/** Self/inclusive time by function (source-mapped) and by source area, optionally in a time window (µs, monotonic). */
function summarise(title, profile, bundleDir, window) {
	const maps = new Map();
	const mapFor = (url) => {
		if (!url.startsWith('file://')) return undefined;
		const path = fileURLToPath(url);
		if (!path.startsWith(bundleDir)) return undefined;
		if (!maps.has(path)) {
			try { maps.set(path, new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')))); } catch { maps.set(path, undefined); }
		}
		return maps.get(path);
	};
	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const ch of n.children ?? []) parent.set(ch, n.id);
	const keyCache = new Map();
	const keyOf = (id) => {
		if (keyCache.has(id)) return keyCache.get(id);
		const cf = nodes.get(id).callFrame;
		let where = cf.url ? `${cf.url.replace(/^file:\/\//, '')}:${cf.lineNumber + 1}` : '';
		const sm = cf.url ? mapFor(cf.url) : undefined;
		if (sm && cf.lineNumber >= 0) {
			const e = sm.findEntry(cf.lineNumber, cf.columnNumber);
			if (e && e.originalSource) {
				const src = e.originalSource.startsWith('file://') ? fileURLToPath(e.originalSource) : resolve(bundleDir, e.originalSource);
				where = `${relative(REPO, src)}:${e.originalLine + 1}`;
			}
		}
		if (where.includes('/node_modules/') || where.startsWith('node_modules/')) where = where.replace(/^.*node_modules\//, 'node_modules/');
		const key = `${cf.functionName || '(anonymous)'}  ${where}`.trim();
		keyCache.set(id, { key, area: areaOf(cf, where) });
		return keyCache.get(id);
	};
	const self = new Map();
	const incl = new Map();
	const area = new Map();
	let total = 0;
	let t = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		t += profile.timeDeltas[i] ?? 0;
		const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // ms spent in this sample's stack
		if (window && (t < window.from || t > window.to)) continue;
		const id = profile.samples[i];
		const k = keyOf(id);
		if (k.key.startsWith('(idle)')) continue;
		total += dt;
		self.set(k.key, (self.get(k.key) ?? 0) + dt);
		area.set(k.area, (area.get(k.area) ?? 0) + dt);
		const seen = new Set();
		for (let n = id; n !== undefined; n = parent.get(n)) {
			const kk = keyOf(n).key;
			if (seen.has(kk)) continue;
			seen.add(kk);
			incl.set(kk, (incl.get(kk) ?? 0) + dt);
		}
	}
	const pct = (x) => `${((100 * x) / (total || 1)).toFixed(1)}%`;
	const rows = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
	const L = [`## ${title}`, '', `Busy (non-idle) CPU time in window: ${total.toFixed(0)} ms.`, '', '### By source area (self time)', '', '| Area | ms | % |', '|---|---|---|'];
	for (const [k, v] of rows(area, 20)) L.push(`| ${k} | ${v.toFixed(0)} | ${pct(v)} |`);
	L.push('', `### Top ${TOP} functions by self time`, '', '| Function  (source) | self ms | % |', '|---|---|---|');
	for (const [k, v] of rows(self, TOP)) L.push(`| \`${k}\` | ${v.toFixed(1)} | ${pct(v)} |`);
	L.push('', `### Top ${TOP} functions by inclusive time`, '', '| Function  (source) | incl. ms | % |', '|---|---|---|');
	for (const [k, v] of rows(incl, TOP + 10).filter(([k]) => !/^\(root\)|^\(program\)/.test(k)).slice(0, TOP)) L.push(`| \`${k}\` | ${v.toFixed(1)} | ${pct(v)} |`);
	L.push('');
	return L.join('\n');
}

function areaOf(cf, where) {
	if (cf.functionName === '(garbage collector)') return 'GC';
	if (cf.functionName === '(program)') return '(program: V8/native, not attributed)';
	if (!cf.url) return `native/builtin`;
	if (cf.url.startsWith('node:')) return 'node internals (fs, streams, …)';
	if (where.startsWith('node_modules/')) return where.split('/').slice(0, 2).join('/');
	const m = /^server\/src\/(service\/(parser|rules\/quadlet|rules\/qm|rules|catalog\/value-types|catalog|qm|workspace|model|features|util)|service|lsp|cli)/.exec(where);
	return m ? m[1] : where.replace(/:\d+$/, '');
}

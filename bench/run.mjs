// `npm run bench` — CLI and language-server performance of QM Quadlet on generated QM trees.
//
//   node bench/run.mjs                 full run: CLI on 1k/10k/50k trees, LSP scenarios on 10k
//   node bench/run.mjs --quick         1k tree only, fewer runs and requests
//   options: --sizes 1000,10000  --runs N  --lsp-size N (0 = skip)  --edits N  --requests N
//            --dependents N  --spawns N  --out DIR  --no-cli  --seed N
//            --timeout-s S  per CLI run (default 600; killed and reported as DNF; a size whose
//                           linear extrapolation exceeds it is not run)
//            --budget-s S   per language-server loop (default 120; at least one iteration)
// Wall times suffer from other load on the machine; CPU times (user+sys of the CLI, /proc of the
// server) are reported next to them.
//
// Writes <out>/<stamp>.json and .md plus latest.json / latest.md (default out: bench/results/),
// and prints the markdown table and the JSON. Never asserts: targets are printed next to the
// measures. Needs dist/ (npm run build).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdtempSync, copyFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, totalmem, tmpdir, platform, arch, release, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { makeTempTree, bigUnit, prng, DEFAULT_SEED, HUB_DEPENDENTS_MAX } from './generate.mjs';
import { startServer, now, uriOf, REPO } from './lsp-client.mjs';
import { Doc, nextEdit } from './edits.mjs';

// ------------------------------------------------------------------------------------------
// options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const opt = (name, dflt) => {
	const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
	if (i < 0) return dflt;
	const a = argv[i];
	return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
};
const quick = flag('--quick');
const sizes = String(opt('--sizes', quick ? '1000' : '1000,10000,50000')).split(',').map(Number).filter((n) => n > 0);
const runs = Number(opt('--runs', quick ? 3 : 5));
const lspSize = Number(opt('--lsp-size', quick ? Math.min(...sizes) : (sizes.includes(10000) ? 10000 : Math.max(...sizes))));
const editsN = Number(opt('--edits', quick ? 50 : 200));
const requestsN = Number(opt('--requests', quick ? 100 : 500));
const dependentsN = Number(opt('--dependents', HUB_DEPENDENTS_MAX));
const outDir = resolve(String(opt('--out', join(REPO, 'bench', 'results'))));
const seed = Number(opt('--seed', DEFAULT_SEED));
const skipCli = flag('--no-cli');
const SLOW_RUN_MS = 20000; // a first CLI run slower than this: 3 repetitions (reported)
const VERY_SLOW_RUN_MS = 60000; // … slower than this: 1 run
const runTimeoutMs = Number(opt('--timeout-s', 600)) * 1000; // per CLI run; killed and reported past it
const budgetMs = Number(opt('--budget-s', 120)) * 1000; // per language-server scenario loop
const PUSH_DEBOUNCE_MS = 200; // server/src/lsp/start-server.ts

if (!existsSync(join(REPO, 'dist', 'cli.js')) || !existsSync(join(REPO, 'dist', 'server.js'))) {
	console.error('bench: dist/cli.js or dist/server.js is missing; run `npm run build` first.');
	process.exit(2);
}
// Snapshot the bundles: other builds may rewrite dist/ while the bench runs.
const SNAPSHOT = mkdtempSync(join(tmpdir(), 'qmbench-dist-'));
const bundles = {};
// dist/cli.js is a loader: the CLI proper is cli-main.js, with its code cache cli-main.<stamp>.cache.
for (const f of readdirSync(join(REPO, 'dist'))) if (/^(cli|cli-main|server)\.(js|js\.map|[0-9a-f]+\.cache)$/.test(f)) copyFileSync(join(REPO, 'dist', f), join(SNAPSHOT, f));
for (const name of ['cli-main.js', 'server.js']) {
	const buf = readFileSync(join(SNAPSHOT, name));
	bundles[name] = { sha256: createHash('sha256').update(buf).digest('hex').slice(0, 16), bytes: buf.length, mtime: statSync(join(REPO, 'dist', name)).mtime.toISOString() };
}
const CLI = join(SNAPSHOT, 'cli.js');
const SERVER = join(SNAPSHOT, 'server.js');

const log = (s) => process.stderr.write(`[bench] ${s}\n`);
const trees = [];
const children = new Set();
const scratchDirs = new Set();
const cleanupAll = () => {
	for (const c of children) { try { process.kill(-c.pid, 'SIGKILL'); } catch { /* gone */ } }
	for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
	for (const t of trees.splice(0)) t.cleanup();
	rmSync(SNAPSHOT, { recursive: true, force: true });
};
process.on('SIGINT', () => { cleanupAll(); process.exit(130); });
process.on('SIGTERM', () => { cleanupAll(); process.exit(143); });

// ------------------------------------------------------------------------------------------
// statistics
const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** Nearest-rank percentile. */
const pct = (xs, p) => { const s = sorted(xs); return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN; };
const median = (xs) => { const s = sorted(xs); const n = s.length; return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const summary = (xs) => ({ n: xs.length, p50: round(pct(xs, 50)), p90: round(pct(xs, 90)), p99: round(pct(xs, 99)), max: round(Math.max(...xs)), mean: round(xs.reduce((a, b) => a + b, 0) / (xs.length || 1)) });
const round = (x, d = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

// ------------------------------------------------------------------------------------------
// process measurement: wall time (hrtime around the spawn) and peak RSS
const GNU_TIME = (() => {
	if (!existsSync('/usr/bin/time')) return false;
	const r = spawnSync('/usr/bin/time', ['-v', process.execPath, '-e', '0'], { encoding: 'utf8' });
	return r.status === 0 && /Maximum resident set size/.test(r.stderr);
})();

/** Runs `node <args>` in its own process group (killed as a whole on timeout); wall ms and peak RSS. */
async function runMeasured(args, timeoutMs) {
	const scratch = mkdtempSync(join(tmpdir(), 'qmbench-time-'));
	scratchDirs.add(scratch);
	const report = join(scratch, 'report');
	const devnull = openSync('/dev/null', 'w');
	try {
		const cmd = GNU_TIME ? '/usr/bin/time' : process.execPath;
		const full = GNU_TIME ? ['-v', '-o', report, process.execPath, ...args] : ['--require', join(REPO, 'bench', 'rusage-hook.cjs'), ...args];
		let stderr = '';
		let timedOut = false;
		const t0 = now();
		const code = await new Promise((res, rej) => {
			const child = spawn(cmd, full, { stdio: ['ignore', devnull, 'pipe'], detached: true, env: { ...process.env, QM_BENCH_RUSAGE_FILE: report } });
			children.add(child);
			child.stderr.on('data', (d) => { if (stderr.length < 1e6) stderr += d; });
			const timer = setTimeout(() => { timedOut = true; try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, timeoutMs);
			child.on('error', rej);
			child.on('close', (c) => { clearTimeout(timer); children.delete(child); res(c); });
		});
		const ms = now() - t0;
		let rssKB = NaN;
		let cpuMs = NaN;
		let status = code;
		if (existsSync(report)) {
			const text = readFileSync(report, 'utf8');
			if (GNU_TIME) {
				rssKB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? NaN);
				status = Number(/Exit status: (\d+)/.exec(text)?.[1] ?? code);
				const sec = (k) => Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(text)?.[1] ?? NaN);
				cpuMs = (sec('User') + sec('System')) * 1000;
			} else if (text) {
				const u = JSON.parse(text);
				rssKB = u.maxRSS;
				cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
			}
		}
		return { ms, cpuMs, rssMB: rssKB / 1024, status, timedOut, stderr };
	} finally {
		closeSync(devnull);
		rmSync(scratch, { recursive: true, force: true });
		scratchDirs.delete(scratch);
	}
}

/**
 * `n` runs (median). A slow first run lowers the count (> 20 s: 3 runs, > 60 s: 1 run); a run
 * past the timeout stops the series and is reported as did-not-finish.
 */
async function measureRuns(label, args, n, okStatus = [0]) {
	const times = [];
	const cpu = [];
	const rss = [];
	const notes = [];
	let dnf = false;
	for (let i = 0; i < n; i++) {
		const r = await runMeasured(args, runTimeoutMs);
		if (r.timedOut) {
			dnf = true;
			notes.push(`run ${i + 1} did not finish within the ${runTimeoutMs / 1000} s timeout (killed)`);
			log(`${label}: ${notes[notes.length - 1]}`);
			break;
		}
		if (!okStatus.includes(r.status)) throw new Error(`${label}: exit status ${r.status}\n${r.stderr.slice(-3000)}`);
		times.push(r.ms);
		cpu.push(r.cpuMs);
		rss.push(r.rssMB);
		log(`${label} run ${i + 1}/${n}: ${r.ms.toFixed(0)} ms wall, ${r.cpuMs.toFixed(0)} ms CPU, ${r.rssMB.toFixed(0)} MB`);
		if (i === 0 && n > 1 && r.ms > SLOW_RUN_MS) {
			const fewer = r.ms > VERY_SLOW_RUN_MS ? 1 : Math.min(3, n);
			if (fewer < n) {
				notes.push(`first run took ${(r.ms / 1000).toFixed(1)} s: ${fewer} run${fewer > 1 ? 's' : ''} instead of ${n}`);
				log(`${label}: ${notes[notes.length - 1]}`);
				n = fewer;
			}
		}
	}
	return {
		runs: times.map((t) => round(t, 1)),
		medianMs: times.length ? round(median(times), 1) : (dnf ? round(runTimeoutMs, 0) : NaN),
		/** user + system CPU time: much less sensitive than wall time to other load on the machine. */
		medianCpuMs: cpu.length ? round(median(cpu), 1) : NaN,
		peakRssMB: rss.length ? round(Math.max(...rss), 1) : NaN,
		dnf,
		note: notes.join('; ') || undefined,
	};
}

// ------------------------------------------------------------------------------------------
// CLI
async function benchCli(tree, previous) {
	const mb = tree.bytes / 1e6;
	let cli;
	// Linear extrapolation from the previous size is a lower bound; past the timeout, don't try.
	const predicted = previous && !previous.cli.dnf ? previous.cli.medianMs * (tree.files / previous.files) : 0;
	if (previous?.cli.dnf || predicted > runTimeoutMs) {
		const why = previous.cli.dnf ? `the ${previous.files}-file tree ${previous.cli.skipped ? 'was not run either' : 'already did not finish'}` : `linear extrapolation from ${previous.files} files (${(previous.cli.medianMs / 1000).toFixed(1)} s) gives ≥ ${(predicted / 1000).toFixed(0)} s, over the ${runTimeoutMs / 1000} s per-run timeout`;
		cli = { runs: [], medianMs: NaN, peakRssMB: NaN, dnf: true, skipped: true, note: `not run: ${why}` };
		log(`cli ${tree.files}: ${cli.note}`);
	} else {
		cli = await measureRuns(`cli ${tree.files}`, [CLI, 'lint', '--format', 'json', tree.root], runs, [0, 1]);
	}
	const read = await measureRuns(`floor(read) ${tree.files}`, [join(REPO, 'bench', 'floor.mjs'), 'read', tree.root], runs);
	const iniR = await measureRuns(`floor(ini) ${tree.files}`, [join(REPO, 'bench', 'floor.mjs'), 'ini', tree.root], runs);
	const ok = !cli.dnf;
	return {
		files: tree.files,
		bytes: tree.bytes,
		lines: tree.lines,
		faults: tree.faults,
		generateMs: tree.generateMs,
		cli: { ...cli, filesPerSec: ok ? round(tree.files / (cli.medianMs / 1000), 0) : NaN, mbPerSec: ok ? round(mb / (cli.medianMs / 1000)) : NaN, msPerFile: ok ? round(cli.medianMs / tree.files, 4) : NaN },
		floorRead: { ...read, filesPerSec: round(tree.files / (read.medianMs / 1000), 0), mbPerSec: round(mb / (read.medianMs / 1000)) },
		floorIni: { ...iniR, filesPerSec: round(tree.files / (iniR.medianMs / 1000), 0), mbPerSec: round(mb / (iniR.medianMs / 1000)) },
		// With a did-not-finish run the ratio is a lower bound (timeout / floor).
		ratioToFloor: cli.skipped ? NaN : round(cli.medianMs / read.medianMs),
		ratioToIni: cli.skipped ? NaN : round(cli.medianMs / iniR.medianMs),
		ratioToFloorCpu: cli.dnf ? NaN : round(cli.medianCpuMs / read.medianCpuMs),
	};
}

// ------------------------------------------------------------------------------------------
// The real containers/qm tree (issue #3's bar): ../shared/corpus/qm-upstream/{real,unknown-domain},
// 18 files, linted from the corpus directory. Start-up dominates here, so node's own start
// (`node -e 0`) is measured next to it.
const UPSTREAM = resolve(REPO, '..', 'shared', 'corpus', 'qm-upstream');
async function benchUpstream(n) {
	if (!existsSync(join(UPSTREAM, 'real'))) {
		log(`qm upstream tree: skipped (${UPSTREAM} is absent)`);
		return { skipped: `${UPSTREAM} is absent` };
	}
	const paths = [join(UPSTREAM, 'real'), join(UPSTREAM, 'unknown-domain')];
	const files = paths.flatMap((p) => readdirSync(p, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())).length;
	const cli = await measureRuns('cli qm-upstream', [CLI, 'lint', ...paths], n, [0, 1]);
	const node = await measureRuns('node -e 0', ['-e', '0'], n);
	return { files, cli, nodeStart: node };
}

// ------------------------------------------------------------------------------------------
// language server
/** When a loop stopped early because of the time budget. */
const budgetNote = (done, wanted) => (done < wanted ? { stoppedByBudget: `${done} of ${wanted} within the ${budgetMs / 1000} s budget` } : {});
const diagRequest = (client, path) => client.request('textDocument/diagnostic', { textDocument: { uri: uriOf(path) } });

async function benchSpawn(treeRoot, n) {
	const times = [];
	for (let i = 0; i < n; i++) {
		// No workspace folder: initialize alone (indexing starts only after `initialized`).
		const c = await startServer({ rootPath: null, pull: true, serverPath: SERVER });
		times.push(c.spawnMs);
		await c.stop();
	}
	void treeRoot;
	return summary(times);
}

/** Starts a server on the tree and waits for "Indexed N unit files in X ms". */
async function indexed(tree, pull) {
	const c = await startServer({ rootPath: tree.root, pull, serverPath: SERVER });
	const { at, match } = await c.waitForLog(/Indexed (\d+) unit files in (\d+) ms/);
	const mem = c.memory();
	return {
		client: c,
		index: {
			files: Number(match[1]),
			serverReportedMs: Number(match[2]),
			observedMs: round(at - c.initializedAt, 1),
			spawnToIndexedMs: round(at - c.initializedAt + c.spawnMs, 1),
			vmHwmMB: round(mem?.vmHwmMB, 1),
			vmRssMB: round(mem?.vmRssMB, 1),
			serverCpuMs: round(c.cpuMs(), 0),
		},
	};
}

async function benchLspPull(tree) {
	const r = prng(seed ^ 0x1d5);
	const { client: c, index } = await indexed(tree, true);
	const out = { index };
	try {
		// didOpen → diagnostics (pull: didOpen then textDocument/diagnostic, no debounce)
		const openLat = [];
		const samples = tree.samples;
		let t = now();
		for (const p of samples) {
			if (openLat.length > 0 && now() - t > budgetMs) break;
			const text = readFileSync(p, 'utf8');
			const t0 = now();
			await c.open(p, text);
			await diagRequest(c, p);
			openLat.push(now() - t0);
		}
		out.didOpenPull = { first: round(openLat[0]), ...summary(openLat.slice(1)), ...budgetNote(openLat.length, samples.length) };

		// 2,000-line unit: incremental edits → pull diagnostics
		const bigPath = join(tree.root, 'etc/qm/containers/systemd/bench-big.container');
		const doc = new Doc(bigPath, bigUnit(2000, seed, tree.qmVolume));
		await c.open(bigPath, doc.text);
		const firstBig = now();
		const firstItems = (await diagRequest(c, bigPath)).items.length;
		out.bigUnit = { lines: doc.lines.length, firstDiagnosticsMs: round(now() - firstBig), diagnostics: firstItems };
		const editLat = [];
		const inserted = [];
		t = now();
		let cpu0 = c.cpuMs();
		for (let i = 0; i < editsN && (i === 0 || now() - t < budgetMs); i++) {
			const change = nextEdit(doc, r, inserted);
			const t0 = now();
			await c.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [change] });
			await diagRequest(c, bigPath);
			editLat.push(now() - t0);
		}
		out.editsPull = { ...summary(editLat), serverCpuMsPerOp: round((c.cpuMs() - cpu0) / editLat.length), ...budgetNote(editLat.length, editsN) };

		// completion and hover at varied positions
		const docs = [...samples.map((p) => ({ path: p, lines: readFileSync(p, 'utf8').split('\n') })), { path: bigPath, lines: doc.lines }];
		const refLine = /^(Network|Volume|Pod|Image|Requires|After|Wants|Mount)=/;
		const position = () => {
			const d = r.pick(docs);
			const refs = d.lines.map((l, i) => (refLine.test(l) ? i : -1)).filter((i) => i >= 0);
			if (refs.length && r.chance(0.25)) { const i = r.pick(refs); return { d, line: i, character: d.lines[i].length }; }
			const line = r.int(0, d.lines.length - 1);
			return { d, line, character: r.int(0, d.lines[line].length) };
		};
		const measureReq = async (method, n) => {
			const lat = [];
			let nonEmpty = 0;
			const start = now();
			const cpuStart = c.cpuMs();
			for (let i = 0; i < n && (i === 0 || now() - start < budgetMs); i++) {
				const { d, line, character } = position();
				const t0 = now();
				const res = await c.request(method, { textDocument: { uri: uriOf(d.path) }, position: { line, character } });
				lat.push(now() - t0);
				if (res && (!Array.isArray(res) || res.length > 0)) nonEmpty++;
			}
			return { ...summary(lat), nonEmpty, serverCpuMsPerOp: round((c.cpuMs() - cpuStart) / lat.length, 3), ...budgetNote(lat.length, n) };
		};
		out.completion = await measureReq('textDocument/completion', requestsN);
		out.hover = await measureReq('textDocument/hover', requestsN);

		// a unit referenced by many others changes → pull diagnostics of every dependent
		const deps = tree.hub.dependents.slice(0, dependentsN);
		const hubText = readFileSync(tree.hub.path, 'utf8');
		const hub = new Doc(tree.hub.path, hubText);
		await c.open(tree.hub.path, hubText);
		let t0 = now();
		await Promise.all(deps.map((p) => diagRequest(c, p)));
		const coldAll = now() - t0;
		const rounds = [];
		t = now();
		cpu0 = c.cpuMs();
		for (let rep = 0; rep < 5 && (rep === 0 || now() - t < budgetMs); rep++) {
			const change = rep % 2 === 0 ? hub.edit(3, 0, 3, 0, `Label=org.example.rev=${rep}\n`) : hub.edit(3, 0, 4, 0, '');
			t0 = now();
			await c.notify('textDocument/didChange', { textDocument: { uri: hub.uri, version: hub.version }, contentChanges: [change] });
			await Promise.all(deps.map((p) => diagRequest(c, p)));
			rounds.push(now() - t0);
		}
		out.dependents = { count: deps.length, firstPullAllMs: round(coldAll), ...summary(rounds), medianMs: round(median(rounds)), serverCpuMsPerOp: round((c.cpuMs() - cpu0) / rounds.length), ...budgetNote(rounds.length, 5) };
		const mem = c.memory();
		out.memoryAfterScenarios = { vmHwmMB: round(mem?.vmHwmMB, 1), vmRssMB: round(mem?.vmRssMB, 1) };
	} finally {
		await c.stop();
	}
	return out;
}

async function benchLspPush(tree) {
	const r = prng(seed ^ 0x9b5);
	const { client: c, index } = await indexed(tree, false);
	const out = { index };
	try {
		// didOpen → publishDiagnostics (includes the server's 200 ms push debounce)
		const openLat = [];
		let t = now();
		for (const p of tree.samples.slice(0, 10)) {
			if (openLat.length > 0 && now() - t > budgetMs) break;
			const text = readFileSync(p, 'utf8');
			const pub = c.nextPublish(uriOf(p), 1, 3600000);
			const t0 = now();
			await c.open(p, text);
			const { at } = await pub;
			openLat.push(at - t0);
		}
		out.didOpenPush = { ...summary(openLat), ...budgetNote(openLat.length, 10) };

		const bigPath = join(tree.root, 'etc/qm/containers/systemd/bench-big.container');
		const doc = new Doc(bigPath, bigUnit(2000, seed, tree.qmVolume));
		let pub = c.nextPublish(doc.uri, 1, 3600000);
		await c.open(bigPath, doc.text);
		await pub;
		const lat = [];
		const inserted = [];
		t = now();
		const cpu0 = c.cpuMs();
		for (let i = 0; i < editsN && (i === 0 || now() - t < budgetMs); i++) {
			const change = nextEdit(doc, r, inserted);
			pub = c.nextPublish(doc.uri, doc.version, 3600000);
			const t0 = now();
			await c.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [change] });
			const { at } = await pub;
			lat.push(at - t0);
		}
		const s = summary(lat);
		out.editsPush = { ...s, serverCpuMsPerOp: round((c.cpuMs() - cpu0) / lat.length), openDocuments: 1 + openLat.length, minusDebounce: { p50: round(s.p50 - PUSH_DEBOUNCE_MS), p99: round(s.p99 - PUSH_DEBOUNCE_MS) }, ...budgetNote(lat.length, editsN) };
	} finally {
		await c.stop();
	}
	return out;
}

// ------------------------------------------------------------------------------------------
// report
function machine() {
	const c = cpus();
	return {
		cores: c.length,
		cpuModel: c[0]?.model ?? 'unknown',
		node: process.version,
		v8: process.versions.v8,
		totalMemoryMB: Math.round(totalmem() / 2 ** 20),
		platform: `${platform()} ${release()} ${arch()}`,
		loadavg1m: round(loadavg()[0]),
		peakRssSource: GNU_TIME ? '/usr/bin/time -v (Maximum resident set size)' : 'process.resourceUsage().maxRSS via bench/rusage-hook.cjs',
	};
}

const fmt = (x, d = 1) => (x === undefined || Number.isNaN(x) ? '–' : typeof x === 'number' ? x.toFixed(d) : String(x));
const status = (ok) => (ok === undefined || ok === null ? '– not measured' : ok ? '✅ met' : '❌ missed');

function targets(res) {
	const t = [];
	const cli = res.cli ?? {};
	const sizesDone = Object.keys(cli).map(Number).sort((a, b) => a - b);
	const c10 = cli[10000] ?? cli[sizesDone[sizesDone.length - 1]];
	const cliMeasured = (c) => (c.cli.skipped ? `not run (${c.cli.note.replace(/^not run: /, '')})` : c.cli.dnf ? `≥ ${fmt(c.ratioToFloor, 2)}× (did not finish in ${fmt(c.cli.medianMs / 1000, 0)} s vs floor ${fmt(c.floorRead.medianMs, 0)} ms)` : `${fmt(c.ratioToFloor, 2)}× (${fmt(c.cli.medianMs, 0)} ms vs ${fmt(c.floorRead.medianMs, 0)} ms)`);
	if (c10) t.push({ target: `CLI ${c10.files} files ≤ 1.4× floor (read+split)`, measured: cliMeasured(c10), ok: c10.cli.skipped ? null : !c10.cli.dnf && c10.ratioToFloor <= 1.4 });
	for (let i = 1; i < sizesDone.length; i++) {
		const a = cli[sizesDone[i - 1]];
		const b = cli[sizesDone[i]];
		const target = `Scaling ${a.files}→${b.files}: ratio to floor does not grow (≤ 1.15× for noise)`;
		if (a.cli.skipped || b.cli.skipped) {
			t.push({ target, measured: `not measured: ${b.files} files ${b.cli.note ?? 'not run'}`, ok: null });
			continue;
		}
		const growth = b.ratioToFloor / a.ratioToFloor;
		t.push({
			target,
			measured: `${fmt(a.ratioToFloor, 2)}× → ${b.cli.dnf ? '≥ ' : ''}${fmt(b.ratioToFloor, 2)}× (growth ${b.cli.dnf ? '≥ ' : ''}${fmt(growth, 2)}; ms/file ${fmt(a.cli.msPerFile, 3)} → ${fmt(b.cli.msPerFile, 3)})`,
			ok: growth <= 1.15 && !b.cli.dnf,
		});
	}
	const u = res.upstream;
	if (u) t.push(u.skipped ? { target: 'QM upstream tree lint < 100 ms (median)', measured: `not measured: ${u.skipped}`, ok: null } : { target: `QM upstream tree (${u.files} files) lint < 100 ms (median)`, measured: `${fmt(u.cli.medianMs)} ms (node -e 0: ${fmt(u.nodeStart.medianMs)} ms)`, ok: u.cli.medianMs < 100 });
	const l = res.lsp;
	if (l) {
		const n = l.treeFiles;
		t.push({ target: 'spawn → initialize < 250 ms (median)', measured: `${fmt(l.spawnInitialize.p50)} ms (max ${fmt(l.spawnInitialize.max)})`, ok: l.spawnInitialize.p50 < 250 });
		const ix = l.pull.index;
		t.push({ target: `${n} files indexed < 2 s`, measured: `${fmt(ix.serverReportedMs, 0)} ms server log, ${fmt(ix.observedMs, 0)} ms initialized→log`, ok: ix.observedMs < 2000 });
		t.push({ target: `RSS after indexing ${n} files < 200 MB`, measured: `VmHWM ${fmt(ix.vmHwmMB)} MB, VmRSS ${fmt(ix.vmRssMB)} MB`, ok: ix.vmHwmMB < 200 });
		t.push({ target: `completion p99 < 10 ms (${l.pull.completion.n} requests, ${n} indexed)`, measured: `p50 ${fmt(l.pull.completion.p50, 2)} / p99 ${fmt(l.pull.completion.p99, 2)} ms`, ok: l.pull.completion.p99 < 10 });
		t.push({ target: `hover p99 < 10 ms (${l.pull.hover.n} requests)`, measured: `p50 ${fmt(l.pull.hover.p50, 2)} / p99 ${fmt(l.pull.hover.p99, 2)} ms`, ok: l.pull.hover.p99 < 10 });
		t.push({ target: `didChange → diagnostics p99 < 20 ms (2,000-line unit, pull, no debounce; ${l.pull.editsPull.n} edits)`, measured: `p50 ${fmt(l.pull.editsPull.p50, 2)} / p99 ${fmt(l.pull.editsPull.p99, 2)} ms`, ok: l.pull.editsPull.p99 < 20 });
		if (l.push) t.push({ target: `didChange → publishDiagnostics p99 − 200 ms debounce < 20 ms (push, ${l.push.editsPush.openDocuments} open docs)`, measured: `p50 ${fmt(l.push.editsPush.p50)} / p99 ${fmt(l.push.editsPush.p99)} ms raw → ${fmt(l.push.editsPush.minusDebounce.p99)} ms`, ok: l.push.editsPush.minusDebounce.p99 < 20 });
		t.push({ target: `${l.pull.dependents.count} dependents revalidated < 300 ms (median of ${l.pull.dependents.n})`, measured: `${fmt(l.pull.dependents.medianMs, 0)} ms (p99 ${fmt(l.pull.dependents.p99, 0)})`, ok: l.pull.dependents.medianMs < 300 });
	}
	return t;
}

function markdown(res) {
	const m = res.machine;
	const L = [];
	L.push(`# QM Quadlet benchmark — ${res.date}`, '');
	L.push(`Machine: ${m.cores} cores, ${m.cpuModel}, ${m.totalMemoryMB} MB RAM, Node ${m.node}, ${m.platform}. Peak RSS: ${m.peakRssSource}.`);
	L.push(`Mode: ${res.config.quick ? 'quick' : 'full'}; ${res.config.runs} runs per CLI measure (median; fewer when a run is slow, see notes); per-run timeout ${res.config.runTimeoutS} s; language-server loops stop after ${res.config.budgetS} s (at least one iteration); seed ${res.config.seed}. Load average (1 min) at start ${res.machine.loadavg1m}, at end ${res.loadavgEnd}.`);
	L.push(`Bundles measured: dist/cli-main.js ${res.bundles['cli-main.js'].sha256} (${res.bundles['cli-main.js'].mtime}), dist/server.js ${res.bundles['server.js'].sha256} (${res.bundles['server.js'].mtime}).`, '');
	if (res.cli) {
		L.push('## CLI: `node dist/cli.js lint --format json <tree> > /dev/null`', '');
		L.push('| Tree | Files | MB | Lines | Runs | Median ms | CPU ms | Files/s | MB/s | Peak RSS MB | Floor read+split ms (CPU) | Floor `ini` ms (CPU) | × floor | × floor (CPU) | × ini |');
		L.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
		for (const [size, c] of Object.entries(res.cli)) {
			const med = c.cli.skipped ? 'not run' : c.cli.dnf ? `> ${fmt(c.cli.medianMs, 0)} (DNF)` : fmt(c.cli.medianMs, 0);
			const lb = c.cli.dnf && !c.cli.skipped ? '≥ ' : '';
			L.push(`| ${size} | ${c.files} | ${fmt(c.bytes / 1e6, 2)} | ${c.lines} | ${c.cli.runs.length} | ${med} | ${fmt(c.cli.medianCpuMs, 0)} | ${fmt(c.cli.filesPerSec, 0)} | ${fmt(c.cli.mbPerSec, 2)} | ${fmt(c.cli.peakRssMB, 0)} | ${fmt(c.floorRead.medianMs, 0)} (${fmt(c.floorRead.medianCpuMs, 0)}) | ${fmt(c.floorIni.medianMs, 0)} (${fmt(c.floorIni.medianCpuMs, 0)}) | ${lb}${fmt(c.ratioToFloor, 2)} | ${fmt(c.ratioToFloorCpu, 2)} | ${lb}${fmt(c.ratioToIni, 2)} |`);
		}
		const notes = Object.entries(res.cli).flatMap(([s, c]) => [c.cli.note, c.floorRead.note, c.floorIni.note].filter(Boolean).map((n) => `- ${s}: ${n}`));
		if (notes.length) L.push('', ...notes);
		L.push('');
	}
	if (res.upstream && !res.upstream.skipped) {
		const u = res.upstream;
		L.push(`## CLI on the real containers/qm tree: \`node dist/cli.js lint real unknown-domain\` (${u.files} files)`, '');
		L.push('| Measure | Runs | Median ms | CPU ms | Peak RSS MB |', '|---|---|---|---|---|');
		L.push(`| qm-quadlet lint | ${u.cli.runs.length} | ${fmt(u.cli.medianMs)} | ${fmt(u.cli.medianCpuMs, 0)} | ${fmt(u.cli.peakRssMB, 0)} |`);
		L.push(`| node -e 0 (start-up floor) | ${u.nodeStart.runs.length} | ${fmt(u.nodeStart.medianMs)} | ${fmt(u.nodeStart.medianCpuMs, 0)} | ${fmt(u.nodeStart.peakRssMB, 0)} |`, '');
	}
	if (res.lsp) {
		const l = res.lsp;
		L.push(`## Language server (stdio, ${l.treeFiles}-file workspace)`, '');
		L.push('| Measure | p50 | p99 | max | n | Notes |', '|---|---|---|---|---|---|');
		const row = (name, s, note = '') => L.push(`| ${name} | ${fmt(s.p50, 2)} | ${fmt(s.p99, 2)} | ${fmt(s.max, 2)} | ${s.n} | ${[note, s.serverCpuMsPerOp !== undefined ? `server CPU ${fmt(s.serverCpuMsPerOp, 2)} ms/op` : '', s.stoppedByBudget ? `**stopped: ${s.stoppedByBudget}**` : ''].filter(Boolean).join('; ')} |`);
		row('spawn → initialize response (ms)', l.spawnInitialize, 'no workspace folder');
		L.push(`| index workspace, pull server (ms) | ${fmt(l.pull.index.observedMs, 0)} | | | 1 | server log: ${l.pull.index.files} files in ${l.pull.index.serverReportedMs} ms; server CPU since spawn ${fmt(l.pull.index.serverCpuMs, 0)} ms; VmHWM ${fmt(l.pull.index.vmHwmMB)} MB, VmRSS ${fmt(l.pull.index.vmRssMB)} MB |`);
		if (l.push) L.push(`| index workspace, push server (ms) | ${fmt(l.push.index.observedMs, 0)} | | | 1 | server log: ${l.push.index.serverReportedMs} ms; VmHWM ${fmt(l.push.index.vmHwmMB)} MB |`);
		row('didOpen → pull diagnostics (ms)', l.pull.didOpenPull, `first (cold): ${fmt(l.pull.didOpenPull.first, 1)} ms`);
		if (l.push) row('didOpen → publishDiagnostics (ms)', l.push.didOpenPush, 'includes 200 ms debounce');
		row('didChange → pull diagnostics, 2,000-line unit (ms)', l.pull.editsPull, `no debounce; first diagnostics of the unit ${fmt(l.pull.bigUnit.firstDiagnosticsMs)} ms`);
		if (l.push) row('didChange → publishDiagnostics, 2,000-line unit (ms)', l.push.editsPush, `includes 200 ms debounce (p99 − debounce = ${fmt(l.push.editsPush.minusDebounce.p99)} ms); ${l.push.editsPush.openDocuments} open docs`);
		row('completion (ms)', l.pull.completion, `${l.pull.completion.nonEmpty} non-empty`);
		row('hover (ms)', l.pull.hover, `${l.pull.hover.nonEmpty} non-empty`);
		row(`hub change → ${l.pull.dependents.count} dependents pulled (ms)`, l.pull.dependents, `median ${fmt(l.pull.dependents.medianMs, 0)} ms over 5 changes; first pull of all: ${fmt(l.pull.dependents.firstPullAllMs, 0)} ms`);
		L.push(`| server memory after all scenarios (MB) | | | | | VmHWM ${fmt(l.pull.memoryAfterScenarios.vmHwmMB)}, VmRSS ${fmt(l.pull.memoryAfterScenarios.vmRssMB)} |`);
		L.push('');
	}
	L.push('## Targets', '', '| Target | Measured | Status |', '|---|---|---|');
	for (const t of res.targets) L.push(`| ${t.target} | ${t.measured} | ${status(t.ok)} |`);
	L.push('');
	return L.join('\n');
}

// ------------------------------------------------------------------------------------------
async function main() {
	const started = now();
	const res = {
		date: new Date().toISOString(),
		machine: machine(),
		config: { quick, sizes, runs, lspSize, edits: editsN, requests: requestsN, seed, slowRunMs: SLOW_RUN_MS, runTimeoutS: runTimeoutMs / 1000, budgetS: budgetMs / 1000 },
		bundles,
	};
	const treeFor = new Map();
	const getTree = (n) => {
		if (!treeFor.has(n)) {
			const t0 = now();
			const t = makeTempTree(n, seed);
			t.generateMs = round(now() - t0, 0);
			trees.push(t);
			treeFor.set(n, t);
			log(`generated ${t.files} files (${(t.bytes / 1e6).toFixed(1)} MB) in ${t.generateMs} ms at ${t.root}`);
		}
		return treeFor.get(n);
	};
	const drop = (n) => { const t = treeFor.get(n); if (t && n !== lspSize) { t.cleanup(); treeFor.delete(n); trees.splice(trees.indexOf(t), 1); } };
	try {
		if (!skipCli) {
			res.upstream = await benchUpstream(Math.max(10, runs * 2));
			res.cli = {};
			let previous;
			for (const n of sizes) {
				res.cli[n] = previous = await benchCli(getTree(n), previous);
				drop(n);
			}
		}
		if (lspSize > 0) {
			const tree = getTree(lspSize);
			log(`language server scenarios on ${tree.files} files`);
			const spawnInitialize = await benchSpawn(tree.root, Number(opt('--spawns', quick ? 3 : 5)));
			const pull = await benchLspPull(tree);
			log(`pull scenarios done: index ${pull.index.observedMs} ms, edits p99 ${pull.editsPull.p99} ms`);
			const push = await benchLspPush(tree);
			res.lsp = { treeFiles: tree.files, hubDependentsAvailable: tree.hub.dependents.length, spawnInitialize, pull, push };
		}
	} finally {
		cleanupAll();
	}
	res.loadavgEnd = round(loadavg()[0]);
	res.targets = targets(res);
	res.totalSeconds = round((now() - started) / 1000, 1);
	const md = markdown(res);
	mkdirSync(outDir, { recursive: true });
	const stamp = res.date.replace(/[:.]/g, '-');
	const jsonPath = join(outDir, `${stamp}.json`);
	writeFileSync(jsonPath, JSON.stringify(res, null, 2) + '\n');
	writeFileSync(join(outDir, `${stamp}.md`), md);
	copyFileSync(jsonPath, join(outDir, 'latest.json'));
	writeFileSync(join(outDir, 'latest.md'), md);
	process.stdout.write(md + '\n');
	process.stdout.write('```json\n' + JSON.stringify(res, null, 2) + '\n```\n');
	log(`wrote ${jsonPath} (total ${res.totalSeconds} s)`);
}

main().catch((e) => {
	cleanupAll();
	console.error(e?.stack ?? e);
	process.exit(1);
});

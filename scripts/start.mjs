// npm start: build and package the extension, make sure Node 24 and code-server are in .cache/,
// install the .vsix into an isolated profile and open examples/ in code-server on 127.0.0.1.
//
//   PORT=8080 npm start          fixed port (default: a free one)
//   npm start -- --no-package    reuse the existing qm-quadlet.vsix
//   npm start -- --fresh         start from an empty profile (settings, state, extensions)
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
	buildVsix, CACHE, ensureCodeServer, ensureNode24, freePort, installExtension, profileDirs, profileEnv, REPO, startCodeServer,
} from './lib/code-server.mjs';

const argv = process.argv.slice(2);
const t0 = Date.now();
const step = (msg) => console.log(`\n== ${msg} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

step('npm run package');
const vsix = argv.includes('--no-package') && existsSync(join(REPO, 'qm-quadlet.vsix')) ? join(REPO, 'qm-quadlet.vsix') : buildVsix();

step(`Node 24 and code-server in ${CACHE} (first run downloads them from the npm registry)`);
const node24 = ensureNode24();
const entry = ensureCodeServer(node24);

const profileRoot = join(CACHE, 'profile');
if (argv.includes('--fresh')) rmSync(profileRoot, { recursive: true, force: true });
const dirs = profileDirs(profileRoot);
const env = profileEnv(dirs);

step(`code-server --install-extension ${vsix}`);
console.log(installExtension({ node24, entry, dirs, vsix, env }));

const port = process.env.PORT ? Number(process.env.PORT) : await freePort();
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
	console.error(`PORT=${process.env.PORT} is not a TCP port`);
	process.exit(2);
}
const folder = join(REPO, 'examples');
step(`starting code-server on 127.0.0.1:${port}`);
const server = await startCodeServer({ node24, entry, dirs, folder, port, env, timeoutMs: 120_000 }).catch((e) => {
	console.error(e.message);
	process.exit(1);
});

const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
console.log(`\ncode-server answered after ${(server.startupMs / 1000).toFixed(1)} s (total ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
console.log('\n  QM Quadlet is running in code-server (no password, loopback only):\n');
console.log(`    ${url}\n`);
console.log('  Open examples/etc/qm/containers/systemd/broken.container to see diagnostics. Ctrl+C stops the server.');

server.child.stdout.on('data', (c) => { if (process.env.DEBUG) process.stderr.write(c); });
let stopping = false;
const stop = async (code) => {
	if (stopping) return;
	stopping = true;
	console.log('\nstopping code-server…');
	await server.stop();
	process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
server.child.on('exit', (code, signal) => {
	if (stopping) return;
	console.error(`code-server exited (${code ?? signal}). Last output:\n${server.output().slice(-4000)}`);
	process.exit(1);
});

// npm run start:desktop: build, then open examples/ in a desktop VS Code with this repository as
// the extension under development (no .vsix, no install). Needs `code` (or $VSCODE_EXECUTABLE).
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const candidates = [process.env.VSCODE_EXECUTABLE, 'code', 'code-insiders', 'codium'].filter(Boolean);
const found = candidates.find((c) => spawnSync('sh', ['-c', `command -v "${c.replace(/"/g, '\\"')}"`]).status === 0);
if (!found) {
	console.log('No desktop VS Code found: neither `code`, `code-insiders` nor `codium` is on PATH, and VSCODE_EXECUTABLE is not set.');
	console.log('Install VS Code (or set VSCODE_EXECUTABLE), or use `npm start`, which runs the extension in code-server in your browser.');
	process.exit(0);
}
const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const args = ['--new-window', `--extensionDevelopmentPath=${REPO}`, join(REPO, 'examples')];
console.log(`${found} ${args.join(' ')}`);
spawn(found, args, { stdio: 'inherit', detached: true }).unref();

/**
 * npm run test:electron — the e2e suite (test/e2e/suite) in a real VS Code desktop build through
 * @vscode/test-electron. It needs a VS Code build that is already on this machine:
 *
 *   VSCODE_EXECUTABLE=/path/to/code npm run test:electron
 *   or a complete cached download in .vscode-test/vscode-<platform>-<version>/ (is-complete)
 *
 * Otherwise it SKIPS (exit 0) with a message: downloading VS Code needs network access that this
 * project's machines do not have. On Linux without $DISPLAY it re-runs itself under xvfb-run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { download, runTests } from '@vscode/test-electron';
import { REPO } from '../helpers/paths';

function skip(reason: string): never {
	console.log(`# SKIP test:electron: ${reason}`);
	console.log('electron: 0 passed, 0 failed, 1 skipped');
	process.exit(0);
}

/** Newest complete VS Code under .vscode-test/ for this platform, as a version string. */
function cachedVersion(cachePath: string, platform: string): string | undefined {
	if (!existsSync(cachePath)) return undefined;
	const versions = readdirSync(cachePath)
		.map((n) => /^vscode-(?<platform>[a-z0-9-]+)-(?<version>\d+\.\d+\.\d+)$/.exec(n))
		.filter((m): m is RegExpExecArray => !!m && m.groups!.platform === platform && existsSync(join(cachePath, m[0], 'is-complete')))
		.map((m) => m.groups!.version)
		.sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
	return versions[0];
}

async function main(): Promise<void> {
	const cachePath = resolve(REPO, '.vscode-test');
	const platform = process.platform === 'linux' ? `linux-${process.arch}` : process.platform === 'darwin' ? (process.arch === 'arm64' ? 'darwin-arm64' : 'darwin') : 'win32-x64-archive';
	let executable = process.env.VSCODE_EXECUTABLE;
	if (executable && !existsSync(executable)) skip(`VSCODE_EXECUTABLE=${executable} does not exist`);
	if (!executable) {
		const version = cachedVersion(cachePath, platform);
		if (!version) {
			skip(`no VS Code desktop build: set VSCODE_EXECUTABLE=/path/to/code, or put a complete download in ${cachePath}/vscode-${platform}-<version>/ (with its is-complete marker). Downloading one needs network access this machine does not have; npm run test:browser covers the workbench through code-server instead.`);
		}
		executable = await download({ version, cachePath, platform });
	}

	if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !process.env.QMQ_UNDER_XVFB) {
		const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).stdout.trim();
		if (!xvfb) skip('no $DISPLAY and no xvfb-run (apt-get install -y xvfb)');
		const r = spawnSync(xvfb, ['-a', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, QMQ_UNDER_XVFB: '1', VSCODE_EXECUTABLE: executable } });
		process.exit(r.status ?? 1);
	}

	const tmp = mkdtempSync(join(tmpdir(), 'qmq-e2e-'));
	const workspace = join(tmp, 'examples');
	cpSync(resolve(REPO, 'examples'), workspace, { recursive: true });
	const env: Record<string, string | undefined> = { ...process.env, QMQ_E2E_WORKSPACE: workspace };
	delete env.VSCODE_IPC_HOOK_CLI; // never attach to a VS Code that started us
	try {
		await runTests({
			vscodeExecutablePath: executable,
			extensionDevelopmentPath: REPO,
			extensionTestsPath: resolve(__dirname, 'suite', 'index.js'),
			extensionTestsEnv: env,
			launchArgs: [
				workspace,
				'--disable-extensions',
				'--disable-workspace-trust',
				'--skip-welcome',
				'--skip-release-notes',
				'--disable-gpu',
				`--user-data-dir=${join(tmp, 'user-data')}`,
				`--extensions-dir=${join(tmp, 'extensions')}`,
			],
		});
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});

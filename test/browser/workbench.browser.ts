/**
 * End-to-end test through the real VS Code workbench: code-server (Node 24, from npm) with the
 * packaged .vsix installed, driven by Debian's chromium through playwright-core.
 *
 *   npm run test:browser        (builds the .vsix first; slow, so not part of npm test)
 *
 * Skips with a message when chromium or code-server cannot be had. Hermetic: a temporary HOME and
 * XDG tree for code-server and chromium, a copy of examples/ as the workspace, loopback only.
 * Screenshots of every step go to test-artifacts/browser/.
 */
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { REPO } from '../helpers/paths';

const TIMEOUT = 60_000;
const ARTIFACTS = resolve(REPO, 'test-artifacts', 'browser');
const VSIX = resolve(REPO, 'qm-quadlet.vsix');
const FILE = 'broken.container';

interface Dirs { root: string; userData: string; extensions: string; home: string; config: string }
interface Running { url: string; startupMs: number; stop(): Promise<void>; output(): string }
interface CodeServerLib {
	ensureNode24(): string;
	ensureCodeServer(node24: string): string;
	freePort(): Promise<number>;
	profileDirs(root: string): Dirs;
	profileEnv(dirs: Dirs): NodeJS.ProcessEnv;
	installExtension(o: { node24: string; entry: string; dirs: Dirs; vsix: string; env: NodeJS.ProcessEnv }): string;
	startCodeServer(o: { node24: string; entry: string; dirs: Dirs; folder: string; port: number; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Running>;
}

/** $CHROMIUM when set (even if missing: that forces the skip path), else Debian's paths. */
function findChromium(): string | undefined {
	if (process.env.CHROMIUM) return existsSync(process.env.CHROMIUM) ? process.env.CHROMIUM : undefined;
	return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
}

let skipReason: string | undefined;
let tmp: string | undefined;
let server: Running | undefined;
let browser: Browser | undefined;
let page: Page;
let workspace: string;
const timings: Record<string, number> = {};
let step = 0;

async function shot(name: string): Promise<string> {
	const path = join(ARTIFACTS, `${String(++step).padStart(2, '0')}-${name}.png`);
	await page.screenshot({ path });
	return path;
}

/** Wraps a step: skip when set-up was impossible, screenshot the page when the step fails. */
function scenario(name: string, fn: () => Promise<void>) {
	test(name, { timeout: 3 * TIMEOUT }, async (t: TestContext) => {
		if (skipReason) { t.skip(skipReason); return; }
		const started = Date.now();
		try {
			await fn();
		} catch (e) {
			if (page) await page.screenshot({ path: join(ARTIFACTS, `failure-${name.replace(/[^a-z0-9]+/gi, '-')}.png`) }).catch(() => undefined);
			throw e;
		} finally {
			timings[name] = Date.now() - started;
		}
	});
}

/** The editor line that contains `text` (a locator). */
const line = (text: string) => page.locator('.monaco-editor .view-lines .view-line', { hasText: text }).first();
/** The token span whose whole text is `text` on the line containing `lineText`. */
const token = (lineText: string, text: string) => line(lineText).locator('span > span', { hasText: new RegExp(`^${text}$`) }).first();
/** Editor group `n` (0-based, left to right). */
const group = (n: number) => page.locator('.editor-group-container').nth(n);
/** A line of the editor in group `n` that contains `text`. */
const groupLine = (n: number, text: string) => group(n).locator('.monaco-editor .view-lines .view-line', { hasText: text }).first();
/** The domain map webview's document (code-server nests it in two iframes). */
const mapFrame = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

/** Runs a command through the command palette (F1), by its title. */
async function runCommand(title: string): Promise<void> {
	await page.keyboard.press('F1');
	const input = page.locator('.quick-input-widget input');
	await input.waitFor();
	await input.fill(`>${title}`);
	await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
	await page.keyboard.press('Enter');
}

describe('QM Quadlet in the VS Code workbench (code-server + chromium)', { timeout: 15 * 60_000 }, () => {
	before(async () => {
		const chromiumPath = findChromium();
		if (!chromiumPath) {
			skipReason = `chromium not found (${process.env.CHROMIUM ? `CHROMIUM=${process.env.CHROMIUM}` : '/usr/bin/chromium'}): install it with \`apt-get install -y chromium\` or set CHROMIUM=/path/to/chromium`;
			console.log(`# SKIP browser tests: ${skipReason}`);
			return;
		}
		const lib = (await import(pathToFileURL(resolve(REPO, 'scripts', 'lib', 'code-server.mjs')).href)) as CodeServerLib;
		let node24: string;
		let entry: string;
		try {
			const t = Date.now();
			node24 = lib.ensureNode24();
			entry = lib.ensureCodeServer(node24);
			timings['ensure node 24 + code-server'] = Date.now() - t;
		} catch (e) {
			skipReason = `code-server could not be installed from the npm registry: ${(e as Error).message}`;
			console.log(`# SKIP browser tests: ${skipReason}`);
			return;
		}
		assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package (npm run test:browser does)`);

		rmSync(ARTIFACTS, { recursive: true, force: true });
		mkdirSync(ARTIFACTS, { recursive: true });
		tmp = mkdtempSync(join(tmpdir(), 'qmq-browser-'));
		// A copy of examples/: the quick-fix step edits a file.
		workspace = join(tmp, 'examples');
		cpSync(resolve(REPO, 'examples'), workspace, { recursive: true });
		const dirs = lib.profileDirs(join(tmp, 'profile'));
		const env = lib.profileEnv(dirs);

		let t = Date.now();
		lib.installExtension({ node24, entry, dirs, vsix: VSIX, env });
		timings['install .vsix'] = Date.now() - t;

		server = await lib.startCodeServer({ node24, entry, dirs, folder: workspace, port: await lib.freePort(), env, timeoutMs: TIMEOUT });
		timings['code-server start'] = server.startupMs;

		const { chromium } = await import('playwright-core');
		t = Date.now();
		browser = await chromium.launch({
			executablePath: chromiumPath,
			headless: true,
			env: env as Record<string, string>,
			timeout: TIMEOUT,
			args: [
				'--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic',
				'--disable-background-networking', '--disable-component-update', '--disable-sync',
				'--disable-default-apps', '--disable-extensions', '--metrics-recording-only', '--mute-audio',
				// Loopback only: every other host name fails to resolve.
				'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
			],
		});
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
		page = await context.newPage();
		page.setDefaultTimeout(TIMEOUT);
		timings['chromium launch'] = Date.now() - t;
	});

	after(async () => {
		await browser?.close().catch(() => undefined);
		await server?.stop().catch(() => undefined);
		if (!skipReason && existsSync(ARTIFACTS)) writeFileSync(join(ARTIFACTS, 'timings.json'), `${JSON.stringify(timings, null, '\t')}\n`);
		if (tmp) rmSync(tmp, { recursive: true, force: true });
		if (!skipReason) console.log(`# browser timings (ms): ${JSON.stringify(timings)}`);
	});

	scenario('the workbench loads with the examples workspace', async () => {
		const t = Date.now();
		await page.goto(`${server!.url}/?folder=${encodeURIComponent(workspace)}`);
		await page.locator('.monaco-workbench').waitFor();
		await page.locator('.explorer-viewlet .monaco-list-row').first().waitFor();
		timings['workbench visible'] = Date.now() - t;
		await shot('workbench');
	});

	scenario(`opening ${FILE} shows squiggles from the language server`, async () => {
		await page.locator('.part.editor').click();
		await page.keyboard.press('Control+P');
		await page.locator('.quick-input-widget input').waitFor();
		await page.keyboard.type(FILE);
		await page.locator('.quick-input-widget .monaco-list-row', { hasText: FILE }).first().waitFor();
		await page.keyboard.press('Enter');
		await page.locator('.tab.active', { hasText: FILE }).waitFor();
		const t = Date.now();
		await page.locator('.monaco-editor .squiggly-error').first().waitFor();
		timings['file open → first squiggle'] = Date.now() - t;
		await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
		// The grammar is active too: the typo key carries the unknown-key scope's colour, the
		// status bar names our language.
		await page.locator('.statusbar-item', { hasText: 'Podman Quadlet' }).first().waitFor();
		await shot('diagnostics');
	});

	scenario('the Problems panel lists the findings with their rule ids', async () => {
		await page.keyboard.press('Control+Shift+M');
		const rows = page.locator('.markers-panel .monaco-list-row');
		await rows.filter({ hasText: 'quadlet/unknown-key' }).first().waitFor();
		const texts = await rows.allTextContents();
		assert.ok(texts.some((r) => r.includes('quadlet/unknown-key') && r.includes('"Imag"')), texts.join('\n'));
		assert.ok(texts.some((r) => r.includes('quadlet/invalid-value') && r.includes('ReadOnly=maybe')), texts.join('\n'));
		await shot('problems-panel');
		await page.keyboard.press('Control+Shift+M');
	});

	scenario('Ctrl+Space lists the keys of the section', async () => {
		await line('SecurityLabelType=').click();
		await page.keyboard.press('End');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Control+Space');
		const rows = page.locator('.suggest-widget.visible .monaco-list-row');
		await rows.first().waitFor();
		const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
		assert.ok(labels.length >= 5, `only ${labels.length} suggestions: ${labels.join(', ')}`);
		assert.ok(labels.some((l) => /^(AddCapability|AddDevice|AddHost|Annotation|AppArmor|AutoUpdate)\b/.test(l)), `no [Container] key among: ${labels.join(' | ')}`);
		await shot('completion');
		await page.keyboard.press('Escape');
		await page.keyboard.press('Control+Z');
	});

	scenario('hovering a key shows its documentation', async () => {
		await token('ReadOnly=', 'ReadOnly').hover();
		const hover = page.locator('.monaco-hover:visible', { hasText: 'ReadOnly=' }).first();
		await hover.waitFor();
		assert.match((await hover.textContent()) ?? '', /read-only/i);
		await shot('hover');
		await page.mouse.move(5, 5);
		await page.keyboard.press('Escape');
	});

	scenario('the quick fix (Ctrl+.) changes the typo to the known key', async () => {
		await token('Imag=', 'Imag').click();
		await page.keyboard.press('Control+.');
		const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to "Image"' }).first();
		await item.waitFor();
		await shot('quick-fix-menu');
		await item.click();
		await line('Image=registry.example.com/qm/radio').waitFor();
		// The unknown-key finding (and the missing-image error it caused) are gone; the bad boolean
		// is still reported.
		await page.keyboard.press('Control+Shift+M');
		const rows = page.locator('.markers-panel .monaco-list-row');
		await rows.filter({ hasText: 'quadlet/invalid-value' }).first().waitFor();
		await page.waitForFunction(
			"![...document.querySelectorAll('.markers-panel .monaco-list-row')].some((r) => /quadlet\\/(unknown-key|missing-required-key)/.test(r.textContent || ''))",
			undefined, { timeout: TIMEOUT });
		await shot('quick-fix-applied');
	});

	scenario('the status bar shows the QM domain and the target podman', async () => {
		await page.locator('.tab.active', { hasText: FILE }).waitFor();
		const item = page.locator('.statusbar-item', { hasText: 'QM · podman latest' }).first();
		await item.waitFor();
		await item.hover();
		await page.locator('.monaco-hover, .hover-contents, [role="tooltip"]', { hasText: '/etc/qm' }).first().waitFor();
		await shot('status-bar-domain');
		await page.mouse.move(5, 5);
	});

	scenario('the generated unit preview opens beside the editor and follows edits', async () => {
		// Give the editor the room: the Problems panel is still open from the last step.
		await runCommand('View: Hide Panel');
		await line('SecurityLabelType=').click();
		await runCommand('QM Quadlet: Open Generated Unit Preview');
		const tab = group(1).locator('.tab', { hasText: 'broken.container (generated).service' });
		await tab.waitFor();
		// The source keeps its place (and the focus) in the first group.
		await group(0).locator('.tab.active', { hasText: FILE }).waitFor();
		await groupLine(1, "Generated by QM Quadlet's translator").waitFor();
		await groupLine(1, '[Service]').waitFor();
		// Highlighted as a systemd unit: the section header is a token of its own.
		await groupLine(1, '[Service]').locator('span > span', { hasText: /^Service$/ }).first().waitFor();
		await group(1).locator('.monaco-editor').click();
		await page.keyboard.press('Control+End');
		await groupLine(1, 'ExecStart=/usr/bin/podman run --name systemd-%N').waitFor();
		await page.locator('.statusbar-item', { hasText: 'systemd unit' }).first().waitFor();
		await shot('preview');

		// An unsaved edit of the source shows up in the preview (debounced re-request).
		await line('SecurityLabelType=').click();
		await page.keyboard.press('End');
		await page.keyboard.press('Enter');
		await page.keyboard.type('Environment=QMQ_PREVIEW=live');
		await page.keyboard.press('Escape');
		await group(1).locator('.monaco-editor').click();
		await page.keyboard.press('Control+End');
		await groupLine(1, '--env QMQ_PREVIEW=live').waitFor();
		// Monaco renders spaces as U+00A0.
		const execStart = ((await groupLine(1, 'ExecStart=').textContent()) ?? '').replace(/\s/g, ' ');
		assert.match(execStart, /^ExecStart=\/usr\/bin\/podman run .* --env QMQ_PREVIEW=live .*registry\.example\.com\/qm\/radio:1\.0$/);
		await shot('preview-after-edit');
	});

	scenario('the domain map webview opens and draws the units', async () => {
		await groupLine(0, 'SecurityLabelType=').click();
		await runCommand('QM Quadlet: Show Domain Map');
		await page.locator('.tab', { hasText: 'QM Domain Map' }).first().waitFor();
		const map = mapFrame();
		for (const label of ['broken.container', 'telemetry.socket', 'telemetry-client.container', 'qm.container']) {
			await map.locator('svg .node .node-label', { hasText: new RegExp(`^${label.replace(/\./g, '\\.')}$`) }).first().waitFor();
		}
		await map.locator('#status', { hasText: 'Click a unit to open it.' }).waitFor();
		assert.ok(await map.locator('svg .edge.bridge').count() >= 1, 'the /run/ipc bridge edges are drawn in green');
		await shot('domain-map');

		// Clicking a unit opens it (the extension validates the message before opening).
		await map.locator('svg .node', { hasText: 'telemetry.socket' }).first().click();
		await page.locator('.tab.active', { hasText: 'telemetry.socket' }).waitFor();
		await line('ListenStream=').waitFor();
		await shot('domain-map-open-unit');
	});

	scenario('Show Rule Documentation opens the chosen rule as a markdown preview', async () => {
		await runCommand('QM Quadlet: Show Rule Documentation');
		const input = page.locator('.quick-input-widget input');
		await input.waitFor();
		await page.locator('.quick-input-widget .monaco-list-row').first().waitFor();
		await input.fill('quadlet/unknown-key');
		await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'quadlet/unknown-key' }).first().waitFor();
		await page.keyboard.press('Enter');
		await page.locator('.tab', { hasText: 'unknown-key.md' }).first().waitFor();
		// The markdown preview is another webview: find the frame that renders the rule page.
		const deadline = Date.now() + TIMEOUT;
		let found = false;
		while (!found && Date.now() < deadline) {
			for (const f of page.frames()) {
				if (await f.locator('h2', { hasText: 'Why' }).count().catch(() => 0)) { found = true; break; }
			}
			if (!found) await page.waitForTimeout(250);
		}
		assert.ok(found, 'no markdown preview shows the rule page');
		await shot('rule-documentation');
	});
});

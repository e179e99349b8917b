import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createLanguageService } from '../../server/src/service/index';
import { REPO } from '../helpers/paths';

// examples/ is the workspace `npm start` opens: a QM system at its install paths. Every unit
// lints clean except broken.container, whose findings the browser and e2e tests rely on.
const EXAMPLES = resolve(REPO, 'examples');
const BROKEN = '/etc/qm/containers/systemd/broken.container';

function unitFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? unitFiles(p) : n.endsWith('.md') ? [] : [p];
	});
}

function service() {
	const s = createLanguageService();
	const paths: string[] = [];
	for (const f of unitFiles(EXAMPLES)) {
		const installPath = `/${relative(EXAMPLES, f)}`;
		s.workspace.set(installPath, readFileSync(f, 'utf8'));
		paths.push(installPath);
	}
	return { s, paths };
}

test('every example unit except broken.container has zero diagnostics', () => {
	const { s, paths } = service();
	assert.ok(paths.length >= 8, `only ${paths.length} example units`);
	const problems = paths.filter((p) => p !== BROKEN).flatMap((p) => {
		const text = s.workspace.get(p)!.text;
		return s.doValidation(p).map((d) => `${p}: ${d.severity} ${d.code} at ${JSON.stringify(text.slice(d.start, d.end))}: ${d.message}`);
	});
	assert.deepEqual(problems, []);
});

test('broken.container shows the typo key (with a "Change to" fix) and the bad boolean', () => {
	const { s } = service();
	const text = s.workspace.get(BROKEN)!.text;
	const diags = s.doValidation(BROKEN);
	const typo = diags.find((d) => d.code === 'quadlet/unknown-key');
	assert.ok(typo, diags.map((d) => d.code).join(', '));
	assert.equal(text.slice(typo.start, typo.end), 'Imag');
	assert.ok(typo.fixes?.some((f) => f.title === 'Change to "Image"'));
	const bool = diags.find((d) => d.code === 'quadlet/invalid-value');
	assert.ok(bool);
	assert.equal(text.slice(bool.start, bool.end), 'maybe');
	assert.ok(s.doHover(BROKEN, text.indexOf('ReadOnly') + 1)?.markdown.includes('ReadOnly='));
});

test('the CLI agrees: node dist/cli.js lint examples reports only broken.container', { skip: existsSync(resolve(REPO, 'dist', 'cli.js')) ? false : 'dist/cli.js not built' }, () => {
	let out = '';
	try {
		out = execFileSync(process.execPath, [resolve(REPO, 'dist', 'cli.js'), 'lint', '--format', 'json', 'examples'], { cwd: REPO, encoding: 'utf8' });
	} catch (e) {
		out = (e as { stdout: string }).stdout; // exit 1: errors found (in broken.container)
	}
	const report = JSON.parse(out) as { files: { path: string; diagnostics: { code: string }[] }[] };
	const dirty = report.files.filter((f) => f.diagnostics.length).map((f) => f.path.replace(/\\/g, '/'));
	assert.deepEqual(dirty, ['examples/etc/qm/containers/systemd/broken.container']);
	assert.ok(report.files.length >= 8);
});

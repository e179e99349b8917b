// Bundles the three entry points into dist/ with esbuild (one file each, no node_modules at run time).
// First it validates every data file under schemas/ with its zod schema: the bundles trust the
// data they embed (so the CLI need not load zod), which makes this check the gate.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, readFileSync, appendFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', legalComments: 'none' };

const scratch = mkdtempSync(join(tmpdir(), 'qmq-validate-'));
try {
	const out = join(scratch, 'data-files.cjs');
	await build({ ...common, sourcemap: false, entryPoints: ['server/src/service/data-files.ts'], outfile: out });
	const problems = createRequire(import.meta.url)(out).validateDataFiles();
	if (problems.length) {
		console.error(`bundle: ${problems.length} data file(s) break their schema:\n${problems.join('\n')}`);
		process.exit(1);
	}
} finally {
	rmSync(scratch, { recursive: true, force: true });
}

// The CLI prints findings, never hover text: its copy of the catalog leaves out the markdown
// `doc` fields (a third of the embedded data), so every run reads and loads less.
const withoutDocs = {
	name: 'catalog-without-docs',
	setup(b) {
		b.onLoad({ filter: /[\\/]schemas[\\/](quadlet|systemd)[\\/][^\\/]+\.json$/ }, (args) => {
			const data = JSON.parse(readFileSync(args.path, 'utf8'));
			const strip = (o) => { if (o && typeof o === 'object') { delete o.doc; for (const v of Object.values(o)) strip(v); } };
			strip(data);
			return { contents: JSON.stringify(data), loader: 'json' };
		});
	},
};

await Promise.all([
	build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', minify: true }),
	build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli-main.js', minify: true, metafile: true, plugins: [withoutDocs] }).then((r) => {
		// The CLI's start-up is part of its speed: keep zod (validation happens above) out of it.
		const zod = Object.keys(r.metafile.inputs).filter((f) => f.includes('node_modules/zod/'));
		if (zod.length) { console.error(`bundle: dist/cli-main.js pulls in zod (${zod[0]} …); import only types from *-schema.ts on the lint path`); process.exit(1); }
		// cli-entry.ts reads the bundle as latin1 (no UTF-8 decoding, a one-byte string for V8).
		const bad = readFileSync('dist/cli-main.js').findIndex((b) => b > 0x7f);
		if (bad >= 0) { console.error(`bundle: dist/cli-main.js has a non-ASCII byte at offset ${bad}; write it as a \\u escape in the source`); process.exit(1); }
		// The stamp names the code cache that belongs to this exact bundle (see cli-entry.ts).
		appendFileSync('dist/cli-main.js', `\n//# qmq-build=${createHash('sha256').update(readFileSync('dist/cli-main.js')).digest('hex').slice(0, 16)}\n`);
	}),
	build({ ...common, entryPoints: ['server/src/cli-entry.ts'], outfile: 'dist/cli.js', minify: true }),
	build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], minify: true }),
]);

// A V8 code cache for the CLI, warmed by linting the example workspace (cli-entry.ts reads it).
for (const f of readdirSync('dist')) if (/^cli-main\.[0-9a-f]+\.cache$/.test(f)) rmSync(join('dist', f));
try {
	execFileSync(process.execPath, ['dist/cli.js', 'lint', '--format', 'json', 'examples'], { env: { ...process.env, QM_QUADLET_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' });
} catch (e) {
	if (e.status !== 1) throw e; // 1: the examples hold a deliberately broken unit
}

// Bundles the three entry points into dist/ with esbuild (one file each, no node_modules at run time).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await Promise.all([
	build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', minify: true }),
	build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', minify: true }),
	build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], minify: true }),
]);

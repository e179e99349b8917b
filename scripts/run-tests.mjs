// Runs every out/test/**/*.test.js with node's test runner (Node 20 has no glob support, and a
// bare directory would also execute helper modules that live under test/).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['out/test'];
const files = [];
const walk = (d) => {
	for (const n of readdirSync(d)) {
		const p = join(d, n);
		if (statSync(p).isDirectory()) walk(p);
		else if (n.endsWith('.test.js')) files.push(p);
	}
};
roots.forEach((r) => (statSync(r).isDirectory() ? walk(r) : files.push(r)));
files.sort();
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);

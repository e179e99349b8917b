// The floor the CLI is compared with: walk the tree, read every file and split it into lines
// (`read`), or additionally parse every file with the `ini` package (`ini`). Same walk as a
// linter needs; nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ini from 'ini';

const [mode, root] = process.argv.slice(2);
if ((mode !== 'read' && mode !== 'ini') || !root) {
	console.error('usage: node bench/floor.mjs read|ini <dir>');
	process.exit(2);
}
let files = 0;
let lines = 0;
let keys = 0;
const walk = (dir) => {
	for (const d of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, d.name);
		if (d.isDirectory()) { walk(p); continue; }
		const text = readFileSync(p, 'utf8');
		files++;
		lines += text.split('\n').length;
		if (mode === 'ini') {
			const o = ini.parse(text);
			for (const s of Object.values(o)) if (s && typeof s === 'object') keys += Object.keys(s).length;
		}
	}
};
walk(root);
process.stdout.write(JSON.stringify({ files, lines, keys }) + '\n');

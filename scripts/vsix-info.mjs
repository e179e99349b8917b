// Prints the contents and size of a .vsix and fails when it holds anything outside the allow-list
// (.vscodeignore): a dev file in the package is a packaging bug.
import { statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const file = process.argv[2] ?? 'qm-quadlet.vsix';
const ALLOWED = [
	/^extension\.vsixmanifest$/, /^\[Content_Types\]\.xml$/,
	/^extension\/package\.json$/, /^extension\/readme\.md$/i, /^extension\/(LICENSE|license)(\.txt)?$/,
	/^extension\/dist\/(extension|server)\.js$/,
	/^extension\/syntaxes\/[^/]+\.json$/, /^extension\/snippets\/[^/]+\.code-snippets$/,
	/^extension\/media\/[^/]+\.(js|css)$/,
];

// A .vsix is a zip; read its central directory with unzip when available, else with node.
let names;
try {
	names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
	console.log(execFileSync('unzip', ['-l', file], { encoding: 'utf8' }));
} catch {
	names = listZip(file);
	for (const n of names) console.log(`  ${n}`);
}
const size = statSync(file).size;
console.log(`${file}: ${names.length} files, ${(size / 1024).toFixed(1)} KiB (${size} bytes)`);
const unexpected = names.filter((n) => !ALLOWED.some((re) => re.test(n)));
const required = ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/syntaxes/quadlet.tmLanguage.json', 'extension/snippets/quadlet.code-snippets', 'extension/media/domain-map.js', 'extension/media/domain-map.css'];
const missing = required.filter((r) => !names.includes(r));
if (unexpected.length || missing.length) {
	if (unexpected.length) console.error(`unexpected files in ${file}:\n  ${unexpected.join('\n  ')}`);
	if (missing.length) console.error(`missing from ${file}:\n  ${missing.join('\n  ')}`);
	process.exit(1);
}

function listZip(path) {
	const buf = execFileSync('cat', [path], { maxBuffer: 1 << 30 });
	let eocd = buf.length - 22;
	while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
	const count = buf.readUInt16LE(eocd + 10);
	let p = buf.readUInt32LE(eocd + 16);
	const out = [];
	for (let i = 0; i < count; i++) {
		const nameLen = buf.readUInt16LE(p + 28);
		const extra = buf.readUInt16LE(p + 30);
		const comment = buf.readUInt16LE(p + 32);
		out.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
		p += 46 + nameLen + extra + comment;
	}
	return out;
}

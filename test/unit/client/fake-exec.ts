/**
 * Fake executables for the podman tests: small node scripts (shebang = this node binary) that
 * print canned output. Podman is not installed on the test machines, and the tests must show
 * what the extension would pass to it.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes an executable node script at `path` whose body is `body` (plain JavaScript). */
export function writeFakeExecutable(path: string, body: string): string {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, `#!${process.execPath}\n'use strict';\n${body}\n`);
	chmodSync(path, 0o755);
	return path;
}

/** A fake `podman` that answers `--version` and appends every call to `log` (when given). */
export function fakePodman(path: string, version: string, log?: string): string {
	return writeFakeExecutable(path, `
const fs = require('fs');
${log ? `fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');` : ''}
if (process.argv[2] === '--version') { process.stdout.write('podman version ${version}\\n'); process.exit(0); }
process.stderr.write('unexpected arguments\\n');
process.exit(125);
`);
}

export type GeneratorMode = 'ok' | 'refuse' | 'sleep' | 'flood' | 'parse-error';

/**
 * A fake quadlet generator. "ok" prints the dry-run sections podman would print for web.container
 * and db.volume, with what it received (argv, environment, cwd, staged files) as comments;
 * "refuse" prints podman's error for web.container; "sleep" never ends; "flood" prints 2 MiB.
 */
export function fakeGenerator(path: string, mode: GeneratorMode): string {
	return writeFakeExecutable(path, `
const fs = require('fs');
const path = require('path');
const mode = ${JSON.stringify(mode)};
const dirs = (process.env.QUADLET_UNIT_DIRS || '').split(':');
const walk = (d, pre) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name), pre + e.name + '/') : [pre + e.name]);
const log = (m) => process.stderr.write('quadlet-generator[' + process.pid + ']: ' + m + '\\n');
if (mode === 'sleep') { setInterval(() => undefined, 1000); return; }
if (mode === 'flood') { process.stdout.write('x'.repeat(2 * 1024 * 1024)); return; }
log('Loading source unit file ' + dirs[0] + '/web.container');
if (mode === 'refuse') { log('converting "web.container": invalid Group set without User'); log('processing encountered some errors'); process.exit(1); }
if (mode === 'parse-error') { log('error loading "' + dirs[0] + '/web.container", invalid line'); process.exit(1); }
const info = {
	args: process.argv.slice(2),
	env: Object.keys(process.env).sort(),
	envValues: process.env,
	cwd: process.cwd(),
	units: walk(dirs[0], '').sort(),
	refs: walk(dirs[1], '').sort(),
	unitText: fs.readFileSync(path.join(dirs[0], 'web.container'), 'utf8'),
};
process.stdout.write('---web.service---\\n# INFO ' + JSON.stringify(info) + '\\n[Unit]\\nSourcePath=' + dirs[0] + '/web.container\\n\\n[Service]\\nExecStart=/usr/bin/podman run --name systemd-%N quay.io/a/b:1\\n\\n');
process.stdout.write('---db-volume.service---\\n[Unit]\\nSourcePath=' + dirs[1] + '/db.volume\\n\\n');
`);
}

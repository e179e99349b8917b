import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createLanguageService, type Diagnostic, type LanguageService, type ServiceOptions } from '../../server/src/service/index';
import { FIXTURES } from './paths';

/** Files of a fixture tree as { "/etc/qm/containers/systemd/a.container": text }: the tree folder is "/". */
export function readTree(dir: string): Record<string, string> {
	const root = resolve(FIXTURES, dir);
	const out: Record<string, string> = {};
	const walk = (d: string) => {
		for (const n of readdirSync(d)) {
			const p = join(d, n);
			if (statSync(p).isDirectory()) walk(p);
			else out['/' + relative(root, p).split('\\').join('/')] = readFileSync(p, 'utf8');
		}
	};
	walk(root);
	return out;
}

/** A language service holding every file of a fixture tree (test/fixtures/<dir>). */
export function serviceForTree(dir: string, options: ServiceOptions = {}, extra: Record<string, string> = {}): LanguageService {
	const s = createLanguageService(options);
	for (const [p, text] of Object.entries({ ...readTree(dir), ...extra })) s.workspace.set(p, text);
	return s;
}

/** Diagnostics with one code for one file of a fixture tree. */
export function findingsIn(dir: string, path: string, code: string, options: ServiceOptions = {}): Diagnostic[] {
	return serviceForTree(dir, options).doValidation(path).filter((d) => d.code === code);
}

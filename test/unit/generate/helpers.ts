import { PODMAN_ARGS, splitWords } from '../../../server/src/service/catalog/value-types/words';
import { generateUnit, type GeneratedUnit, type GenerateOptions } from '../../../server/src/service/generate/index';
import { Workspace } from '../../../server/src/service/workspace/workspace';

/** Where the in-memory units live unless a test gives absolute paths. */
export const DIR = '/etc/containers/systemd';

export function workspaceOf(files: Record<string, string>): Workspace {
	const ws = new Workspace();
	for (const [p, text] of Object.entries(files)) ws.set(p.startsWith('/') ? p : `${DIR}/${p}`, text);
	return ws;
}

/** Generates `target` (relative to DIR unless absolute) from an in-memory tree. */
export function gen(files: Record<string, string>, target: string, options: GenerateOptions = {}): GeneratedUnit {
	return generateUnit(workspaceOf(files), target.startsWith('/') ? target : `${DIR}/${target}`, options);
}

/** All values of a generated key, in order. */
export function values(g: GeneratedUnit, group: string, key: string): string[] {
	return g.sections.filter(([name]) => name === group).flatMap(([, lines]) => lines.filter(([k]) => k === key).map(([, v]) => v));
}

/** The words of the last line of an Exec key, read back as systemd/podman read them. */
export function exec(g: GeneratedUnit, key = 'ExecStart'): string[] {
	const v = values(g, 'Service', key);
	if (v.length === 0) return [];
	return splitWords(v[v.length - 1], PODMAN_ARGS).words.map((w) => w.text);
}

/** True when `sub` appears as a contiguous run in `list`. */
export function hasRun(list: readonly string[], ...sub: string[]): boolean {
	for (let i = 0; i + sub.length <= list.length; i++) if (sub.every((w, j) => list[i + j] === w)) return true;
	return false;
}

export const IMG = 'quay.io/fedora/fedora:41';

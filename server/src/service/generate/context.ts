/**
 * What every per-type converter works with: the unit being converted, its merged view and
 * accessors, the service being built, and the options of the run.
 */
import { compareVersions } from '../catalog/catalog';
import type { UnitKind } from '../catalog/catalog-schema';
import type { UnitView } from '../model/unit-view';
import type { Workspace, WorkspaceFile } from '../workspace/workspace';
import type { UnitResolver } from './names';
import type { Reader } from './reader';
import type { ServiceUnit } from './unit-file';

export interface GenerateOptions {
	/** Generate as the user (rootless) generator does; default: root. */
	user?: boolean;
	/** Target podman release, e.g. "5.4"; default: the newest behaviour (main). */
	podmanVersion?: string;
	/** The podman binary written into Exec*= lines (default /usr/bin/podman). */
	podman?: string;
	/**
	 * Whether a host path exists, for AddDevice=-/dev/x (added only when present). Without it
	 * optional devices are kept.
	 */
	hostPathExists?: (path: string) => boolean;
}

/** A reason podman's generator gives for refusing a unit. */
export class GenerateError extends Error {}

export function fail(message: string): never {
	throw new GenerateError(message);
}

export interface GenContext {
	workspace: Workspace;
	file: WorkspaceFile;
	fileName: string;
	/** Directory of the unit file: relative paths are resolved against it. */
	unitDir: string;
	kind: UnitKind;
	view: UnitView;
	/** Accessors of the primary section ([Container], [Pod], …). */
	r: Reader;
	/** Accessors of the source [Service] section. */
	service: Reader;
	out: ServiceUnit;
	resolver: UnitResolver;
	/** The generated service file name, e.g. "web.service". */
	serviceName: string;
	podman: string;
	options: GenerateOptions;
	/** True when the target podman is `version` or older (never for the newest). */
	atMost(version: string): boolean;
	warn(message: string): void;
	/** Whether a referenced unit converts (a refused .network has no name to offer). */
	converts(file: WorkspaceFile): boolean;
}

/**
 * Up to this release Lookup trimmed every surrounding quote; 5.8.2 strips one matched pair. A
 * target of "5.8" is read as its newest patch release.
 */
export const TRIM_ALL_QUOTES_UNTIL = '5.7';

/** `atMost` for a target version string ("5.4", "5.4.2", "unreleased", undefined = newest). */
export function versionAtMost(target: string | undefined, version: string): boolean {
	const m = target ? /^(\d+)\.(\d+)/.exec(target) : null;
	return m !== null && compareVersions(`${m[1]}.${m[2]}`, version) <= 0;
}

/** podman's notion of an absolute path for unit-relative values: `/…` or a leading specifier. */
export function isSelfContained(path: string): boolean {
	return path.startsWith('/') || (path.startsWith('%') && !path.startsWith('%%'));
}

/** Go's filepath.Clean for "/" paths. */
export function cleanPath(path: string): string {
	if (path === '') return '.';
	const rooted = path.startsWith('/');
	const out: string[] = [];
	for (const part of path.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (out.length && out[out.length - 1] !== '..') out.pop();
			else if (!rooted) out.push('..');
			continue;
		}
		out.push(part);
	}
	const joined = out.join('/');
	return rooted ? `/${joined}` : joined || '.';
}

/** A value relative to the unit file's directory, unless it is self-contained. */
export function resolveUnitPath(ctx: GenContext, path: string): string {
	return isSelfContained(path) ? path : cleanPath(`${ctx.unitDir}/${path}`);
}

/** The directory part of a path (Go's filepath.Dir). */
export function dirOf(path: string): string {
	const i = path.lastIndexOf('/');
	if (i < 0) return '.';
	return i === 0 ? '/' : cleanPath(path.slice(0, i));
}

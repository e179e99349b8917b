/**
 * The deny/caution tables for mount sources (qm-rules §4.1, §4.2) as data:
 * `schemas/qm/volume-sources.json`, validated with zod at build time and in the tests (volume-sources-schema.ts). Patterns are matched
 * against the *expanded* source; `${ROOTFS}`/`${RWETCFS}`/`${RWVARFS}` stand for the partition's
 * prefixes and are substituted per model (see `compileVolumeSources`).
 */
import type { VolumeSources } from './volume-sources-schema';
import raw from '../../../../schemas/qm/volume-sources.json';
import type { QmPrefixes } from './domain';

export type { VolumeSourceRow, VolumeSources, VolumeTableDomain } from './volume-sources-schema';

let cached: VolumeSources | undefined;

/** The data (validated when the bundle is built). */
export function getVolumeSources(): VolumeSources {
	if (!cached) cached = raw as VolumeSources;
	return cached;
}

/** A compiled path pattern. */
export type PathPattern = (path: string) => boolean;

/** Replaces `${ROOTFS}`/`${RWETCFS}`/`${RWVARFS}` with the partition's prefixes. */
export function substitutePrefixes(text: string, prefixes: QmPrefixes): string {
	return text
		.replace(/\$\{ROOTFS\}/g, prefixes.rootfs)
		.replace(/\$\{RWETCFS\}/g, prefixes.rwetcfs)
		.replace(/\$\{RWVARFS\}/g, prefixes.rwvarfs);
}

/** `'/a/*'`, `'/a/**'`, `'/dev/sd*'` → matcher on normalised paths. */
export function compilePattern(pattern: string, prefixes: QmPrefixes): PathPattern {
	let p = substitutePrefixes(pattern, prefixes);
	let below = false;
	if (p.endsWith('/**')) { below = true; p = p.slice(0, -3); }
	const body = p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
	const re = new RegExp(`^${body}${below ? '(/.*)?' : ''}$`);
	return (path) => re.test(path);
}

export function compilePatterns(patterns: readonly string[], prefixes: QmPrefixes): PathPattern {
	const list = patterns.map((p) => compilePattern(p, prefixes));
	return (path) => list.some((m) => m(path));
}

import { show, whole, type ValueChecker } from './problem';

/**
 * go-units `RAMInBytes`, which podman uses for memory and shm sizes: a number, an optional
 * space, then an optional unit letter with optional `i` and `b` (`512m`, `1.5g`, `2GiB`).
 */
const PODMAN_SIZE = /^\d+(?:\.\d+)? ?[kKmMgGtTpP]?[iI]?[bB]?$/;

export function isPodmanSize(text: string): boolean {
	return PODMAN_SIZE.test(text);
}

/** `size`: podman memory-style sizes, binary multiples. */
export const checkSize: ValueChecker = (value, _spec, key) => {
	if (value === '' || isPodmanSize(value)) return [];
	const spaced = /^(\d+(?:\.\d+)?)\s+([kKmMgGtTpP]?[iI]?[bB]?)$/.exec(value);
	const fix = spaced ? `${spaced[1]}${spaced[2]}` : undefined;
	const hint = fix !== undefined ? ` Did you mean ${fix}?` : '';
	return [whole('warning', value,
		`${show(key, value)} is not a size podman accepts. Write a number with an optional unit b, k, m, g, t or p, e.g. 512m or 2g.${hint}`,
		fix)];
};

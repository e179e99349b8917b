import { problem, show, whole, type ValueChecker } from './problem';

/**
 * `[FLAGS]CONTAINER_ID:[@]HOST_ID[:AMOUNT]` as podman's `--uidmap`/`--gidmap` take it. Flags:
 * `u`/`g` limit the mapping to UIDs or GIDs, `+` extends earlier mappings; `@` names a host ID in
 * the parent namespace. AMOUNT defaults to 1.
 */
const IDMAP = /^([ug+]*)(\d+):(@?)(\d+)(?::(\d+))?$/;
const MAX_ID = 4294967295;

/** Remap* keys take a single ID when RemapUsers=keep-id. */
function acceptsBareId(key: string): boolean {
	return key.startsWith('Remap');
}

/** `idmap`: one mapping (the accessor has already split the words). */
export const checkIdmap: ValueChecker = (value, _spec, key) => {
	if (value === '') return [];
	if (acceptsBareId(key) && /^\d+$/.test(value)) return [];
	const m = IDMAP.exec(value);
	if (!m) {
		const spaced = /^(\d+)\s+(\d+)\s+(\d+)$/.exec(value);
		const fix = spaced ? `${spaced[1]}:${spaced[2]}:${spaced[3]}` : undefined;
		return [whole('warning', value,
			`${show(key, value)} is not an ID mapping; podman will reject it. Write CONTAINER_ID:HOST_ID[:AMOUNT], e.g. 0:100000:65536.`, fix)];
	}
	const flags = m[1] ?? '';
	if (flags.includes('u') && flags.includes('g')) {
		return [problem('warning', 0, flags.length, `${show(key, value)}: the u and g flags exclude each other; use one of them.`)];
	}
	const numbers = [m[2], m[4], m[5]].filter((n): n is string => n !== undefined).map(Number);
	if (numbers.some((n) => n > MAX_ID)) {
		return [whole('warning', value, `${show(key, value)}: IDs and amounts must fit in 32 bits (at most ${MAX_ID}).`)];
	}
	if (m[5] !== undefined && Number(m[5]) === 0) {
		return [problem('warning', value.length - m[5].length, value.length, `${show(key, value)}: an amount of 0 maps nothing; write 1 or more.`)];
	}
	return [];
};

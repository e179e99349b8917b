import type { KeySpec } from '../catalog-schema';
import { firstExpansion } from './expansion';
import { show, whole, type ValueChecker, type ValueProblem } from './problem';
import { findKeyword } from './spec-values';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const UINT32_MAX = 2n ** 32n - 1n;

/**
 * Go's `strconv.ParseInt(s, 0, 64)`, which is what podman's integer flags use: a sign, then
 * decimal, `0x`, `0o`, `0b` or a leading-zero octal, with `_` allowed between digits.
 */
export function parseGoInteger(text: string): bigint | undefined {
	const m = /^([+-]?)(0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/.exec(text);
	if (!m) return undefined;
	const digits = (m[2] ?? '0').replace(/_/g, '');
	const magnitude = /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
	return m[1] === '-' ? -magnitude : magnitude;
}

function boundsProblem(value: string, key: string, n: bigint, spec: KeySpec): ValueProblem | undefined {
	const below = spec.min !== undefined && n < BigInt(Math.ceil(spec.min));
	const above = spec.max !== undefined && n > BigInt(Math.floor(spec.max));
	if (!below && !above) return undefined;
	const range = spec.min !== undefined && spec.max !== undefined
		? `between ${spec.min} and ${spec.max}`
		: spec.min !== undefined ? `at least ${spec.min}` : `at most ${spec.max}`;
	return whole('warning', value, `${show(key, value)} is out of range; ${key}= must be ${range}.`);
}

/** "10s" on a key that takes a plain count of seconds: offer the number. */
function unitSuffixFix(value: string): string | undefined {
	const m = /^(\d+)\s*(?:s|sec|secs|seconds?)$/i.exec(value);
	return m ? m[1] : undefined;
}

function checkInteger(value: string, spec: KeySpec, key: string, unsigned: boolean): ValueProblem[] {
	if (findKeyword(value, spec) !== undefined) return [];
	const n = parseGoInteger(value);
	if (n === undefined) {
		const fix = unitSuffixFix(value);
		const hint = fix !== undefined ? ` Did you mean ${fix}?` : '';
		const kind = unsigned ? 'a whole number (0 or more)' : 'a whole number';
		return [whole('warning', value, `${show(key, value)} is not ${kind}; podman will reject it. Write digits only.${hint}`, fix)];
	}
	if (unsigned && n < 0n) {
		return [whole('warning', value, `${show(key, value)}: ${key}= cannot be negative; podman will reject it.`)];
	}
	if (n < INT64_MIN || n > (unsigned ? UINT64_MAX : INT64_MAX)) {
		return [whole('warning', value, `${show(key, value)} is too large for podman to read.`)];
	}
	const bounds = boundsProblem(value, key, n, spec);
	return bounds ? [bounds] : [];
}

/** `int`: podman flag parsed with `strconv.ParseInt(s, 0, 64)`. */
export const checkInt: ValueChecker = (value, spec, key) => checkInteger(value, spec, key, false);

/** `uint`: podman flag parsed with `strconv.ParseUint(s, 0, 64)`. */
export const checkUint: ValueChecker = (value, spec, key) => checkInteger(value, spec, key, true);

/**
 * Quadlet's own strtol imitation (`convertNumber`): optional sign, `0x` hex, leading `0` octal,
 * otherwise decimal. Returns undefined where quadlet fails and falls back to the default.
 */
export function parseQuadletNumber(text: string): { value: bigint; octal: boolean } | undefined {
	let rest = text;
	let negative = false;
	if (rest.startsWith('+')) rest = rest.slice(1);
	else if (rest.startsWith('-')) {
		rest = rest.slice(1);
		negative = true;
	}
	let value: bigint;
	let octal = false;
	if (/^0[xX]/.test(rest)) {
		if (!/^[0-9a-fA-F]+$/.test(rest.slice(2))) return undefined;
		value = BigInt(`0x${rest.slice(2)}`);
	} else if (rest.startsWith('0')) {
		if (!/^[0-7]+$/.test(rest)) return undefined;
		value = BigInt(`0o${rest}`);
		octal = rest.length > 1;
	} else {
		if (!/^[0-9]+$/.test(rest)) return undefined;
		value = BigInt(rest);
	}
	// Quadlet multiplies negatives by -11 (a typo for -1); either way they end up rejected.
	return { value: negative ? -value : value, octal };
}

const UID_KEYS = new Set(['User', 'Group']);

/**
 * `uint32`. With quadlet's `LookupUint32` a value it cannot read silently becomes 0, which for
 * `[Volume] User=`/`Group=` means root: worth a loud warning.
 */
export const checkUint32: ValueChecker = (value, spec, key) => {
	if (spec.lookup !== 'LookupUint32' && spec.lookup !== 'LookupInt') {
		if (firstExpansion(value)) return [];
		const n = parseGoInteger(value);
		if (n !== undefined && n >= 0n && n <= UINT32_MAX) {
			const bounds = boundsProblem(value, key, n, spec);
			return bounds ? [bounds] : [];
		}
		return [whole('warning', value, `${show(key, value)} is not a whole number between 0 and 4294967295.`)];
	}
	const zero = UID_KEYS.has(key) ? '0 (root)' : '0';
	const parsed = parseQuadletNumber(value);
	if (parsed === undefined) {
		const expansion = firstExpansion(value);
		const why = expansion
			? `quadlet reads this number itself, before systemd would expand ${expansion.token}`
			: 'quadlet cannot read it as a number';
		const idHint = UID_KEYS.has(key) ? ` Write the numeric ${key === 'User' ? 'UID (see `id -u NAME`)' : 'GID (see `getent group NAME`)'}.` : ' Write digits only.';
		return [whole('warning', value, `${show(key, value)}: ${why}, so it silently uses ${zero} instead.${idHint}`)];
	}
	if (parsed.value < 0n || parsed.value > UINT32_MAX) {
		return [whole('warning', value, `${show(key, value)} is outside 0..4294967295, so quadlet silently uses ${zero} instead.`)];
	}
	if (parsed.octal) {
		return [whole('information', value,
			`${show(key, value)}: the leading 0 makes quadlet read this as octal, i.e. ${parsed.value}. Remove the leading zeros if you meant decimal.`)];
	}
	const bounds = boundsProblem(value, key, parsed.value, spec);
	return bounds ? [bounds] : [];
};

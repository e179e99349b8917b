import type { KeySpec } from '../catalog-schema';
import { hasExpansion } from './expansion';
import { problem, show, whole, type ValueChecker, type ValueProblem } from './problem';
import { findKeyword } from './spec-values';

/**
 * systemd ignores an assignment it cannot parse (it logs "Failed to parse ..., ignoring") and
 * keeps the previous or default value, so these are warnings: the unit loads, but not as written.
 */
const IGNORED = 'systemd ignores this line and keeps the default';

/** Units of systemd's `parse_time`; case matters (`m` is minutes, `M` months). */
const TIME_UNITS = new Set([
	'usec', 'us', 'μs', 'µs', 'msec', 'ms', 'seconds', 'second', 'sec', 's', 'minutes', 'minute', 'min', 'm',
	'hours', 'hour', 'hr', 'h', 'days', 'day', 'd', 'weeks', 'week', 'w', 'months', 'month', 'M',
	'years', 'year', 'y',
]);

/** Splits `1h 30min`, `1.5s`, `90` into number/unit pairs; undefined if the text is not of that shape. */
function timeComponents(text: string): Array<{ number: string; unit: string }> | undefined {
	const part = /\s*(\d+(?:\.\d*)?|\.\d+)\s*([^\d\s.]*)/y;
	const out: Array<{ number: string; unit: string }> = [];
	let at = 0;
	const trimmed = text.trimEnd();
	while (at < trimmed.length) {
		part.lastIndex = at;
		const m = part.exec(trimmed);
		if (!m || part.lastIndex === at) return undefined;
		out.push({ number: m[1] ?? '', unit: m[2] ?? '' });
		at = part.lastIndex;
	}
	return out.length > 0 ? out : undefined;
}

export function isTimespan(text: string): boolean {
	if (text === 'infinity') return true;
	const parts = timeComponents(text);
	return parts !== undefined && parts.every((p) => p.unit === '' || TIME_UNITS.has(p.unit));
}

/** `sd-timespan`: `90`, `5min 20s`, `1.5h`, `infinity`. */
export const checkTimespan: ValueChecker = (value, spec, key) => {
	if (value === '' || hasExpansion(value) || findKeyword(value, spec) !== undefined) return [];
	if (isTimespan(value)) {
		const parts = timeComponents(value) ?? [];
		if (parts.some((p) => p.unit === 'M')) {
			return [whole('warning', value, `${show(key, value)}: in systemd time spans M means months; write min for minutes.`, value.replace(/M\b/g, 'min'))];
		}
		return [];
	}
	const lowered = value.toLowerCase();
	const fix = lowered !== value && isTimespan(lowered) ? lowered : undefined;
	return [whole('warning', value,
		`${show(key, value)} is not a time span systemd understands; ${IGNORED}. Write a number with an optional unit (us, ms, s, min, h, d, w), e.g. 90s or 5min 30s; units are case-sensitive.`,
		fix)];
};

/** systemd's `parse_size` (1024-based): `512M`, `1.5G`, `1G 512M`, plain bytes; suffixes upper case. */
export function isSystemdBytes(text: string): boolean {
	return /^(?:\s*(?:\d+(?:\.\d+)?|\.\d+)\s*[KMGTPEB]?)+\s*$/.test(text);
}

/** `sd-bytes`: sizes, `infinity`, or a percentage of physical memory where the key allows one. */
export const checkBytes: ValueChecker = (value, spec, key) => {
	if (value === '' || hasExpansion(value) || findKeyword(value, spec) !== undefined) return [];
	if (value === 'infinity' || isSystemdBytes(value) || /^\d+(?:\.\d+)?%$/.test(value)) return [];
	const upper = value.replace(/([kmgtpe])(?:i?b)?\b/gi, (_, unit: string) => unit.toUpperCase());
	const fix = isSystemdBytes(upper) ? upper : undefined;
	return [whole('warning', value,
		`${show(key, value)} is not a size systemd understands; ${IGNORED}. Write bytes or a number with K, M, G, T, P or E (upper case, powers of 1024), e.g. 512M.`,
		fix)];
};

function integerIn(value: string, key: string, min: number, max: number, what: string): ValueProblem[] {
	if (value === '' || hasExpansion(value)) return [];
	if (!/^[+-]?\d+$/.test(value)) {
		return [whole('warning', value, `${show(key, value)} is not a whole number; ${IGNORED}. ${what} goes from ${min} to ${max}.`)];
	}
	const n = Number(value);
	if (n < min || n > max) {
		return [whole('warning', value, `${show(key, value)} is out of range; ${IGNORED}. ${what} goes from ${min} to ${max}.`, String(Math.min(max, Math.max(min, n))))];
	}
	return [];
}

/** `sd-nice`: -20 (most favourable) to 19. */
export const checkNice: ValueChecker = (value, _spec, key) => integerIn(value, key, -20, 19, 'A nice level');

/** `sd-oom-score`: -1000 (never killed) to 1000. */
export const checkOomScore: ValueChecker = (value, _spec, key) => integerIn(value, key, -1000, 1000, 'The OOM score adjustment');

const TIME_LIMITS = new Set(['LimitCPU', 'LimitRTTIME']);
const SIZE_LIMITS = new Set(['LimitFSIZE', 'LimitDATA', 'LimitSTACK', 'LimitCORE', 'LimitRSS', 'LimitAS', 'LimitMEMLOCK', 'LimitMSGQUEUE']);

function rlimitPartOk(text: string, key: string): boolean {
	if (text === 'infinity') return true;
	if (TIME_LIMITS.has(key)) return isTimespan(text);
	if (SIZE_LIMITS.has(key)) return isSystemdBytes(text);
	if (key === 'LimitNICE') return /^[+-]?\d+$/.test(text);
	return /^\d+$/.test(text);
}

function rlimitNumber(text: string, key: string): number | undefined {
	if (text === 'infinity') return Infinity;
	return /^\d+$/.test(text) && !TIME_LIMITS.has(key) && key !== 'LimitNICE' ? Number(text) : undefined;
}

/** `sd-rlimit` (Limit*=): `VALUE` or `SOFT:HARD`, each a number (or size/time span) or infinity. */
export const checkRlimit: ValueChecker = (value, _spec, key) => {
	if (value === '' || hasExpansion(value)) return [];
	const parts = value.split(':');
	if (parts.length > 2) return [whole('warning', value, `${show(key, value)}: write one value or SOFT:HARD; ${IGNORED}.`)];
	const out: ValueProblem[] = [];
	let at = 0;
	for (const part of parts) {
		if (!rlimitPartOk(part, key)) {
			out.push(problem('warning', at, at + part.length, `${show(key, value)}: "${part}" is not a valid limit for ${key}=; ${IGNORED}. Write a number or infinity.`));
		}
		at += part.length + 1;
	}
	const [softText, hardText] = parts;
	if (out.length === 0 && softText !== undefined && hardText !== undefined) {
		const soft = rlimitNumber(softText, key);
		const hard = rlimitNumber(hardText, key);
		if (soft !== undefined && hard !== undefined && soft > hard) {
			out.push(whole('warning', value, `${show(key, value)}: the soft limit is above the hard limit; ${IGNORED}.`));
		}
	}
	return out;
};

/** `sd-cpu-set` (CPUAffinity=, AllowedCPUs=): CPU numbers and ranges, split by spaces or commas. */
export const checkCpuSet: ValueChecker = (value, spec, key) => {
	if (value === '' || hasExpansion(value) || findKeyword(value, spec) !== undefined) return [];
	const out: ValueProblem[] = [];
	const item = /[^\s,]+/g;
	for (let m = item.exec(value); m; m = item.exec(value)) {
		const r = /^(\d+)(?:-(\d+))?$/.exec(m[0]);
		const bad = !r ? `"${m[0]}" is not a CPU number or range` : r[2] !== undefined && Number(r[2]) < Number(r[1]) ? `the range ${m[0]} ends before it starts` : undefined;
		if (bad) out.push(problem('warning', m.index, m.index + m[0].length, `${show(key, value)}: ${bad}; ${IGNORED}. Write e.g. 0-3 6.`));
	}
	return out;
};

/** `sd-percent`: `NUMBER%`, bounded by the spec's min/max when given. */
export const checkPercent: ValueChecker = (value, spec, key) => {
	if (value === '' || hasExpansion(value) || findKeyword(value, spec) !== undefined) return [];
	const m = /^(\d+(?:\.\d+)?)%$/.exec(value);
	if (!m) {
		const fix = /^\d+(?:\.\d+)?$/.test(value) ? `${value}%` : undefined;
		return [whole('warning', value, `${show(key, value)} is not a percentage; ${IGNORED}. Write e.g. 50%.`, fix)];
	}
	return outOfBounds(Number(m[1]), value, key, spec, '%');
}

function outOfBounds(n: number, value: string, key: string, spec: KeySpec, unit: string): ValueProblem[] {
	if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
		const range = `${spec.min ?? 0}${unit} to ${spec.max ?? 'any'}${spec.max !== undefined ? unit : ''}`;
		return [whole('warning', value, `${show(key, value)} is out of range (${range}); ${IGNORED}.`)];
	}
	return [];
}

/** `octal-mode` (SocketMode=, DirectoryMode=, ...): up to four octal digits, e.g. 0660. */
export const checkOctalMode: ValueChecker = (value, _spec, key) => {
	if (value === '' || hasExpansion(value) || /^[0-7]{1,4}$/.test(value)) return [];
	const symbolic = /^[ugoa]*[+=-][rwx]+/.test(value) ? ' Symbolic modes such as u+rw are not accepted.' : '';
	return [whole('warning', value, `${show(key, value)} is not an octal file mode; ${IGNORED}. Write up to four octal digits, e.g. 0660.${symbolic}`)];
};

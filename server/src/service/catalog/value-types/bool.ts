import { closest } from '../../util/edit-distance';
import { firstExpansion } from './expansion';
import { problem, show, whole, type ValueChecker, type ValueProblem } from './problem';
import { keywordsOf } from './spec-values';

/** podman's `LookupBoolean` truth set; everything else, the empty string included, is false. */
const PODMAN_TRUE = ['1', 'yes', 'true', 'on'];
const PODMAN_FALSE = ['0', 'no', 'false', 'off'];
/** systemd's `parse_boolean` also takes these, which makes them easy to carry over by mistake. */
const SYSTEMD_ONLY: Readonly<Record<string, string>> = { y: 'yes', t: 'true', n: 'no', f: 'false' };
const SYNONYMS: Readonly<Record<string, string>> = {
	enable: 'true', enabled: 'true', disable: 'false', disabled: 'false',
};
const SPELLINGS = 'Write true or false (also accepted: yes/no, on/off, 1/0).';

function isPodmanBool(text: string): boolean {
	const v = text.toLowerCase();
	return PODMAN_TRUE.includes(v) || PODMAN_FALSE.includes(v);
}

function suggestBool(text: string): string | undefined {
	const v = text.toLowerCase();
	return SYSTEMD_ONLY[v] ?? SYNONYMS[v] ?? closest(v, [...PODMAN_TRUE, ...PODMAN_FALSE].filter((w) => w.length > 1));
}

/**
 * Quadlet evaluates booleans while generating the service, so nothing in them is ever expanded:
 * `%i` or `${RO}` is simply false.
 */
function notABool(value: string, key: string, defaultValue: string | undefined, what: string): ValueProblem {
	if (value === '') {
		const flips = defaultValue?.toLowerCase() === 'true' ? ' That overrides the default, which is true.' : '';
		return problem('warning', 0, 0, `${key}= is empty; podman reads an empty boolean as false.${flips} Write false or true explicitly, or remove the line.`);
	}
	const expansion = firstExpansion(value);
	if (expansion) {
		return whole('warning', value,
			`${show(key, value)}: quadlet reads booleans itself while generating the service, before systemd would expand ${expansion.token}, so this is always false. ${SPELLINGS}`);
	}
	const lower = value.toLowerCase();
	const suggestion = suggestBool(value);
	const why = lower in SYSTEMD_ONLY ? ` systemd accepts ${value}, but podman does not.` : '';
	const hint = suggestion ? ` Did you mean ${suggestion}?` : '';
	return whole('warning', value,
		`${show(key, value)} is not ${what}; it will be read as false.${why} ${SPELLINGS}${hint}`, suggestion);
}

/** `bool`: podman's `LookupBoolean`. */
export const checkBool: ValueChecker = (value, spec, key) =>
	isPodmanBool(value) ? [] : [notABool(value, key, spec.default, 'a boolean podman understands')];

/** `bool-or-enum` (Notify): a boolean, or one of the listed keywords; anything else is false. */
export const checkBoolOrEnum: ValueChecker = (value, spec, key) => {
	if (isPodmanBool(value)) return [];
	const keywords = keywordsOf(spec);
	// podman compares these keywords with strings.EqualFold.
	if (keywords.some((k) => k.toLowerCase() === value.toLowerCase())) return [];
	if (value === '' || firstExpansion(value)) return [notABool(value, key, spec.default, 'a boolean podman understands')];
	const keyword = closest(value, keywords);
	if (keyword !== undefined) {
		return [whole('warning', value,
			`${show(key, value)} is neither a boolean nor ${keywords.join('/')}; it will be read as false. Did you mean ${keyword}?`, keyword)];
	}
	const p = notABool(value, key, spec.default, `a boolean or ${keywords.join('/')}`);
	return [p];
};

const SYSTEMD_TRUE = ['1', 'yes', 'y', 'true', 't', 'on'];
const SYSTEMD_FALSE = ['0', 'no', 'n', 'false', 'f', 'off'];

/** `sd-bool`: systemd's `parse_boolean`. systemd ignores a bad value and keeps the default. */
export const checkSystemdBool: ValueChecker = (value, _spec, key) => {
	const v = value.toLowerCase();
	if (value === '' || SYSTEMD_TRUE.includes(v) || SYSTEMD_FALSE.includes(v)) return [];
	const suggestion = SYNONYMS[v] ?? closest(v, [...SYSTEMD_TRUE, ...SYSTEMD_FALSE].filter((w) => w.length > 1));
	const hint = suggestion ? ` Did you mean ${suggestion}?` : '';
	return [whole('warning', value,
		`${show(key, value)} is not a boolean systemd understands; systemd ignores the line and keeps the default. Write yes or no (also accepted: true/false, on/off, 1/0).${hint}`,
		suggestion)];
};

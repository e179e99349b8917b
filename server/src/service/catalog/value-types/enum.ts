import type { KeySpec } from '../catalog-schema';
import { closest } from '../../util/edit-distance';
import { show, whole, type Severity, type ValueChecker } from './problem';
import { isPlaceholder, keywordsOf, listWords } from './spec-values';

/** Keys whose bad values another rule reports with the generator's own wording. */
const REPORTED_ELSEWHERE = new Set(['RemapUsers']);

const BOOL_WORDS = ['true', 'false', 'yes', 'no', 'on', 'off', '1', '0'];

function consequence(spec: KeySpec): { severity: Severity; text: string } {
	switch (spec.valuesEnforcedBy) {
		case 'quadlet':
			return { severity: 'error', text: 'the quadlet generator refuses to convert the unit' };
		case 'podman':
			return { severity: 'warning', text: 'podman will reject it when the service starts' };
		case 'systemd':
			return { severity: 'warning', text: 'systemd will reject it' };
		default:
			return { severity: 'warning', text: 'it is not a documented value' };
	}
}

/**
 * `enum`: the closed set in `spec.values`. A `<placeholder>` entry opens the set to free text
 * (except `<bool>`, which only adds the boolean spellings).
 */
export const checkEnum: ValueChecker = (value, spec, key) => {
	if (value === '' || REPORTED_ELSEWHERE.has(key)) return [];
	const values = spec.values ?? [];
	if (values.some((v) => isPlaceholder(v) && v !== '<bool>')) return [];
	const choices = keywordsOf(spec);
	if (values.includes('<bool>')) choices.push(...BOOL_WORDS);
	if (choices.length === 0 || choices.includes(value)) return [];
	const sameLetters = choices.find((c) => c.toLowerCase() === value.toLowerCase());
	if (sameLetters !== undefined && (spec.caseInsensitive || values.includes('<bool>') && BOOL_WORDS.includes(sameLetters))) return [];
	const { severity, text } = consequence(spec);
	if (sameLetters !== undefined) {
		return [whole(severity, value,
			`${show(key, value)}: values of ${key}= are case-sensitive, so ${text}. Write ${sameLetters}.`, sameLetters)];
	}
	const suggestion = closest(value, choices);
	const hint = suggestion !== undefined ? ` Did you mean ${suggestion}?` : '';
	return [whole(severity, value,
		`${show(key, value)} is not one of the accepted values, so ${text}. Write ${listWords(keywordsOf(spec))}.${hint}`,
		suggestion)];
};

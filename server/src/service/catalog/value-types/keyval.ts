import { hasExpansion } from './expansion';
import { problem, show, whole, type ValueChecker } from './problem';

/**
 * `keyval-list` (Environment=, Label=, ...): each word is `KEY=VALUE` or a bare `KEY`. The words
 * arrive already split and unescaped by the accessor.
 */
export const checkKeyValWord: ValueChecker = (value, _spec, key) => {
	if (value.startsWith('=')) {
		return [problem('warning', 0, 1, `${show(key, value)}: the name before "=" is empty, so podman gets a nameless entry and will reject it. Write NAME=VALUE.`)];
	}
	if (key === 'Environment' && !value.includes('=') && !hasExpansion(value) && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) {
		return [whole('warning', value, `${show(key, value)}: "${value}" has no "=" so podman takes it as the name of a host variable to copy, and it is not a valid variable name. If it belongs to the previous value, quote the whole assignment: ${key}="NAME=several words".`)];
	}
	return [];
};

/** `keyval-words` (Sysctl=): every word must be `NAME=VALUE`. */
export const checkKeyValStrict: ValueChecker = (value, _spec, key) => {
	if (value === '' || hasExpansion(value)) return [];
	const eq = value.indexOf('=');
	if (eq > 0) return [];
	return [whole('warning', value, eq === 0
		? `${show(key, value)}: the name before "=" is empty; podman will reject it. Write NAME=VALUE.`
		: `${show(key, value)}: "${value}" is not NAME=VALUE; podman will reject it. Write e.g. net.ipv4.ip_forward=1.`)];
};

import { show, whole, type ValueChecker } from './problem';
import { findKeyword } from './spec-values';

/** SELinux type names are lower-case identifiers ending in `_t` by policy convention. */
const SELINUX_TYPE = /^[a-z0-9_]+_t$/;

/** `selinux-type` (SecurityLabelType=, SecurityLabelFileType=). */
export const checkSelinuxType: ValueChecker = (value, spec, key) => {
	if (value === '' || SELINUX_TYPE.test(value) || findKeyword(value, spec) !== undefined) return [];
	const lowered = value.toLowerCase();
	const fix = SELINUX_TYPE.test(lowered) ? lowered : undefined;
	const full = /^[^:]+:[^:]+:([a-z0-9_]+_t)(?::.*)?$/.exec(value);
	const reason = full
		? ` It looks like a full context; ${key}= takes only the type, here ${full[1]}.`
		: fix !== undefined ? ' Type names are lower case.' : '';
	return [whole('warning', value,
		`${show(key, value)} does not look like an SELinux type (lower-case letters, digits and _ ending in _t, e.g. container_t); the container will not start if the policy has no such type.${reason}`,
		full ? full[1] : fix)];
};

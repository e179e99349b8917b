import { startsWithExpansion } from './expansion';
import { show, whole, type ValueChecker, type ValueProblem } from './problem';
import { findKeyword } from './spec-values';

/**
 * Keys whose relative value nobody resolves against the unit file: podman or the runtime resolve
 * it against the service's working directory (`/` for system units), or reject it outright.
 * Others (EnvironmentFile, Yaml, ConfigMap, File, ContainersConfModule, IgnoreFile) have a
 * meaningful relative form.
 */
const ABSOLUTE_REQUIRED: Readonly<Record<string, string>> = {
	WorkingDir: 'the working directory inside the container must be absolute',
	Rootfs: 'a relative root file system is looked up from the service\'s working directory, not this file',
	AuthFile: 'a relative path is looked up from the service\'s working directory, not this file',
	CertDir: 'a relative path is looked up from the service\'s working directory, not this file',
	SeccompProfile: 'a relative path is looked up from the service\'s working directory, not this file',
};

/**
 * Problems every path shares: `~` is never expanded. `text` is the path, `shown` the value it
 * belongs to (for the message); the span covers `text`.
 */
export function checkTilde(text: string, key: string, shown: string = text): ValueProblem[] {
	if (!text.startsWith('~')) return [];
	const fix = text.startsWith('~/') ? `%h${text.slice(1)}` : undefined;
	return [whole('warning', text,
		`${show(key, shown)}: neither quadlet nor systemd expands ~, so this names a directory literally called "~". Use %h for the home directory.`, fix)];
}

/** `path`: a file-system path, or one of the listed keywords (SeccompProfile=unconfined). */
export const checkPath: ValueChecker = (value, spec, key) => {
	if (value === '' || findKeyword(value, spec) !== undefined) return [];
	const tilde = checkTilde(value, key);
	if (tilde.length > 0) return tilde;
	if (value.startsWith('/') || startsWithExpansion(value)) return [];
	const why = ABSOLUTE_REQUIRED[key];
	if (why === undefined) return [];
	return [whole('warning', value, `${show(key, value)} is a relative path; ${why}. Write an absolute path (%h, %t and similar specifiers are fine).`)];
};

/** `path-or-url` ([Build] File=): relative forms are valid here; see the File= rules elsewhere. */
export const checkPathOrUrl: ValueChecker = (value, _spec, key) => checkTilde(value, key);

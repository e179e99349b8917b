import { closest } from '../../util/edit-distance';
import { hasExpansion, startsWithExpansion } from './expansion';
import { checkTilde } from './paths';
import { problem, show, type ValueChecker, type ValueProblem } from './problem';

/** What `podman run -v` accepts after the second colon. */
const VOLUME_OPTIONS = [
	'rw', 'ro', 'z', 'Z', 'O', 'U', 'copy', 'nocopy', 'dev', 'nodev', 'exec', 'noexec', 'suid', 'nosuid',
	'bind', 'rbind', 'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate', 'unbindable', 'runbindable',
	'idmap', 'nocreate', 'notmpcopyup', 'tmpcopyup',
	// Plain mount(8) flags; listed so that we never complain about something the kernel knows.
	'atime', 'noatime', 'relatime', 'norelatime', 'strictatime', 'nostrictatime', 'diratime', 'nodiratime',
	'sync', 'async', 'dirsync',
];
const OPTIONS_WITH_VALUE = ['idmap', 'upperdir', 'workdir'];
const PROPAGATION = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate', 'unbindable', 'runbindable']);
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

function checkOptions(options: string, start: number, value: string, key: string): ValueProblem[] {
	const out: ValueProblem[] = [];
	const seen = new Map<string, string>();
	let at = start;
	for (const opt of options.split(',')) {
		const span = (message: string, replacement?: string): ValueProblem =>
			problem('warning', at, at + opt.length, `${show(key, value)}: ${message}`, replacement);
		const name = opt.split('=')[0] ?? '';
		if (hasExpansion(opt)) {
			// Unknown until run time.
		} else if (opt === '') {
			out.push(span('there is an empty option (two commas, or a trailing comma); podman will reject it.'));
		} else if (OPTIONS_WITH_VALUE.includes(name) && opt.includes('=')) {
			// idmap=..., upperdir=..., workdir=...: free-form values.
		} else if (!VOLUME_OPTIONS.includes(opt)) {
			const guess = closest(opt, VOLUME_OPTIONS, 1);
			const fix = guess !== undefined && guess !== opt ? guess : undefined;
			const hint = fix !== undefined ? ` Did you mean ${fix}?` : '';
			out.push(span(`"${opt}" is not a volume option podman knows; it will refuse to start the container.${hint}`, fix));
		} else {
			const group = opt === 'ro' || opt === 'rw' ? 'access' : opt === 'z' || opt === 'Z' ? 'relabel' : PROPAGATION.has(opt) ? 'propagation' : undefined;
			const earlier = group ? seen.get(group) : undefined;
			if (group && earlier !== undefined && earlier !== opt) {
				out.push(span(`"${opt}" conflicts with "${earlier}" given earlier; podman will reject the pair. Keep one of them.`));
			} else if (group) {
				seen.set(group, opt);
			}
		}
		at += opt.length + 1;
	}
	return out;
}

function checkDestination(dest: string, start: number, value: string, key: string): ValueProblem[] {
	if (dest.startsWith('/') || startsWithExpansion(dest)) return [];
	const message = dest === ''
		? 'the container path is missing; podman will reject it.'
		: `the container path "${dest}" must be absolute; podman will reject it. Did you mean /${dest}?`;
	return [problem('warning', start, start + dest.length, `${show(key, value)}: ${message}`, dest === '' ? undefined : `/${dest}`)];
}

/**
 * Checks a volume source the way quadlet and podman classify it: `/...` host path, `.`-relative
 * (resolved against the unit file), `x.volume`/`x.artifact` (quadlet units), `%`/`$` (expanded
 * later), else a named volume, whose name podman restricts.
 */
export function checkVolumeSource(source: string, value: string, key: string, label = 'source'): ValueProblem[] {
	if (source.startsWith('/') || source.startsWith('.') || startsWithExpansion(source)) return [];
	const tilde = checkTilde(source, key, value);
	if (tilde.length > 0) return tilde;
	if (/\.(volume|artifact)$/.test(source) || VOLUME_NAME.test(source) || hasExpansion(source)) return [];
	const looksLikePath = source.includes('/');
	const why = looksLikePath
		? `podman treats a ${label} that starts with neither / nor . as a volume name, and "${source}" is not a valid name. Write ./${source} for a path next to the unit file, or an absolute path.`
		: `"${source}" is not a valid volume name (letters, digits, _, . and -, starting with a letter or digit); podman will reject it.`;
	return [problem('warning', 0, source.length, `${show(key, value)}: ${why}`, looksLikePath ? `./${source}` : undefined)];
}

/** `volume-spec` (Volume=): `[[SOURCE:]DEST[:OPTIONS]]`, split like quadlet: at most 3 parts. */
export const checkVolumeSpec: ValueChecker = (value, _spec, key) => {
	if (value === '') return [];
	const first = value.indexOf(':');
	if (first < 0) return checkDestination(value, 0, value, key);
	const second = value.indexOf(':', first + 1);
	const source = value.slice(0, first);
	const dest = second < 0 ? value.slice(first + 1) : value.slice(first + 1, second);
	const out: ValueProblem[] = [];
	if (source === '') {
		if (second >= 0) {
			out.push(problem('warning', 0, value.length,
				`${show(key, value)}: with an empty source quadlet emits only the container path, so the options after the second colon are silently dropped. Give a source or remove the leading colon.`));
		}
	} else {
		out.push(...checkVolumeSource(source, value, key));
	}
	out.push(...checkDestination(dest, first + 1, value, key));
	if (second >= 0 && source !== '') out.push(...checkOptions(value.slice(second + 1), second + 1, value, key));
	return out;
};

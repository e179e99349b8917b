import { hasExpansion, startsWithExpansion } from './expansion';
import { problem, show, type ValueChecker, type ValueProblem } from './problem';
import { splitWords, type Word } from './words';

/**
 * `sd-unit-list` (After=, Requires=, WantedBy=, ...): space-separated unit names. A name without a
 * unit type suffix is reported by the rule qm/unit-dep-missing-suffix (with a fix that knows the
 * workspace's units), so the value grammar itself accepts any word.
 */
export const checkUnitList: ValueChecker = () => [];

function wordProblem(w: Word, message: string): ValueProblem {
	return problem('warning', w.start, w.end, message);
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `sd-env` (Environment= in [Service]): quoted `NAME=VALUE` words. */
export const checkSystemdEnv: ValueChecker = (value, _spec, key) => {
	if (value === '') return [];
	const split = splitWords(value, { unquote: true, cUnescape: true, relax: true });
	if (split.issue?.kind === 'bad-escape') {
		return [problem('warning', split.issue.start, split.issue.end,
			`${show(key, value)}: "${value.slice(split.issue.start, split.issue.end)}" is not an escape systemd understands; it ignores this line.`)];
	}
	const out: ValueProblem[] = [];
	for (const w of split.words) {
		const eq = w.text.indexOf('=');
		const name = eq < 0 ? w.text : w.text.slice(0, eq);
		if (eq < 0) {
			out.push(wordProblem(w, `${show(key, value)}: "${w.text}" is not NAME=VALUE, so systemd ignores it. To put spaces in a value, quote the whole assignment: ${key}="NAME=a b".`));
		} else if (!ENV_NAME.test(name) && !hasExpansion(name)) {
			out.push(wordProblem(w, `${show(key, value)}: "${name}" is not a valid variable name, so systemd ignores this assignment.`));
		}
	}
	return out;
};

/** `sd-path-list` (ReadWritePaths=, RequiresMountsFor=, ...): absolute paths, optional `-`/`+` prefix. */
export const checkPathList: ValueChecker = (value, _spec, key) => {
	if (value === '') return [];
	const { words } = splitWords(value, { unquote: true });
	const out: ValueProblem[] = [];
	for (const w of words) {
		const path = w.text.replace(/^[-+]+/, '');
		if (path.startsWith('/') || startsWithExpansion(path)) continue;
		out.push(wordProblem(w, `${show(key, value)}: "${w.text}" is not an absolute path, so systemd ignores it.${path.startsWith('~') ? ' Use %h for the home directory.' : ''}`));
	}
	return out;
};

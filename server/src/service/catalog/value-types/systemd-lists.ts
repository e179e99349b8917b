import { hasExpansion, startsWithExpansion } from './expansion';
import { problem, show, type ValueChecker, type ValueProblem } from './problem';
import { splitWords, type Word } from './words';

/** Suffixes systemd recognises as unit types, plus quadlet's, which the generator translates. */
const UNIT_SUFFIXES = [
	'.service', '.socket', '.target', '.mount', '.automount', '.swap', '.path', '.timer', '.slice',
	'.scope', '.device',
	'.container', '.pod', '.kube', '.volume', '.network', '.image', '.build', '.artifact',
];

function wordProblem(w: Word, message: string): ValueProblem {
	return problem('warning', w.start, w.end, message);
}

/** `sd-unit-list` (After=, Requires=, WantedBy=, ...): space-separated unit names. */
export const checkUnitList: ValueChecker = (value, _spec, key) => {
	if (value === '') return [];
	const { words } = splitWords(value, { retainEscape: true });
	const out: ValueProblem[] = [];
	for (const w of words) {
		if (hasExpansion(w.text) || UNIT_SUFFIXES.some((s) => w.text.endsWith(s))) continue;
		out.push(wordProblem(w, `${show(key, value)}: "${w.text}" has no unit type suffix, so systemd ignores it. Write the full name, e.g. ${w.text}.service or ${w.text}.socket.`));
	}
	return out;
};

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

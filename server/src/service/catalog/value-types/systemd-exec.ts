import { hasExpansion, startsWithExpansion } from './expansion';
import { problem, show, type ValueChecker, type ValueProblem } from './problem';
import { splitWords } from './words';

/** Characters that may prefix the executable in systemd Exec lines (`-`, `@`, `:`, `+`, `!`, `|`). */
const EXEC_PREFIX = /^[-@:+!|]*/;

/**
 * `sd-exec` (ExecStart= and friends in plain systemd units): quoted, C-escaped words; the first
 * is the program, which must be an absolute path or a bare name systemd looks up in its PATH.
 */
export const checkSystemdExec: ValueChecker = (value, _spec, key) => {
	if (value === '') return [];
	const shown = show(key, value);
	const split = splitWords(value, { unquote: true, cUnescape: true, unescapeSeparators: true });
	if (split.issue) {
		const bad = value.slice(split.issue.start, split.issue.end);
		const why = split.issue.kind === 'bad-escape'
			? `"${bad}" is not an escape systemd understands (write \\\\ for a backslash)`
			: split.issue.kind === 'unbalanced-quote' ? 'a quote is never closed' : 'the line ends in a lone backslash';
		return [problem('warning', split.issue.start, split.issue.end, `${shown}: ${why}; systemd ignores this line.`)];
	}
	const first = split.words[0];
	if (!first) return [];
	const prefix = EXEC_PREFIX.exec(first.text)?.[0] ?? '';
	const program = first.text.slice(prefix.length);
	const out: ValueProblem[] = [];
	if (program === '' && first.text.length > 0 && !prefix.includes('@')) {
		out.push(problem('warning', first.start, first.end, `${shown}: the prefix characters are not followed by a program; systemd ignores this line.`));
	} else if (program.includes('/') && !program.startsWith('/') && !startsWithExpansion(program) && !hasExpansion(program.split('/')[0] ?? '')) {
		out.push(problem('warning', first.start, first.end,
			`${shown}: "${program}" is a relative path; systemd only accepts an absolute path or a bare program name, so it ignores this line. Write the full path, e.g. /usr/bin/${program.split('/').pop() ?? program}.`));
	}
	return out;
};

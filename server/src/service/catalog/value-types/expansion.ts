/**
 * systemd specifiers (`%h`, `%i`, ...) and environment references (`$VAR`, `${VAR}`) are expanded
 * by systemd when it runs the generated command, long after quadlet and this linter read the
 * value. Text that contains them is therefore unknown here, and usually fine.
 */

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** True if `text` contains a specifier (not the `%%` escape) or an environment reference. */
export function hasExpansion(text: string): boolean {
	return firstExpansion(text) !== undefined;
}

/** The first specifier or environment reference in `text`, with its offsets. */
export function firstExpansion(text: string): { start: number; end: number; token: string } | undefined {
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '%') {
			if (i + 1 >= text.length) return undefined;
			if (text[i + 1] === '%') {
				i++;
				continue;
			}
			return { start: i, end: i + 2, token: text.slice(i, i + 2) };
		}
		if (c === '$') {
			if (text[i + 1] === '$') {
				i++;
				continue;
			}
			if (text[i + 1] === '{') {
				const close = text.indexOf('}', i + 2);
				if (close > i + 2) return { start: i, end: close + 1, token: text.slice(i, close + 1) };
				continue;
			}
			const name = ENV_NAME.exec(text.slice(i + 1));
			if (name) return { start: i, end: i + 1 + name[0].length, token: text.slice(i, i + 1 + name[0].length) };
		}
	}
	return undefined;
}

/**
 * A value that starts with a specifier or variable is treated by quadlet (for `%`) and by us
 * (for `$`) as an absolute path whose real text is only known at run time.
 */
export function startsWithExpansion(text: string): boolean {
	const first = firstExpansion(text);
	return first !== undefined && first.start === 0;
}

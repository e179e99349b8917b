/**
 * podman command lines: the base command every generated Exec*= line starts with, and the
 * quoting quadlet applies when it writes a command line or a path into the unit (§2.5).
 */
import type { Reader } from './reader';

/** The podman binary written into Exec*= lines when the caller names none (podman's _binDir). */
export const DEFAULT_PODMAN = '/usr/bin/podman';

/** A word needs quotes when it holds whitespace, a control character, a quote or a backslash. */
function needsQuotes(word: string): boolean {
	// eslint-disable-next-line no-control-regex
	return word === '' || /[\s\x00-\x1f\x7f"'\\]/.test(word);
}

/**
 * One word as systemd reads it back: unchanged when it is plain, else wrapped in `"…"` with
 * `\\`, `\"`, `\n`, `\t` escapes, `\x20` for a space and `\xHH` for other control characters.
 * An empty word is written `""` so it survives.
 */
export function escapeWord(word: string): string {
	if (!needsQuotes(word)) return word;
	let out = '"';
	for (const c of word) {
		const code = c.codePointAt(0) ?? 0;
		if (c === '\\') out += '\\\\';
		else if (c === '"') out += '\\"';
		else if (c === '\n') out += '\\n';
		else if (c === '\t') out += '\\t';
		else if (c === ' ') out += '\\x20';
		else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
		else out += c;
	}
	return `${out}"`;
}

/** A command line: words escaped and joined by single spaces (podman's AddCmdline). */
export function escapeWords(words: readonly string[]): string {
	return words.map(escapeWord).join(' ');
}

/** `podman [--module=M]… [GlobalArgs…]`: the start of every podman command of a unit. */
export function basePodmanCommand(r: Reader, podman: string): string[] {
	return [podman, ...r.all('ContainersConfModule').map((m) => `--module=${m}`), ...r.args('GlobalArgs')];
}

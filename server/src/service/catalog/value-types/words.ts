/**
 * Word splitting as podman's `pkg/systemd/parser/split.go` (a Go port of systemd's
 * `extract_first_word`) does it, with offsets: every decoded character remembers which source
 * characters produced it, so a problem found in a word can be shown on the right text.
 */

export interface SplitOptions {
	/** Accept an unbalanced quote (the word runs to the end) and drop a trailing backslash. */
	relax?: boolean;
	/** Decode C escapes (`\n`, `\x41`, `\101`, ...); anything else after a backslash is an error. */
	cUnescape?: boolean;
	/** Remove quotes; a quote may open in the middle of a word (`a"b c"` is one word `ab c`). */
	unquote?: boolean;
	/** Backslash is an ordinary character. */
	retainEscape?: boolean;
	/** Keep `\;` and escaped whitespace literally, as systemd's Exec= parser does. */
	unescapeSeparators?: boolean;
	/**
	 * Podman's Go port stops at a word that is empty after unquoting (`""`): it and all later
	 * words are lost. systemd's C code returns the empty word. Set for podman's accessors.
	 */
	emptyWordStops?: boolean;
}

export interface Word {
	text: string;
	/** Source span of the whole word, quotes included. */
	start: number;
	end: number;
	/** For each UTF-16 unit of `text`, the `[start, end)` source span that produced it. */
	src: ReadonlyArray<readonly [number, number]>;
}

export type SplitIssueKind = 'bad-escape' | 'unbalanced-quote' | 'trailing-backslash' | 'empty-word';

export interface SplitIssue {
	kind: SplitIssueKind;
	start: number;
	end: number;
}

export interface SplitResult {
	/** The words the splitter returns. Empty when an error made the caller drop the line. */
	words: Word[];
	issue?: SplitIssue;
}

/** Podman's `LookupAllArgs`/`LookupLastArgs`/`LookupAllKeyVal` splitting. */
export const PODMAN_ARGS: SplitOptions = { relax: true, unquote: true, cUnescape: true, emptyWordStops: true };
/** Podman's `LookupAllStrv` splitting (systemd's `config_parse_strv`). */
export const PODMAN_STRV: SplitOptions = { unquote: true, retainEscape: true, emptyWordStops: true };

const SEPARATORS = ' \t\n\r';

function isSeparator(c: string): boolean {
	return c !== '' && SEPARATORS.includes(c);
}

function hexValue(c: string | undefined): number {
	if (c === undefined) return -1;
	const n = '0123456789abcdef'.indexOf(c.toLowerCase());
	return c.length === 1 && n >= 0 ? n : -1;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
	a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
	'\\': '\\', '"': '"', "'": "'", s: ' ',
};

/**
 * Decodes the escape whose letter is at `at` (just after the backslash), as podman's
 * `cUnescapeOne`: NUL is refused in every form, octal stops at 255, `\U` at U+10FFFF.
 * Returns the number of source characters consumed and the decoded text.
 */
export function cUnescapeOne(input: string, at: number): { length: number; text: string } | undefined {
	const c = input[at];
	if (c === undefined) return undefined;
	const simple = SIMPLE_ESCAPES[c];
	if (simple !== undefined) return { length: 1, text: simple };
	const hexRun = (count: number): number | undefined => {
		let value = 0;
		for (let i = 1; i <= count; i++) {
			const h = hexValue(input[at + i]);
			if (h < 0) return undefined;
			value = value * 16 + h;
		}
		return value;
	};
	if (c === 'x' || c === 'u' || c === 'U') {
		const digits = c === 'x' ? 2 : c === 'u' ? 4 : 8;
		const code = hexRun(digits);
		if (code === undefined || code === 0 || code > 0x10ffff) return undefined;
		return { length: digits + 1, text: String.fromCodePoint(code) };
	}
	if (c >= '0' && c <= '7') {
		const digits = input.slice(at, at + 3);
		if (!/^[0-7]{3}$/.test(digits)) return undefined;
		const code = parseInt(digits, 8);
		if (code === 0 || code > 255) return undefined;
		return { length: 3, text: String.fromCharCode(code) };
	}
	return undefined;
}

interface Extracted {
	word?: Word;
	/** Where the next word may start. */
	next: number;
	/** False once the input is exhausted (or the Go port gave up at an empty word). */
	more: boolean;
	issue?: SplitIssue | undefined;
	/** The issue makes the whole line invalid (podman drops it). */
	fatal?: boolean;
}

function extractFirstWord(input: string, from: number, o: SplitOptions): Extracted {
	const end = input.length;
	const at = (i: number): string => input.charAt(i);
	let text = '';
	const src: Array<readonly [number, number]> = [];
	let p = from;
	let c = at(p);
	while (isSeparator(c)) c = at(++p);
	if (c === '') return { next: end, more: false };
	const wordStart = p;
	let quote = '';
	let quoteStart = -1;
	let sawQuote = false;
	let escStart = -1;
	let backslash = false;
	let wordEnd = end;
	let next = end;
	let issue: SplitIssue | undefined;

	const push = (chunk: string, s: number, e: number): void => {
		text += chunk;
		for (let k = 0; k < chunk.length; k++) src.push([s, e]);
	};

	outer: for (;; c = at(++p)) {
		if (backslash) {
			backslash = false;
			if (c === '') {
				if (o.relax) {
					issue = { kind: 'trailing-backslash', start: escStart, end };
					break outer;
				}
				return { next: end, more: false, fatal: true, issue: { kind: 'trailing-backslash', start: escStart, end } };
			}
			if (o.unescapeSeparators && (isSeparator(c) || c === ';')) {
				push(c, escStart, p + 1);
				continue;
			}
			if (o.cUnescape) {
				const decoded = cUnescapeOne(input, p);
				if (!decoded) {
					return { next: end, more: false, fatal: true, issue: { kind: 'bad-escape', start: escStart, end: p + 1 } };
				}
				push(decoded.text, escStart, p + decoded.length);
				p += decoded.length - 1;
			} else {
				push(c, escStart, p + 1);
			}
			continue;
		}
		if (quote !== '') {
			for (;; c = at(++p)) {
				if (c === '') {
					if (o.relax) break outer;
					return { next: end, more: false, fatal: true, issue: { kind: 'unbalanced-quote', start: quoteStart, end } };
				}
				if (c === quote) {
					quote = '';
					continue outer;
				}
				if (c === '\\' && !o.retainEscape) {
					backslash = true;
					escStart = p;
					continue outer;
				}
				push(c, p, p + 1);
			}
		}
		for (;; c = at(++p)) {
			if (c === '') break outer;
			if ((c === "'" || c === '"') && o.unquote) {
				quote = c;
				quoteStart = p;
				sawQuote = true;
				continue outer;
			}
			if (c === '\\' && !o.retainEscape) {
				backslash = true;
				escStart = p;
				continue outer;
			}
			if (isSeparator(c)) {
				wordEnd = p;
				while (isSeparator(c)) c = at(++p);
				next = c === '' ? end : p;
				break outer;
			}
			push(c, p, p + 1);
		}
	}

	const more = next < end;
	if (text.length === 0) {
		if (o.emptyWordStops) {
			const stopped: SplitIssue = { kind: 'empty-word', start: wordStart, end: wordEnd };
			return { next: end, more: false, issue: issue ?? (sawQuote ? stopped : undefined) };
		}
		if (!sawQuote) return { next, more, issue };
	}
	return { word: { text, start: wordStart, end: wordEnd, src }, next, more, issue };
}

/**
 * Splits `input` into words. On a fatal issue (an escape podman does not know, an unbalanced
 * quote without `relax`) the words are dropped, as podman drops the whole line.
 */
export function splitWords(input: string, options: SplitOptions): SplitResult {
	const words: Word[] = [];
	let issue: SplitIssue | undefined;
	let p = 0;
	for (;;) {
		const r = extractFirstWord(input, p, options);
		if (r.fatal) return r.issue ? { words: [], issue: r.issue } : { words: [] };
		if (r.issue && !issue) issue = r.issue;
		if (r.word) words.push(r.word);
		if (!r.more) break;
		p = r.next;
	}
	return issue ? { words, issue } : { words };
}

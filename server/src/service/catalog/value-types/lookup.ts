import type { KeySpec } from '../catalog-schema';
import { problem, show, type ValueProblem } from './problem';
import { PODMAN_ARGS, PODMAN_STRV, splitWords, type SplitIssue, type Word } from './words';

/**
 * One item of a value as the consumer (podman's accessor) sees it, and where it came from.
 * `src` maps each character of `text` to a source span when quotes or escapes were removed.
 */
export interface ValueToken {
	text: string;
	start: number;
	end: number;
	src?: ReadonlyArray<readonly [number, number]>;
}

export interface Tokenized {
	tokens: ValueToken[];
	problems: ValueProblem[];
}

type Mode = 'single' | 'raw' | 'strv' | 'args';

const ARGS_TYPES = new Set<string>(['args', 'command', 'keyval-list']);

/** How podman's accessor, or failing that the value type, cuts the value into items. */
function modeOf(spec: KeySpec): Mode {
	// systemd value grammars split (or not) by their own rules; their checkers do it.
	if (spec.type.startsWith('sd-')) return 'raw';
	switch (spec.lookup) {
		case 'Lookup':
		case 'LookupBoolean':
		case 'LookupUint32':
		case 'LookupInt':
			return 'single';
		case 'LookupAll':
		case 'LookupLast':
			return 'raw';
		case 'LookupAllStrv':
			return 'strv';
		case 'LookupAllArgs':
		case 'LookupLastArgs':
		case 'LookupAllKeyVal':
			return 'args';
		default:
			if (ARGS_TYPES.has(spec.type)) return 'args';
			return spec.multiplePerLine ? 'strv' : 'raw';
	}
}

function fromWord(w: Word): ValueToken {
	return { text: w.text, start: w.start, end: w.end, src: w.src };
}

/** `'text'` with no other quote of that kind inside, so removing the pair is a safe fix. */
function wrappedIn(value: string, quote: string): boolean {
	return value.length >= 2 && value.startsWith(quote) && value.endsWith(quote) && !value.slice(1, -1).includes(quote);
}

function splitIssueProblem(issue: SplitIssue, value: string, spec: KeySpec, key: string): ValueProblem {
	const shown = show(key, value);
	const bad = value.slice(issue.start, issue.end);
	switch (issue.kind) {
		case 'bad-escape': {
			const consequence = spec.lookup === 'LookupLastArgs'
				? 'the generator prints "unsupported escape char" and ignores the whole value'
				: spec.lookup === 'LookupAllKeyVal'
					? 'the generator prints "unsupported escape char" and ignores this whole line'
					: 'podman silently ignores this whole line';
			return problem('warning', issue.start, issue.end,
				`${shown}: "${bad}" is not an escape podman understands, so ${consequence}. Write \\\\ for a literal backslash, or use \\n, \\t, \\s, \\xHH.`);
		}
		case 'unbalanced-quote':
			return problem('warning', issue.start, issue.end,
				`${shown}: this quote is never closed, so podman silently ignores every word on this line. Add the closing quote.`);
		case 'empty-word':
			return problem('warning', issue.start, issue.end,
				`${shown}: podman's word splitter stops at an empty quoted word, so it and every word after it on this line are ignored. Remove the empty quotes.`);
		case 'trailing-backslash':
			return problem('information', issue.start, issue.end,
				`${shown}: the trailing backslash is dropped by podman.`);
	}
}

/**
 * Applies the key's podman accessor to `value`: quote stripping for `Lookup`, word splitting for
 * the list accessors. Problems the accessor itself causes (lost lines, literal quotes) come back
 * in `problems`; when the accessor throws the line away there are no tokens to check.
 */
export function tokenizeValue(value: string, spec: KeySpec, key: string): Tokenized {
	const mode = modeOf(spec);
	if (mode === 'single') {
		let end = value.length;
		while (end > 0 && /\s/.test(value.charAt(end - 1))) end--;
		if (end >= 2 && value[0] === '"' && value[end - 1] === '"') {
			return { tokens: [{ text: value.slice(1, end - 1), start: 1, end: end - 1 }], problems: [] };
		}
		if (wrappedIn(value.slice(0, end), "'")) {
			const inner = value.slice(1, end - 1);
			return {
				tokens: [],
				problems: [problem('warning', 0, end,
					`${show(key, value)}: quadlet removes double quotes around a value but not single quotes, so podman receives the quotes as part of the value. Write ${key}=${inner}.`,
					inner)],
			};
		}
		return { tokens: [{ text: value.slice(0, end), start: 0, end }], problems: [] };
	}
	if (mode === 'raw') {
		// LookupAll hands the text over untouched; quotes reach podman as literal characters.
		// RemapUsers (LookupLast) fails in the generator instead, and another rule reports that.
		const quoted = wrappedIn(value, '"') || wrappedIn(value, "'");
		if (quoted && spec.lookup === 'LookupAll' && !spec.type.startsWith('sd-')) {
			const inner = value.slice(1, -1);
			return {
				tokens: [],
				problems: [problem('warning', 0, value.length,
					`${show(key, value)}: quadlet does not remove quotes for ${key}=, so podman receives them as part of the value. Write ${key}=${inner}.`,
					inner)],
			};
		}
		return { tokens: [{ text: value, start: 0, end: value.length }], problems: [] };
	}
	const split = splitWords(value, mode === 'strv' ? PODMAN_STRV : PODMAN_ARGS);
	// Bad escapes are reported by the rule quadlet/escape-sequence; the other split issues here.
	const problems = split.issue && split.issue.kind !== 'bad-escape' ? [splitIssueProblem(split.issue, value, spec, key)] : [];
	return { tokens: split.words.map(fromWord), problems };
}

/** Moves a problem found in `token.text` back to value offsets. */
export function mapToValue(p: ValueProblem, token: ValueToken, value: string): ValueProblem {
	let start: number;
	let end: number;
	if (!token.src) {
		start = token.start + p.start;
		end = token.start + p.end;
	} else if (token.text.length === 0) {
		start = token.start;
		end = token.end;
	} else {
		const src = token.src;
		start = src[p.start]?.[0] ?? src[src.length - 1]?.[1] ?? token.end;
		end = p.end > p.start ? src[Math.min(p.end, src.length) - 1]?.[1] ?? token.end : start;
	}
	const mapped: ValueProblem = { start, end, message: p.message, severity: p.severity };
	// A fix is only safe where the source text is exactly what the checker saw.
	if (p.replacement !== undefined && value.slice(start, end) === token.text.slice(p.start, p.end)) {
		mapped.replacement = p.replacement;
	}
	return mapped;
}

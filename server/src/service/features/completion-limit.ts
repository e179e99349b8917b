/**
 * Cuts the units offered (thousands in a big workspace) to `limit` for the text typed so far.
 * Editors filter by fuzzy subsequence match, so a candidate whose name does not contain the
 * typed characters in order is one no editor would show; of the rest, names starting with the
 * typed text come first, then the candidates' own order (by name). A cut list is incomplete:
 * typing more, or less, must bring a fresh one.
 */
export class CompletionBudget {
	/** Something was left out. */
	cut = false;

	constructor(readonly limit: number) {}

	/** `candidates` when within the limit, else the best `limit` matches of `typed`. */
	take<T>(candidates: T[], nameOf: (c: T) => string, typed: string): T[] {
		if (candidates.length <= this.limit) return candidates;
		this.cut = true;
		return bestMatches(candidates, nameOf, typed.toLowerCase(), this.limit);
	}
}

function bestMatches<T>(candidates: T[], nameOf: (c: T) => string, typed: string, limit: number): T[] {
	const starts: T[] = [];
	const others: T[] = [];
	for (const c of candidates) {
		const name = nameOf(c).toLowerCase();
		if (name.startsWith(typed)) {
			starts.push(c);
			// Nothing beyond the first `limit` prefix matches can make it into the list.
			if (starts.length >= limit) break;
		} else if (others.length < limit && isSubsequence(typed, name)) others.push(c);
	}
	return [...starts, ...others].slice(0, limit);
}

function isSubsequence(needle: string, haystack: string): boolean {
	let j = 0;
	for (let i = 0; i < haystack.length && j < needle.length; i++) if (haystack[i] === needle[j]) j++;
	return j === needle.length;
}

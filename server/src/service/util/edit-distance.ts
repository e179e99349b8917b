/**
 * Levenshtein distance: the number of single-character insertions, deletions and substitutions
 * that turn `a` into `b`. Compared by UTF-16 code unit, which is plenty for keys and keywords.
 */
export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	if (a.length === 0) return b.length;
	if (b.length === 0) return a.length;
	// Two rolling rows keep memory at O(min) instead of a full matrix.
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	let curr = new Array<number>(b.length + 1).fill(0);
	for (let i = 1; i <= a.length; i++) {
		curr[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
			curr[j] = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
		}
		[prev, curr] = [curr, prev];
	}
	return prev[b.length] ?? 0;
}

/** How far a guess may be from the typed word before it stops being a plausible typo. */
function defaultMaxDistance(word: string): number {
	if (word.length <= 3) return 1;
	if (word.length <= 6) return 2;
	return 3;
}

/**
 * The candidate nearest to `word`, ignoring case, if exactly one candidate is nearest and it is
 * within `maxDistance` (by default 1-3 depending on the word's length). A tie returns undefined:
 * a "did you mean" with two equally good answers would only be a guess.
 */
export function closest(word: string, candidates: readonly string[], maxDistance?: number): string | undefined {
	const limit = maxDistance ?? defaultMaxDistance(word);
	const needle = word.toLowerCase();
	let best: string | undefined;
	let bestDistance = Infinity;
	let tie = false;
	const seen = new Set<string>();
	for (const candidate of candidates) {
		// The length difference bounds the distance from below: most candidates are out at once.
		if (Math.abs(candidate.length - needle.length) > limit) continue;
		const folded = candidate.toLowerCase();
		if (seen.has(folded)) continue;
		seen.add(folded);
		const d = editDistanceWithin(needle, folded, Math.min(limit, bestDistance));
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
			tie = false;
		} else if (d === bestDistance) {
			tie = true;
		}
	}
	if (best === undefined || tie || bestDistance > limit) return undefined;
	return best;
}

/**
 * Levenshtein distance when it is at most `limit`, else `limit + 1`: stops as soon as a whole
 * row exceeds the limit, so comparing a word against thousands of names stays cheap.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	if (a === b) return 0;
	// A common prefix or suffix never changes the distance (unit names share ".container").
	let from = 0;
	let aEnd = a.length;
	let bEnd = b.length;
	while (from < aEnd && from < bEnd && a.charCodeAt(from) === b.charCodeAt(from)) from++;
	while (aEnd > from && bEnd > from && a.charCodeAt(aEnd - 1) === b.charCodeAt(bEnd - 1)) { aEnd--; bEnd--; }
	if (from > 0 || aEnd < a.length) { a = a.slice(from, aEnd); b = b.slice(from, bEnd); }
	if (a.length === 0 || b.length === 0) return Math.min(Math.max(a.length, b.length), limit + 1);
	// Two rows in reused buffers: this runs once per candidate name, thousands of times per file.
	if (scratchA.length <= b.length) { scratchA = new Int32Array(b.length * 2 + 2); scratchB = new Int32Array(b.length * 2 + 2); }
	let prev = scratchA;
	let curr = scratchB;
	for (let j = 0; j <= b.length; j++) prev[j] = j;
	for (let i = 1; i <= a.length; i++) {
		curr[0] = i;
		let rowMin = i;
		const ca = a.charCodeAt(i - 1);
		for (let j = 1; j <= b.length; j++) {
			const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
			let v = prev[j] + 1;
			const ins = curr[j - 1] + 1;
			if (ins < v) v = ins;
			const sub = prev[j - 1] + cost;
			if (sub < v) v = sub;
			curr[j] = v;
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > limit) return limit + 1;
		const t = prev; prev = curr; curr = t;
	}
	return Math.min(prev[b.length], limit + 1);
}

let scratchA = new Int32Array(64);
let scratchB = new Int32Array(64);

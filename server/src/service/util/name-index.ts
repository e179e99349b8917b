import { editDistanceWithin } from './edit-distance';

/**
 * "Did you mean" over a large, fixed set of names (every unit file of a kind): the names are
 * folded and bucketed by length once, so a query only measures names whose length is within the
 * distance limit, and repeated queries are answered from a memo. Same answers as `closest`.
 */
export class NameIndex {
	/** Folded name → original spellings (first seen first) and its character mask, bucketed by length. */
	private readonly byLength = new Map<number, Map<string, { spellings: string[]; mask: number }>>();
	private readonly memo = new Map<string, string | undefined>();

	constructor(names: Iterable<string>) {
		for (const n of names) {
			const folded = n.toLowerCase();
			let bucket = this.byLength.get(folded.length);
			if (!bucket) { bucket = new Map(); this.byLength.set(folded.length, bucket); }
			const e = bucket.get(folded);
			if (!e) bucket.set(folded, { spellings: [n], mask: charMask(folded) });
			else if (!e.spellings.includes(n)) e.spellings.push(n);
		}
	}

	/**
	 * The nearest name other than `word` itself, ignoring case, within `limit`; undefined when
	 * none is that close or two names are equally near (a guess between two is no help).
	 */
	closest(word: string, limit: number): string | undefined {
		const memoKey = `${limit}\u0000${word}`;
		if (this.memo.has(memoKey)) return this.memo.get(memoKey);
		const needle = word.toLowerCase();
		const needleMask = charMask(needle);
		let best: string | undefined;
		let bestDistance = Infinity;
		let tie = false;
		for (let len = needle.length - limit; len <= needle.length + limit; len++) {
			const bucket = this.byLength.get(len);
			if (!bucket) continue;
			for (const [folded, { spellings, mask }] of bucket) {
				// Every character the one has and the other lacks costs at least one edit.
				if (Math.max(popcount(needleMask & ~mask), popcount(mask & ~needleMask)) > Math.min(limit, bestDistance)) continue;
				const candidate = spellings.find((s) => s !== word);
				if (candidate === undefined) continue;
				const d = editDistanceWithin(needle, folded, Math.min(limit, bestDistance));
				if (d < bestDistance) { best = candidate; bestDistance = d; tie = false; } else if (d === bestDistance) tie = true;
			}
		}
		const result = best === undefined || tie || bestDistance > limit ? undefined : best;
		this.memo.set(memoKey, result);
		return result;
	}
}

/** Which of 32 character classes occur in `s` (a class is char code mod 32: a cheap, safe bound). */
function charMask(s: string): number {
	let m = 0;
	for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) & 31);
	return m;
}

function popcount(x: number): number {
	x -= (x >>> 1) & 0x55555555;
	x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
	return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * podman's look-up accessors (quadlet-spec §2.2) over one section of a merged unit view, with
 * the value splitters of the catalog. Accessors that drop a value with a warning report it
 * through `warn`.
 */
import { PODMAN_ARGS, PODMAN_STRV, splitWords } from '../catalog/value-types/words';
import { isTrue, unquoteValue, type UnitView } from '../model/unit-view';

export class Reader {
	constructor(
		readonly view: UnitView,
		readonly section: string,
		private readonly warn: (message: string) => void = () => undefined,
		/** Up to podman 5.8.1 Lookup trimmed every leading and trailing `"`. */
		private readonly trimAllQuotes = false,
	) {}

	/** The key occurs at least once (even with an empty value). */
	has(key: string): boolean {
		return this.view.last(this.section, key) !== undefined;
	}

	/** Lookup: the last value, trailing space trimmed, surrounding quotes removed. */
	lookup(key: string): string | undefined {
		const e = this.view.last(this.section, key);
		if (!e) return undefined;
		return this.trimAllQuotes ? e.entry.value.trimEnd().replace(/^"+|"+$/g, '') : unquoteValue(e.entry.value);
	}

	/** Lookup, but only a non-empty value counts. */
	nonEmpty(key: string): string | undefined {
		const v = this.lookup(key);
		return v === undefined || v === '' ? undefined : v;
	}

	/** LookupLast: the last value exactly as written. */
	raw(key: string): string | undefined {
		return this.view.last(this.section, key)?.entry.value;
	}

	/** LookupAll: every value after the last empty assignment, raw. */
	all(key: string): string[] {
		return this.view.lookupAll(this.section, key).map((e) => e.entry.value);
	}

	/** LookupAllStrv: whitespace-separated words, quotes removed, backslashes kept. */
	words(key: string): string[] {
		return this.all(key).flatMap((v) => splitWords(v, PODMAN_STRV).words.map((w) => w.text));
	}

	/** LookupAllArgs: Exec-style words with C escapes; a line with a bad escape is dropped silently. */
	args(key: string): string[] {
		return this.all(key).flatMap((v) => splitWords(v, PODMAN_ARGS).words.map((w) => w.text));
	}

	/** LookupLastArgs: the words of the last value; a bad escape drops it with a warning. */
	lastArgs(key: string): string[] | undefined {
		const e = this.view.last(this.section, key);
		if (!e) return undefined;
		const split = splitWords(e.entry.value, PODMAN_ARGS);
		if (split.issue?.kind === 'bad-escape') {
			this.warn(`Warning: ignoring ${key}=${e.entry.value}: unsupported escape char`);
			return undefined;
		}
		return split.words.map((w) => w.text);
	}

	/**
	 * LookupAllKeyVal: `K=V` (or bare `K`) words of every value, later keys replacing earlier
	 * ones, sorted by key. A line with a bad escape is dropped with a warning.
	 */
	keyVals(key: string): [string, string | undefined][] {
		const map = new Map<string, string | undefined>();
		for (const v of this.all(key)) {
			const split = splitWords(v, PODMAN_ARGS);
			if (split.issue?.kind === 'bad-escape') {
				this.warn(`Warning: ignoring ${key}=${v}: unsupported escape char`);
				continue;
			}
			for (const w of split.words) {
				const eq = w.text.indexOf('=');
				if (eq < 0) map.set(w.text, undefined);
				else map.set(w.text.slice(0, eq), w.text.slice(eq + 1));
			}
		}
		return [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	}

	/** LookupBoolean: undefined when absent, true only for 1/yes/true/on. */
	bool(key: string): boolean | undefined {
		const v = this.lookup(key);
		return v === undefined ? undefined : isTrue(v);
	}

	/** LookupUint32/LookupInt: strtol-like (sign, 0x hex, leading-0 octal); a bad number is 0. */
	int(key: string): number | undefined {
		const v = this.lookup(key);
		return v === undefined ? undefined : parseCInt(v);
	}
}

/** C's strtol with base 0, as podman's convertNumber reads it; garbage or overflow gives 0. */
export function parseCInt(text: string): number {
	const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text.trim());
	if (!m) return 0;
	const body = m[2];
	const n = /^0[xX]/.test(body) ? parseInt(body.slice(2), 16) : body.length > 1 && body.startsWith('0') ? parseInt(body, 8) : parseInt(body, 10);
	const value = m[1] === '-' ? -n : n;
	return Number.isSafeInteger(value) && value >= -0x80000000 && value <= 0xffffffff ? value : 0;
}

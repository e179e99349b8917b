import type { EntryNode, ParsedUnit } from '../parser/ast';
import { sameItems } from '../util/same-items';

/** An assignment as seen after drop-ins are merged, with the file it came from. */
export interface ViewEntry {
	path: string;
	entry: EntryNode;
}

export interface ViewSource {
	path: string;
	parsed: ParsedUnit;
}

const views = new WeakMap<ViewSource, { dropIns: readonly ViewSource[]; view: UnitView }>();

/**
 * The view of a unit file with these drop-ins, shared by everyone who asks (the QM model, the
 * rule context, resource-name checks): sources are immutable, so one view per file and drop-in
 * list is enough, and building one per question was a large share of the garbage.
 */
export function viewOf(main: ViewSource, dropIns: readonly ViewSource[]): UnitView {
	const hit = views.get(main);
	if (hit && sameItems(hit.dropIns, dropIns)) return hit.view;
	const view = new UnitView(main, dropIns);
	views.set(main, { dropIns, view });
	return view;
}

/**
 * A unit with its drop-ins applied in podman's order (main file, then drop-ins alphabetically).
 * Look-ups follow podman's accessors: single values take the last occurrence, lists accumulate
 * and an empty assignment clears what came before.
 */
export class UnitView {
	private readonly bySection = new Map<string, ViewEntry[]>();
	readonly sectionNames: string[] = [];

	constructor(readonly main: ViewSource, readonly dropIns: readonly ViewSource[] = []) {
		for (const src of [main, ...dropIns]) {
			for (const section of src.parsed.sections) {
				let list = this.bySection.get(section.name);
				if (!list) {
					list = [];
					this.bySection.set(section.name, list);
					this.sectionNames.push(section.name);
				}
				for (const entry of section.entries) list.push({ path: src.path, entry });
			}
		}
	}

	hasSection(name: string): boolean {
		return this.bySection.has(name);
	}

	entries(section: string): readonly ViewEntry[] {
		return this.bySection.get(section) ?? [];
	}

	/** Occurrences of each key per section, built on the first key look-up of a section. */
	private readonly byKey = new Map<string, Map<string, ViewEntry[]>>();

	/**
	 * Every occurrence of a key, in order (shared: do not mutate). Rules ask for a handful of
	 * keys each; indexing a section once beats filtering a 2,000-line unit per question.
	 */
	private keyed(section: string, key: string): readonly ViewEntry[] {
		let keys = this.byKey.get(section);
		if (!keys) {
			const all = this.entries(section);
			// Small sections (nearly all of them) are cheaper to scan than to index.
			if (all.length <= SCAN_LIMIT) return all.filter((e) => e.entry.key === key);
			keys = new Map();
			for (const e of all) {
				const list = keys.get(e.entry.key);
				if (list) list.push(e); else keys.set(e.entry.key, [e]);
			}
			this.byKey.set(section, keys);
		}
		return keys.get(key) ?? NO_ENTRIES;
	}

	/** Every occurrence of a key, in order, without the reset semantics. */
	occurrences(section: string, key: string): ViewEntry[] {
		return this.keyed(section, key).slice();
	}

	/** The last occurrence (podman's Lookup). */
	last(section: string, key: string): ViewEntry | undefined {
		const all = this.entries(section);
		if (all.length <= SCAN_LIMIT) {
			for (let i = all.length - 1; i >= 0; i--) if (all[i].entry.key === key) return all[i];
			return undefined;
		}
		const list = this.keyed(section, key);
		return list.length ? list[list.length - 1] : undefined;
	}

	/** podman's Lookup: last value, trailing space trimmed, one matched pair of `"` removed. */
	lookup(section: string, key: string): string | undefined {
		const e = this.last(section, key);
		return e === undefined ? undefined : unquoteValue(e.entry.value);
	}

	/** podman's LookupAll: every value after the last empty assignment. */
	lookupAll(section: string, key: string): ViewEntry[] {
		const out: ViewEntry[] = [];
		for (const e of this.keyed(section, key)) {
			if (e.entry.value === '') out.length = 0;
			else out.push(e);
		}
		return out;
	}

	/** podman's LookupBoolean: true only for 1/yes/true/on (any case). */
	lookupBool(section: string, key: string): boolean | undefined {
		const v = this.lookup(section, key);
		return v === undefined ? undefined : isTrue(v);
	}

	/** podman's LookupAllStrv: the words of every value after the last reset. */
	lookupWords(section: string, key: string): string[] {
		return this.lookupAll(section, key).flatMap((e) => splitWords(e.entry.value));
	}
}

const NO_ENTRIES: readonly ViewEntry[] = [];
const SCAN_LIMIT = 48;

export function isTrue(value: string): boolean {
	const v = value.toLowerCase();
	return v === '1' || v === 'yes' || v === 'true' || v === 'on';
}

export function unquoteValue(value: string): string {
	const v = value.trimEnd();
	if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1);
	return v;
}

/** systemd strv splitting: whitespace separated, quotes removed, backslashes kept. */
export function splitWords(value: string): string[] {
	const words: string[] = [];
	let i = 0;
	const n = value.length;
	while (i < n) {
		while (i < n && /\s/.test(value[i])) i++;
		if (i >= n) break;
		let word = '';
		let quote: string | undefined;
		while (i < n) {
			const c = value[i];
			if (quote) {
				if (c === quote) { quote = undefined; i++; continue; }
				word += c; i++; continue;
			}
			if (c === '"' || c === '\'') { quote = c; i++; continue; }
			if (/\s/.test(c)) break;
			if (c === '\\' && i + 1 < n) { word += c + value[i + 1]; i += 2; continue; }
			word += c; i++;
		}
		// An unbalanced quote makes systemd drop the line's words.
		if (quote) return [];
		words.push(word);
	}
	return words;
}

/** Words of a value with their offsets in the value string, for precise ranges. */
export function splitWordsWithOffsets(value: string): { word: string; start: number; end: number }[] {
	const out: { word: string; start: number; end: number }[] = [];
	const re = /("[^"]*"|'[^']*'|\\.|[^\s"'\\])+/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(value)) !== null) {
		out.push({ word: m[0].replace(/^(["'])(.*)\1$/, '$2'), start: m.index, end: m.index + m[0].length });
	}
	return out;
}

/**
 * The QM-relevant settings of a container, gathered from the quadlet keys *and* from
 * `PodmanArgs=` (qm-rules §6.4: a flag in PodmanArgs is checked like its key). Every item keeps
 * the view entry it came from and its position in the entry's value, so rules can report on
 * exactly the characters that must change.
 */
import { splitWordsWithOffsets, type UnitView, type ViewEntry } from '../model/unit-view';
import { podmanFlagsData } from './qm-data';

/** One token of an argument list, with the raw position of every character it holds. */
export interface ArgToken {
	text: string;
	/** Raw index (in the entry value) of each character of `text`. */
	map: number[];
	start: number;
	end: number;
}

/** A parsed `--flag[=value]` / `--flag value` / `--flag` of PodmanArgs= or GlobalArgs=. */
export interface PodmanFlag {
	flag: string;
	value: string;
	/** Raw positions in the entry value: the flag token(s) from start to end. */
	start: number;
	end: number;
	flagStart: number;
	flagEnd: number;
	/** Raw position of each character of `value` (empty for boolean flags). */
	valueMap: number[];
	/** The value came in a separate token (`--flag value`). */
	separateValue: boolean;
	entry: ViewEntry;
	via: 'PodmanArgs' | 'GlobalArgs';
}

/** A value (or a piece of one) of a key or of a PodmanArgs flag, located in its entry. */
export interface SettingPart {
	text: string;
	entry: ViewEntry;
	/** Index and length of the part in `entry.entry.value`. */
	index: number;
	length: number;
	/** The quadlet key, or "PodmanArgs". */
	via: string;
	/** For PodmanArgs parts: the flag it belongs to. */
	flag?: PodmanFlag;
	/** Raw index (in the entry value) of each character of `text`. */
	map: number[];
}

/**
 * Splits an argument list as podman's LookupAllArgs does (whitespace separated, quotes and
 * backslash escapes removed). A token that was quoted as a whole and starts with "-" but holds
 * blanks (`"--security-opt unmask=/x"`) is split again: podman would pass it as one broken
 * argument; the intent is what the rules judge.
 */
export function tokenizeArgs(value: string): ArgToken[] {
	const out: ArgToken[] = [];
	let i = 0;
	const n = value.length;
	while (i < n) {
		while (i < n && /\s/.test(value[i])) i++;
		if (i >= n) break;
		const start = i;
		let text = '';
		const map: number[] = [];
		let quote: string | undefined;
		let wholeQuoted = value[i] === '"' || value[i] === '\'';
		while (i < n) {
			const c = value[i];
			if (quote) {
				if (c === quote) { quote = undefined; i++; if (i < n && !/\s/.test(value[i])) wholeQuoted = false; continue; }
				if (c === '\\' && quote === '"' && i + 1 < n) { text += value[i + 1]; map.push(i + 1); i += 2; continue; }
				text += c; map.push(i); i++; continue;
			}
			if (c === '"' || c === '\'') { quote = c; i++; continue; }
			if (/\s/.test(c)) break;
			if (c === '\\' && i + 1 < n) { text += value[i + 1]; map.push(i + 1); i += 2; continue; }
			text += c; map.push(i); i++;
		}
		const token = { text, map, start, end: i };
		if (wholeQuoted && text.startsWith('-') && /\s/.test(text)) out.push(...splitToken(token));
		else out.push(token);
	}
	return out;
}

function splitToken(t: ArgToken): ArgToken[] {
	const out: ArgToken[] = [];
	let cur: ArgToken | undefined;
	for (let k = 0; k < t.text.length; k++) {
		if (/\s/.test(t.text[k])) { if (cur) out.push(cur); cur = undefined; continue; }
		if (!cur) cur = { text: '', map: [], start: t.map[k], end: t.map[k] + 1 };
		cur.text += t.text[k];
		cur.map.push(t.map[k]);
		cur.end = t.map[k] + 1;
	}
	if (cur) out.push(cur);
	return out;
}

/** `--flag=value`, `--flag value` (for flags that take a value) and boolean flags, in order. */
export function parseFlags(entry: ViewEntry, via: PodmanFlag['via']): PodmanFlag[] {
	const tokens = tokenizeArgs(entry.entry.value);
	const takesValue = podmanFlagsData().takesValueSet;
	const out: PodmanFlag[] = [];
	for (let k = 0; k < tokens.length; k++) {
		const t = tokens[k];
		if (!t.text.startsWith('-') || t.text === '-' || t.text === '--') continue;
		const eq = t.text.indexOf('=');
		if (eq > 0 && t.text.startsWith('--')) {
			out.push({ flag: t.text.slice(0, eq), value: t.text.slice(eq + 1), start: t.start, end: t.end, flagStart: t.start, flagEnd: t.map[eq], valueMap: t.map.slice(eq + 1), separateValue: false, entry, via });
		} else if (takesValue.has(t.text) && k + 1 < tokens.length) {
			const v = tokens[k + 1];
			out.push({ flag: t.text, value: v.text, start: t.start, end: v.end, flagStart: t.start, flagEnd: t.end, valueMap: v.map, separateValue: true, entry, via });
			k++;
		} else {
			out.push({ flag: t.text, value: '', start: t.start, end: t.end, flagStart: t.start, flagEnd: t.end, valueMap: [], separateValue: false, entry, via });
		}
	}
	return out;
}

/** Part of a flag's value, `from` characters in, `length` long (raw positions mapped back). */
export function flagValuePart(f: PodmanFlag, from = 0, length = f.value.length - from): SettingPart {
	const text = f.value.slice(from, from + length);
	if (f.valueMap.length === 0) return { text, entry: f.entry, index: f.flagStart, length: f.flagEnd - f.flagStart, via: f.via, flag: f, map: [] };
	const map = f.valueMap.slice(from, from + length);
	const first = f.valueMap[Math.min(from, f.valueMap.length - 1)];
	const lastIdx = Math.min(from + Math.max(length, 1), f.valueMap.length) - 1;
	const last = f.valueMap[lastIdx] + 1;
	return { text, entry: f.entry, index: first, length: length === 0 ? 0 : last - first, via: f.via, flag: f, map };
}

/** The whole flag (with its value) as a part: what a "remove this option" fix deletes. */
export function flagPart(f: PodmanFlag): SettingPart {
	const text = f.entry.entry.value.slice(f.start, f.end);
	return { text, entry: f.entry, index: f.start, length: f.end - f.start, via: f.via, flag: f, get map() { return consecutive(f.start, text.length); } };
}

/** Effective PodmanArgs= (and GlobalArgs=) flags of a view: accumulated, an empty line resets. */
export function podmanFlags(view: UnitView, section = 'Container', key: 'PodmanArgs' | 'GlobalArgs' = 'PodmanArgs'): PodmanFlag[] {
	return view.lookupAll(section, key).flatMap((e) => parseFlags(e, key));
}

/** Words of the effective values of a list key (LookupAllStrv/LookupAllArgs style). A fresh array. */
export function keyWords(view: UnitView, section: string, key: string): SettingPart[] {
	// Several rules ask for the same key's words (Annotation=, AddCapability=, …); views are
	// immutable, so the split is kept per view.
	let perView = wordsCache.get(view);
	if (!perView) { perView = new Map(); wordsCache.set(view, perView); }
	const k = `${section}\u0000${key}`;
	let words = perView.get(k);
	if (!words) { words = splitKeyWords(view, section, key); perView.set(k, words); }
	return words.slice();
}

const wordsCache = new WeakMap<UnitView, Map<string, readonly SettingPart[]>>();

function splitKeyWords(view: UnitView, section: string, key: string): SettingPart[] {
	const out: SettingPart[] = [];
	for (const e of view.lookupAll(section, key)) {
		for (const w of splitWordsWithOffsets(e.entry.value)) {
			const quoted = w.end - w.start !== w.word.length;
			const from = quoted ? w.start + 1 : w.start;
			out.push({ text: w.word, entry: e, index: w.start, length: w.end - w.start, via: key, get map() { return consecutive(from, w.word.length); } });
		}
	}
	return out;
}

/** Whole effective values of a list key that takes one value per line (LookupAll). */
export function keyValues(view: UnitView, section: string, key: string): SettingPart[] {
	return view.lookupAll(section, key).map((e) => {
		const v = e.entry.value.trimEnd();
		return { text: v, entry: e, index: 0, length: v.length, via: key, get map() { return consecutive(0, v.length); } };
	});
}

/** Values of one PodmanArgs flag (any of its spellings). */
export function flagValues(view: UnitView, names: string[], section = 'Container'): SettingPart[] {
	return podmanFlags(view, section).filter((f) => names.includes(f.flag)).map((f) => flagValuePart(f));
}

/** `--security-opt NAME=…` values: the part after `NAME=`. */
export function securityOpts(view: UnitView, name: string, section = 'Container'): SettingPart[] {
	const out: SettingPart[] = [];
	for (const f of podmanFlags(view, section)) {
		if (f.flag !== '--security-opt') continue;
		const prefix = `${name}=`;
		if (f.value.startsWith(prefix)) out.push(flagValuePart(f, prefix.length));
		else if (name === 'label' && f.value.startsWith('label:')) out.push(flagValuePart(f, 6));
	}
	return out;
}

export interface DeviceSetting {
	part: SettingPart;
	optional: boolean;
	host: string;
	container: string;
}

/** `[-]HOST[:CONTAINER][:PERMS]` of AddDevice= words and `--device` values. */
export function devices(view: UnitView, section = 'Container'): DeviceSetting[] {
	const parts = [...keyWords(view, section, 'AddDevice'), ...flagValues(view, ['--device'], section)];
	return parts.map((part) => {
		const optional = part.via === 'AddDevice' && part.text.startsWith('-');
		const body = optional ? part.text.slice(1) : part.text;
		const [host, container] = body.split(':');
		return { part, optional, host, container: container && container.startsWith('/') ? container : host };
	});
}

/** Capability names as podman compares them: lower case, without "cap_". */
export function normalizeCap(c: string): string {
	const l = c.toLowerCase();
	return l.startsWith('cap_') ? l.slice(4) : l;
}

/** AddCapability=/DropCapability= words and `--cap-add`/`--cap-drop` values (comma lists split). */
export function capabilities(view: UnitView, which: 'add' | 'drop', section = 'Container'): SettingPart[] {
	const key = which === 'add' ? 'AddCapability' : 'DropCapability';
	const out = keyWords(view, section, key);
	for (const f of podmanFlags(view, section)) {
		if (f.flag !== (which === 'add' ? '--cap-add' : '--cap-drop')) continue;
		let from = 0;
		for (const piece of f.value.split(',')) {
			if (piece) out.push(flagValuePart(f, from, piece.length));
			from += piece.length + 1;
		}
	}
	return out;
}

/** `key=value` words of Annotation= (and `--annotation` values), split at the first "=". */
export interface KeyValPart { part: SettingPart; key: string; value: string; hasEq: boolean }

export function annotations(view: UnitView, section = 'Container'): KeyValPart[] {
	return [...keyWords(view, section, 'Annotation'), ...flagValues(view, ['--annotation'], section)].map(splitKeyVal);
}

export function sysctls(view: UnitView, section = 'Container'): KeyValPart[] {
	return [...keyWords(view, section, 'Sysctl'), ...flagValues(view, ['--sysctl'], section)].map(splitKeyVal);
}

export function splitKeyVal(part: SettingPart): KeyValPart {
	const eq = part.text.indexOf('=');
	return eq < 0 ? { part, key: part.text, value: '', hasEq: false } : { part, key: part.text.slice(0, eq), value: part.text.slice(eq + 1), hasEq: true };
}

/** Network= values and `--network`/`--net` values; `mode` is the part before ":" options. */
export function networks(view: UnitView, section = 'Container'): { part: SettingPart; mode: string }[] {
	return [...keyValues(view, section, 'Network'), ...flagValues(view, ['--network', '--net'], section)].map((part) => {
		const colon = part.text.indexOf(':');
		const mode = (colon >= 0 ? part.text.slice(0, colon) : part.text).trim();
		return { part, mode };
	});
}

/** Unmask= words and `--security-opt unmask=…` values. */
export function unmasks(view: UnitView, section = 'Container'): SettingPart[] {
	return [...keyWords(view, section, 'Unmask'), ...securityOpts(view, 'unmask', section)];
}

/** Ulimit= values and `--ulimit` values: `type=soft[:hard]`. */
export function ulimits(view: UnitView, section = 'Container'): SettingPart[] {
	return [...keyValues(view, section, 'Ulimit'), ...flagValues(view, ['--ulimit'], section)];
}

/** The character map of an unescaped part; parts build it only when a finding needs a range (see the getters above). */
function consecutive(from: number, n: number): number[] {
	return Array.from({ length: n }, (_, i) => from + i);
}

/** Raw [index, length) in the entry value of `len` characters of a part's text from `from`. */
export function subPart(p: SettingPart, from: number, len: number): { index: number; length: number } {
	if (p.map.length === 0) return { index: p.index, length: p.length };
	if (from >= p.map.length) { const end = p.map[p.map.length - 1] + 1; return { index: end, length: 0 }; }
	const start = p.map[from];
	const last = p.map[Math.min(from + len, p.map.length) - 1];
	return { index: start, length: len === 0 ? 0 : last + 1 - start };
}

/** Parses an integer as systemd/podman do (optional sign, decimal digits only). */
export function parseInteger(text: string): number | undefined {
	const t = text.trim();
	return /^[+-]?\d+$/.test(t) ? Number(t) : undefined;
}

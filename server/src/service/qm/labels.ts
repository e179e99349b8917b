/**
 * SELinux label settings of quadlet units, located precisely: every `SecurityLabel*=` key and
 * every `--security-opt label=…` inside `PodmanArgs=`, with the document range of the value and
 * the range that removes the setting. The QM model (`model.ts`) knows the *effective* label of a
 * unit; this module adds where each setting is written, which the label rules need for findings
 * and quick fixes.
 */
import { PRIMARY_SECTION } from '../catalog/catalog';
import type { UnitKind } from '../catalog/catalog-schema';
import { canonicalMcsLevel, parseMcsLevel, MCS_CATEGORY_MAX, type ParsedMcsLevel } from '../catalog/value-types/index';
import type { EntryNode, ParsedUnit } from '../parser/ast';
import { valueIndexToOffset } from '../parser/parse-unit';
import type { Domain } from '../types';
import type { LabelSetting, QmUnit } from './model';
import { parsePodmanArgs } from './podman-args';

export type LabelField = 'type' | 'level' | 'filetype' | 'disable' | 'nested';

export const LABEL_KEYS: Readonly<Record<LabelField, string>> = {
	type: 'SecurityLabelType',
	level: 'SecurityLabelLevel',
	filetype: 'SecurityLabelFileType',
	disable: 'SecurityLabelDisable',
	nested: 'SecurityLabelNested',
};

const FIELD_OF_KEY: Readonly<Record<string, LabelField>> = {
	SecurityLabelType: 'type',
	SecurityLabelLevel: 'level',
	SecurityLabelFileType: 'filetype',
	SecurityLabelDisable: 'disable',
	SecurityLabelNested: 'nested',
};

/** One place a label setting is written. Offsets are document offsets of the file `path`. */
export interface LabelOccurrence {
	field: LabelField;
	/**
	 * The setting's value: the key's value with podman's quote handling, or the text after
	 * `label=type:`/`level:`/`filetype:`; `"true"` for `label=disable`/`label=nested`.
	 */
	value: string;
	path: string;
	entry: EntryNode;
	fromPodmanArgs: boolean;
	/** The value text (for `label=disable`/`nested`: that word) — where a finding goes. */
	start: number;
	end: number;
	/**
	 * Range whose deletion removes just this setting: the whole line(s) of a key, or the
	 * `--security-opt label=…` words (with one separating space) of a `PodmanArgs=` line — the
	 * whole line when it holds nothing else. Undefined when the words span a continuation.
	 */
	removal?: { start: number; end: number };
}

/**
 * Every label setting written in one file, in file order (keys of the kind's primary section,
 * `PodmanArgs=` flags). Files of kinds without such a section give none.
 */
export function labelOccurrences(path: string, parsed: ParsedUnit, kind: UnitKind): LabelOccurrence[] {
	const primary = PRIMARY_SECTION[kind];
	if (!primary) return [];
	const out: LabelOccurrence[] = [];
	for (const e of parsed.entries) {
		if (e.section?.name !== primary) continue;
		const field = FIELD_OF_KEY[e.key];
		if (field) {
			const { index, length } = unquotedSpan(e.value);
			const start = valueIndexToOffset(e, index);
			out.push({
				field, value: e.value.slice(index, index + length), path, entry: e, fromPodmanArgs: false,
				start, end: Math.max(start, valueIndexToOffset(e, index + length)),
				removal: wholeLines(parsed, e),
			});
		} else if (e.key === 'PodmanArgs') {
			out.push(...podmanArgsLabels(path, parsed, e));
		}
	}
	return out;
}

/** The label settings of every file of a unit's view (main file, then drop-ins in podman's order). */
export function unitLabelOccurrences(unit: QmUnit): LabelOccurrence[] {
	const out: LabelOccurrence[] = [];
	for (const src of [unit.view.main, ...unit.view.dropIns]) out.push(...labelOccurrences(src.path, src.parsed, unit.kind));
	return out;
}

/**
 * Where the model's effective setting of `field` is written (the last occurrence on the entry
 * the model picked), or undefined when the unit does not set it.
 */
export function effectiveOccurrence(unit: QmUnit, field: LabelField): LabelOccurrence | undefined {
	const setting = modelSetting(unit, field);
	if (!setting) return undefined;
	const onEntry = unitLabelOccurrences(unit).filter((o) => o.field === field && o.entry === setting.entry.entry);
	return onEntry[onEntry.length - 1];
}

function modelSetting(unit: QmUnit, field: LabelField): LabelSetting | undefined {
	switch (field) {
		case 'type': return unit.label.type;
		case 'level': return unit.label.level;
		case 'filetype': return unit.label.fileType;
		case 'disable': return unit.label.disable;
		case 'nested': return unit.label.nested;
	}
}

/** The range of whole physical lines of an entry, line terminator included. */
export function wholeLines(parsed: ParsedUnit, e: EntryNode): { start: number; end: number } {
	return { start: parsed.lines[e.firstLine].start, end: parsed.lines[e.lastLine].next };
}

/** podman's `Lookup` quote handling: trailing space trimmed, one matched pair of `"` removed. */
function unquotedSpan(value: string): { index: number; length: number } {
	const v = value.trimEnd();
	if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return { index: 1, length: v.length - 2 };
	return { index: 0, length: v.length };
}

function podmanArgsLabels(path: string, parsed: ParsedUnit, e: EntryNode): LabelOccurrence[] {
	const out: LabelOccurrence[] = [];
	const args = parsePodmanArgs(e.value);
	for (const arg of args) {
		if (arg.flag !== '--security-opt' || !arg.value.startsWith('label=')) continue;
		const body = arg.value.slice('label='.length);
		const colon = body.indexOf(':');
		const name = colon < 0 ? body : body.slice(0, colon);
		let field: LabelField | undefined;
		if (name === 'type') field = 'type';
		else if (name === 'level') field = 'level';
		else if (name === 'filetype') field = 'filetype';
		else if (name === 'disable' && colon < 0) field = 'disable';
		else if (name === 'nested' && colon < 0) field = 'nested';
		if (!field) continue;
		// The raw word may start with a quote that the split removed.
		const quote = e.value[arg.valueIndex] === '"' || e.value[arg.valueIndex] === '\'' ? 1 : 0;
		const wordStart = arg.valueIndex + quote;
		const valueIndex = colon < 0 ? wordStart : wordStart + 'label='.length + colon + 1;
		const valueLength = colon < 0 ? arg.value.length : body.length - colon - 1;
		const start = valueIndexToOffset(e, valueIndex);
		const end = Math.max(start, valueIndexToOffset(e, valueIndex + valueLength));
		out.push({
			field, value: colon < 0 ? 'true' : body.slice(colon + 1), path, entry: e, fromPodmanArgs: true,
			start, end,
			removal: flagRemoval(parsed, e, arg.valueIndex, arg.value.length + 2 * quote, args.length),
		});
	}
	return out;
}

/** Range removing `--security-opt[= ]VALUE` from a PodmanArgs value (the line if nothing else is on it). */
function flagRemoval(parsed: ParsedUnit, e: EntryNode, valueIndex: number, rawValueLength: number, argCount: number): { start: number; end: number } | undefined {
	const flagIndex = e.value.lastIndexOf('--security-opt', valueIndex);
	if (flagIndex < 0) return undefined;
	if (argCount === 1 && e.value.slice(0, flagIndex).trim() === '' && e.value.slice(valueIndex + rawValueLength).trim() === '') return wholeLines(parsed, e);
	let from = flagIndex;
	let to = valueIndex + rawValueLength;
	// Take the following spaces (or, at the end, the preceding ones) so no double space is left.
	const after = /^[ \t]*/.exec(e.value.slice(to))![0].length;
	if (to + after < e.value.length && after > 0) to += after;
	else {
		const before = /[ \t]*$/.exec(e.value.slice(0, from))![0].length;
		from -= before;
	}
	const start = valueIndexToOffset(e, from);
	const end = valueIndexToOffset(e, to);
	// Words across a continuation: no safe single-range removal.
	if (end - start !== to - from) return undefined;
	return { start, end };
}

// ---------------------------------------------------------------------------------------------
// Levels

/** A level value as the label rules see it. */
export interface LevelInfo {
	parsed: ParsedMcsLevel;
	/** go-selinux spelling, when well formed. */
	canonical?: string;
	/** Categories of the (high side of the) level, when well formed. */
	categories?: number[];
	isRange: boolean;
	/** Covers every category c0..c1023 (or is a clearance range): dominates every container. */
	broad: boolean;
}

/** Text that is not a literal level (a `%` specifier or `$VAR`): skip it, its final value is unknown. */
export function hasExpansion(value: string): boolean {
	return /[%$]/.test(value);
}

export function levelInfo(value: string): LevelInfo {
	const parsed = parseMcsLevel(value);
	const side = parsed.high ?? parsed.low;
	const categories = side?.categories;
	const isRange = parsed.wellFormed && parsed.high !== undefined;
	const full = categories !== undefined && categories.length === MCS_CATEGORY_MAX + 1;
	return { parsed, canonical: parsed.canonical, categories, isRange, broad: isRange || full };
}

/**
 * True when two level texts name the same level (compared as category sets, so `s0:c2,c1` equals
 * `s0:c1,c2`); malformed texts compare literally.
 */
export function sameLevel(a: string, b: string): boolean {
	const ca = canonicalMcsLevel(a.trim());
	const cb = canonicalMcsLevel(b.trim());
	return ca !== undefined && cb !== undefined ? ca === cb : a.trim() === b.trim();
}

/**
 * The category pair `s0:cN,cM` with the smallest N < M (from c1) of which neither category
 * appears in `used` — for "give this peer group its own pair" quick fixes.
 */
export function unusedPair(used: Iterable<number>): string {
	const taken = new Set(used);
	const free: number[] = [];
	for (let c = 1; c <= MCS_CATEGORY_MAX && free.length < 2; c++) if (!taken.has(c)) free.push(c);
	return free.length === 2 ? `s0:c${free[0]},c${free[1]}` : 's0:c1,c2';
}

/** Categories used by explicit levels of containers in `units`. */
export function categoriesInUse(units: readonly QmUnit[]): Set<number> {
	const out = new Set<number>();
	for (const u of units) {
		const v = u.label.level?.value;
		if (!v) continue;
		for (const c of levelInfo(v).categories ?? []) out.add(c);
	}
	return out;
}

/**
 * Whether `quadlet/invalid-value` still checks `SecurityLabelLevel=` values in files of a known
 * QM domain. While true, `qm/label-level-noncanonical` leaves key-based levels to that generic
 * hint (same message, same span) and reports only `PodmanArgs=` levels. To give each malformed
 * level a single finding, set this to false and make `rules/invalid-value.ts` skip `mcs-level`
 * values when `qmOwnsMcsLevel(ctx.domain.domain)` is true.
 */
export const GENERIC_MCS_CHECK_IN_KNOWN_DOMAINS = false;

/** The QM label-level rules, not the generic value check, report SecurityLabelLevel= here. */
export function qmOwnsMcsLevel(domain: Domain): boolean {
	return !GENERIC_MCS_CHECK_IN_KNOWN_DOMAINS && domain !== 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Types

/** The process types QM's policy lets `qm_t` start nested containers in (`qm_container_domain`). */
export const QM_NESTED_TYPES: ReadonlySet<string> = new Set([
	'qm_container_t', 'qm_container_init_t', 'qm_container_kvm_t', 'qm_container_ipc_t', 'qm_container_wayland_t',
]);

/** GUI/VM stack types: they talk through QM systemd sockets (qm_t, s0), not at a shared level. */
export const STACK_TYPES: ReadonlySet<string> = new Set(['qm_container_wayland_t', 'qm_container_kvm_t']);

/** Shared helpers of the engine-configuration rules (qm-rules §7.2 containers.conf, §7.3 bluechi). */
import type { TomlArray, TomlEntry } from '../../../parser/containers-conf';
import { appendMarker } from '../../../parser/containers-conf';
import {
	bluechiSetOf, containersConfFacts, getEngineConfig, readBluechi,
	type BluechiEntry, type BluechiFile, type BluechiSet, type ContainersConfFacts, type EngineConfigModel,
} from '../../../qm/engine-config';
import type { DomainConfig } from '../../../qm/domain';
import { normalizePath } from '../../../qm/paths';
import { parseMountOptions } from '../../../qm/podman-args';
import type { UnitView } from '../../../model/unit-view';
import type { OffsetEdit } from '../../../types';
import type { WorkspaceFile } from '../../../workspace/workspace';
import type { RuleContext } from '../../rule';

export const CONTAINERS_CONF: readonly ['containers-conf'] = ['containers-conf'];
export const BLUECHI_CONF: readonly ['bluechi-conf'] = ['bluechi-conf'];

/** The checked file (always in the workspace while a rule runs). */
export function fileOf(ctx: RuleContext): WorkspaceFile | undefined {
	return ctx.workspace.get(ctx.path);
}

/** Domain settings with the partition prefixes the QM model uses. */
export function configOf(ctx: RuleContext): DomainConfig {
	return ctx.qm().config;
}

export function engine(ctx: RuleContext): EngineConfigModel {
	return getEngineConfig(ctx.workspace, configOf(ctx));
}

export function confFacts(ctx: RuleContext): ContainersConfFacts | undefined {
	const f = fileOf(ctx);
	return f && f.info.kind === 'containers-conf' ? containersConfFacts(f) : undefined;
}

export function bluechiHere(ctx: RuleContext): BluechiFile | undefined {
	const f = fileOf(ctx);
	return f && f.info.kind === 'bluechi-conf' ? readBluechi(f) : undefined;
}

export function bluechiSetHere(ctx: RuleContext): BluechiSet | undefined {
	return bluechiSetOf(ctx.workspace, ctx.path, configOf(ctx));
}

/** Where to report something a set lacks: the `[section]` name of its first file, else its first line. */
export function anchorOf(b: BluechiFile, section: string): { start: number; end: number } {
	const s = b.sections.find((x) => x.name === section);
	if (s) return { start: s.nameStart, end: s.nameEnd };
	const line = b.file.parsed.lines.find((l) => l.contentEnd > l.contentStart);
	return line ? { start: line.contentStart, end: line.contentEnd } : { start: 0, end: 0 };
}

/** The value range of an entry's last occurrence (values of repeated keys are concatenated). */
export function lastValueRange(entries: BluechiEntry[]): { start: number; end: number } {
	const e = entries[entries.length - 1];
	return e.valueEnd > e.valueStart ? { start: e.valueStart, end: e.end } : { start: e.keyStart, end: e.keyEnd };
}

/** Inserts `Key=value` as a new line right after the `[section]` header of a bluechi file (or appends the section). */
export function insertBluechiLine(b: BluechiFile, section: string, line: string): OffsetEdit {
	const text = b.file.text;
	const s = b.sections.find((x) => x.name === section);
	if (s) {
		let eol = text.indexOf('\n', s.end);
		if (eol < 0) return { start: text.length, end: text.length, newText: `\n${line}` };
		eol++;
		return { start: eol, end: eol, newText: `${line}\n` };
	}
	const sep = text.length === 0 || text.endsWith('\n') ? '' : '\n';
	return { start: text.length, end: text.length, newText: `${sep}[${section}]\n${line}\n` };
}

/** The edit that adds `{append=true}` as the last element of an array (undefined when unclosed). */
export function appendEdit(text: string, array: TomlArray): OffsetEdit | undefined {
	if (!array.closed || appendMarker(array) || array.items.length === 0) return undefined;
	const last = array.items[array.items.length - 1];
	// A trailing comma may follow the last element (possibly after blanks and comments).
	const between = text.slice(last.end, array.end - 1);
	const comma = /^[ \t\r\n]*,/.exec(between);
	if (comma) {
		const at = last.end + comma[0].length;
		return { start: at, end: at, newText: ' {append=true}' };
	}
	return { start: last.end, end: last.end, newText: ', {append=true}' };
}

export function keyRangeOf(e: TomlEntry): { start: number; end: number } {
	return { start: e.key.start, end: e.key.end };
}

/** Container-side paths the QM boundary bind-mounts into QM (Volume= and Mount= destinations). */
export function boundaryDestinations(view: UnitView): { dest: string; path: string; start: number; end: number }[] {
	const out: { dest: string; path: string; start: number; end: number }[] = [];
	for (const e of view.lookupAll('Container', 'Volume')) {
		const parts = e.entry.value.trim().split(':');
		if (parts.length >= 2 && parts[1].startsWith('/')) out.push({ dest: normalizePath(parts[1]), path: e.path, start: e.entry.keyStart, end: e.entry.valueEnd });
	}
	for (const e of view.lookupAll('Container', 'Mount')) {
		const f = parseMountOptions(e.entry.value.trim());
		const d = f.get('destination') ?? f.get('dst') ?? f.get('target');
		if (d && d.value.startsWith('/')) out.push({ dest: normalizePath(d.value), path: e.path, start: e.entry.keyStart, end: e.entry.valueEnd });
	}
	return out;
}

/** Small edit distance for "did you mean" (case-insensitive). */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestD = Infinity;
	const a = name.toLowerCase();
	for (const c of candidates) {
		const d = distance(a, c.toLowerCase());
		if (d < bestD) { bestD = d; best = c; }
	}
	return best !== undefined && bestD <= Math.max(1, Math.min(3, Math.floor(name.length / 4))) ? best : undefined;
}

function distance(a: string, b: string): number {
	const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0];
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = prev[j];
			prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = tmp;
		}
	}
	return prev[b.length];
}

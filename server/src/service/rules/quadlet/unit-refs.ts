/**
 * The quadlet files a unit names, found the way the generator finds them (quadlet-spec §6):
 * Image=, Network=, Volume=, Mount= sources, Pod= and the [Unit] dependency keys.
 */
import { PODMAN_ARGS, PODMAN_STRV, splitWords, type Word } from '../../catalog/value-types/words';
import type { ViewEntry } from '../../model/unit-view';
import { valueIndexToOffset } from '../../parser/parse-unit';
import type { RuleContext } from '../rule';
import { readCsv, mountParts, SOURCED_MOUNT_TYPES } from './mount-csv';
import { lookupText, primarySection, QUADLET_EXTENSIONS } from './support';

export interface UnitRef {
	at: ViewEntry;
	/** The file name referenced, e.g. "db.volume". */
	name: string;
	/** Offsets of the name in the file of `at`. */
	start: number;
	end: number;
	/** The generator's error text when the name is unknown. */
	notFound: string;
	/** For Network=: the ":options" part and its offsets. */
	options?: { start: number; end: number };
}

/** The 15 [Unit] keys whose quadlet file names the generator rewrites to service names. */
export const DEPENDENCY_KEYS = [
	'After', 'Before', 'BindsTo', 'Conflicts', 'OnFailure', 'OnSuccess', 'PartOf', 'PropagatesReloadTo',
	'PropagatesStopTo', 'ReloadPropagatedFrom', 'Requires', 'Requisite', 'StopPropagatedFrom', 'Upholds', 'Wants',
] as const;

const EXT = new Set<string>(QUADLET_EXTENSIONS);

function at(e: ViewEntry, from: number, to: number): { start: number; end: number } {
	const start = valueIndexToOffset(e.entry, from);
	return { start, end: Math.max(start, valueIndexToOffset(e.entry, to)) };
}

/** Source span (in the value) of characters `[from, to)` of a split word. */
function wordSpan(w: Word, from: number, to: number): [number, number] {
	if (w.src.length === 0) return [w.start, w.end];
	const a = w.src[Math.min(from, w.src.length - 1)][0];
	const b = w.src[Math.max(Math.min(to, w.src.length) - 1, 0)][1];
	return [a, Math.max(a, b)];
}

/** Every Network= value of the unit podman uses, split into name and options. */
export function networkRefs(ctx: RuleContext): UnitRef[] {
	const section = primarySection(ctx);
	if (!['container', 'pod', 'kube', 'build'].includes(ctx.kind)) return [];
	const out: UnitRef[] = [];
	for (const e of ctx.view.lookupAll(section, 'Network')) {
		const value = e.entry.value;
		const colon = value.indexOf(':');
		const name = colon >= 0 ? value.slice(0, colon) : value;
		if (!name.endsWith('.network') && !name.endsWith('.container')) continue;
		out.push({
			at: e, name, ...at(e, 0, name.length),
			notFound: `requested Quadlet unit ${name} was not found`,
			options: colon >= 0 ? at(e, colon, value.length) : undefined,
		});
	}
	return out;
}

/** All references of the unit (any file of the view); rules keep those of the checked file. */
export function unitRefs(ctx: RuleContext): UnitRef[] {
	const out: UnitRef[] = [];
	const v = ctx.view;
	const section = primarySection(ctx);
	const kind = ctx.kind;

	// Image= of a container, or of a volume using the image driver.
	const driver = v.last('Volume', 'Driver');
	if (kind === 'container' || (kind === 'volume' && driver && lookupText(driver.entry).text === 'image')) {
		const image = v.last(section, 'Image');
		if (image) {
			const { text, index } = lookupText(image.entry);
			if (text.endsWith('.image') || text.endsWith('.build')) {
				out.push({ at: image, name: text, ...at(image, index, index + text.length), notFound: `requested Quadlet image ${text} was not found` });
			}
		}
	}

	out.push(...networkRefs(ctx));

	if (kind === 'container' || kind === 'pod' || kind === 'build') {
		for (const e of v.lookupAll(section, 'Volume')) {
			const parts = e.entry.value.split(':');
			if (parts.length < 2) continue;
			const source = parts[0];
			if (source === '' || source.startsWith('.') || source.startsWith('/')) continue;
			if (!source.endsWith('.volume') && !source.endsWith('.artifact')) continue;
			out.push({ at: e, name: source, ...at(e, 0, source.length), notFound: `requested Quadlet source ${source} was not found` });
		}
	}

	if (kind === 'container') {
		for (const e of v.lookupAll(section, 'Mount')) {
			const split = splitWords(e.entry.value, PODMAN_ARGS);
			if (split.issue?.kind === 'bad-escape') continue; // podman drops the line
			for (const w of split.words) {
				const csv = readCsv(w.text);
				if ('error' in csv || csv.records.length !== 1) continue;
				const parts = mountParts(csv.records[0]);
				if (!SOURCED_MOUNT_TYPES.has(parts.type) || !parts.source) continue;
				const src = parts.source.value;
				if (src === '' || src.startsWith('.') || src.startsWith('/')) continue;
				if (!src.endsWith('.volume') && !src.endsWith('.image') && !src.endsWith('.artifact')) continue;
				const [a, b] = wordSpan(w, parts.source.valueStart, parts.source.valueStart + src.length);
				out.push({ at: e, name: src, ...at(e, a, b), notFound: `requested Quadlet source ${src} was not found` });
			}
		}
		const pod = v.last(section, 'Pod');
		if (pod) {
			const { text, index } = lookupText(pod.entry);
			if (text.endsWith('.pod')) {
				out.push({ at: pod, name: text, ...at(pod, index, index + text.length), notFound: `quadlet pod unit ${text} does not exist` });
			}
		}
	}

	for (const key of DEPENDENCY_KEYS) {
		for (const e of v.lookupAll('Unit', key)) {
			for (const w of splitWords(e.entry.value, PODMAN_STRV).words) {
				const slash = w.text.lastIndexOf('/');
				const dot = w.text.lastIndexOf('.');
				if (dot <= slash || !EXT.has(w.text.slice(dot + 1))) continue;
				const [a, b] = wordSpan(w, 0, w.text.length);
				out.push({ at: e, name: w.text, ...at(e, a, b), notFound: `unable to translate dependency for ${w.text}` });
			}
		}
	}
	return out;
}

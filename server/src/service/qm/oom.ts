/** OOM score requests of a unit, from [Service] OOMScoreAdjust= and PodmanArgs --oom-score-adj. */
import { unquoteValue, type UnitView } from '../model/unit-view';
import type { UnitKind } from '../catalog/catalog-schema';
import type { OffsetEdit } from '../types';
import { flagValues, parseInteger } from './container-settings';
import { entryRange, partRange, replaceValue } from './edits';

export interface OomRequest {
	value: number;
	/** How the request is written, for messages ("OOMScoreAdjust=100", "--oom-score-adj=100"). */
	shown: string;
	range: { start: number; end: number };
	/** The edit that writes another number in its place. */
	replace(text: string): OffsetEdit;
}

/** Integer OOM score requests of the unit in `view` that are written in the file `path`. */
export function oomRequests(view: UnitView, path: string, kind: UnitKind): OomRequest[] {
	const out: OomRequest[] = [];
	const w = view.last('Service', 'OOMScoreAdjust');
	if (w && w.path === path) {
		const raw = unquoteValue(w.entry.value).trim();
		const n = parseInteger(raw);
		if (n !== undefined) out.push({ value: n, shown: `OOMScoreAdjust=${raw}`, range: entryRange(w.entry), replace: (t) => replaceValue(w.entry, t) });
	}
	if (kind === 'container') {
		for (const part of flagValues(view, ['--oom-score-adj'])) {
			if (part.entry.path !== path) continue;
			const n = parseInteger(part.text);
			if (n === undefined) continue;
			const r = partRange(part);
			out.push({ value: n, shown: `--oom-score-adj=${part.text}`, range: r, replace: (t) => ({ ...r, newText: t }) });
		}
	}
	return out;
}

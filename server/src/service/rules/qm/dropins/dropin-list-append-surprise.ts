import { defineRule } from '../../rule';
import { splitWordsWithOffsets, type UnitView, type ViewEntry } from '../../../model/unit-view';
import { boundaryFor } from '../../../qm/boundary';
import { normalizeCap, parseFlags } from '../../../qm/container-settings';
import { insertLineBefore } from '../../../qm/edits';
import { normalizePath } from '../../../qm/paths';
import { baseName } from '../../../unit-path';

/**
 * Diagnostic: qm/dropin-list-append-surprise
 * A drop-in sets a list key the unit already sets, without a reset line, where the intent looks
 * like replacing: a Volume= for a destination already mounted, a PodmanArgs= option already
 * given, or an AddCapability=/DropCapability= that contradicts the other list.
 */
export default defineRule({
	id: 'qm/dropin-list-append-surprise',
	defaultSeverity: 'hint',
	title: 'Drop-in appends to a list it probably meant to replace',
	why: 'List keys accumulate across the unit and its drop-ins; only an empty assignment (Key=) clears what came before. Upstream QM uses that idiom (PodmanArgs= then PodmanArgs=--memory 5G; DropCapability= then the new list).',
	fix: 'Insert an empty Key= line before the new value, then re-check the boundary rules (a reset can remove vendor hardening).',
	appliesTo: (ctx) => !!ctx.info.dropIn && ctx.domain.domain !== 'unknown' && (ctx.kind === 'container'),
	check(ctx) {
		// On the QM boundary the vendor qm.container counts even when it is not in the workspace.
		const view: UnitView = ctx.domain.domain === 'qm-boundary' && ctx.info.unitName === 'qm.container' ? boundaryFor(ctx.qm(), ctx.path).view : ctx.view;
		const entries = view.entries('Container');
		const firstHere = entries.findIndex((e) => e.path === ctx.path);
		if (firstHere < 0) return;
		const state = new Map<string, ViewEntry[]>();
		const resetHere = new Set<string>();
		for (let i = 0; i < entries.length; i++) {
			const e = entries[i];
			const key = e.entry.key;
			if (!['Volume', 'PodmanArgs', 'AddCapability', 'DropCapability'].includes(key)) continue;
			if (e.entry.value.trim() === '') {
				state.set(key, []);
				if (e.path === ctx.path) resetHere.add(key);
				continue;
			}
			if (e.path === ctx.path && !resetHere.has(key)) {
				const clash = findClash(key, e, state);
				if (clash) {
					ctx.report({
						start: e.entry.keyStart, end: e.entry.valueEnd,
						message: `${clash.what} ${baseName(clash.with.path)} already has ${clash.shown}: ${key}= values add up across the unit and its drop-ins, so both stay in effect${clash.consequence}. If this line is meant to replace the earlier value, put an empty ${key}= before it.`,
						related: [{ path: clash.with.path, start: clash.with.entry.keyStart, end: clash.with.entry.valueEnd, message: 'the earlier value that stays in effect' }],
						fixes: [{ title: `Insert ${key}= (reset) before this line`, edits: [insertLineBefore(ctx.parsed, e.entry, `${key}=`)] }],
					});
				}
			}
			state.set(key, [...(state.get(key) ?? []), e]);
		}
	},
});

interface Clash { with: ViewEntry; shown: string; what: string; consequence: string }

function findClash(key: string, e: ViewEntry, state: Map<string, ViewEntry[]>): Clash | undefined {
	const earlier = (k: string) => (state.get(k) ?? []).filter((o) => o.path !== e.path);
	if (key === 'Volume') {
		const dest = volumeDest(e.entry.value);
		const hit = dest ? earlier('Volume').find((o) => volumeDest(o.entry.value) === dest) : undefined;
		return hit && { with: hit, shown: `Volume=${hit.entry.value.trim()}`, what: `This Volume= mounts onto ${dest}, and`, consequence: ' (podman refuses two mounts on one destination)' };
	}
	if (key === 'PodmanArgs') {
		const mine = new Set(parseFlags(e, 'PodmanArgs').map((f) => f.flag));
		for (const o of earlier('PodmanArgs')) {
			const f = parseFlags(o, 'PodmanArgs').find((x) => mine.has(x.flag));
			if (f) return { with: o, shown: `PodmanArgs=…${f.flag}…`, what: `This PodmanArgs= passes ${f.flag}, and`, consequence: ' (podman gets the option twice)' };
		}
		return undefined;
	}
	const other = key === 'AddCapability' ? 'DropCapability' : 'AddCapability';
	const mine = splitWordsWithOffsets(e.entry.value).map((w) => normalizeCap(w.word)).filter((c) => c !== 'all');
	for (const o of earlier(other)) {
		const theirs = splitWordsWithOffsets(o.entry.value).map((w) => normalizeCap(w.word));
		const both = mine.find((c) => theirs.includes(c));
		if (both) return { with: o, shown: `${other}=${o.entry.value.trim()}`, what: `This ${key}= names ${both}, and`, consequence: ' (podman refuses a capability that is both added and dropped)' };
	}
	return undefined;
}

function volumeDest(value: string): string | undefined {
	const parts = value.trim().split(':');
	const dest = parts.length >= 2 ? parts[1] : parts[0];
	return dest && dest.startsWith('/') ? normalizePath(dest) : undefined;
}

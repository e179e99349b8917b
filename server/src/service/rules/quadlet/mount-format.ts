import { PODMAN_ARGS, splitWords, type Word } from '../../catalog/value-types/words';
import { valueIndexToOffset } from '../../parser/parse-unit';
import { defineRule, type RuleContext } from '../rule';
import type { ViewEntry } from '../../model/unit-view';
import { mountParts, readCsv, SOURCED_MOUNT_TYPES } from './mount-csv';
import { targetAtMost } from './support';

/**
 * Diagnostic: quadlet/mount-format
 * A Mount= argument the generator cannot resolve: not exactly one CSV record (a line break,
 * a stray quote), a source/src without "=value", an empty source, or no source for a bind,
 * glob, image or artifact mount. The generator refuses the unit.
 */
export default defineRule({
	id: 'quadlet/mount-format',
	defaultSeverity: 'error',
	title: 'Mount= the generator cannot parse',
	why: 'quadlet reads each Mount= argument as one CSV record and resolves its source; malformed CSV or a missing source makes podman\'s generator refuse the unit.',
	fix: 'Write type=TYPE,source=SOURCE,destination=/path[,options] as one comma-separated record; quote a field that contains a comma with "...".',
	appliesTo: (ctx) => ctx.kind === 'container',
	check(ctx) {
		for (const e of ctx.view.lookupAll('Container', 'Mount')) {
			if (e.path !== ctx.path) continue;
			const split = splitWords(e.entry.value, PODMAN_ARGS);
			if (split.issue?.kind === 'bad-escape') continue; // dropped by podman; escape-sequence warns
			for (const w of split.words) checkMount(ctx, e, w);
		}
	},
});

function checkMount(ctx: RuleContext, e: ViewEntry, w: Word): void {
	const span = (from: number, to: number) => {
		const a = w.src.length ? w.src[Math.min(from, w.src.length - 1)][0] : w.start;
		const b = w.src.length ? w.src[Math.max(Math.min(to, w.src.length) - 1, 0)][1] : w.end;
		const start = valueIndexToOffset(e.entry, a);
		return { start, end: Math.max(start, valueIndexToOffset(e.entry, b)) };
	};
	const whole = span(0, w.text.length);
	const arg = w.text.replace(/\n/g, '\\n');
	const csv = readCsv(w.text);
	if ('error' in csv) {
		ctx.report({
			...span(csv.error.start, csv.error.end),
			message: `Mount=${arg}: ${csv.error.message}, so podman's generator cannot read the mount as CSV and refuses this unit. Quote a whole field ("src=a,b") or remove the quote.`,
		});
		return;
	}
	if (csv.records.length !== 1) {
		ctx.report({
			...whole,
			message: `Mount=${arg} is ${csv.records.length === 0 ? 'empty' : `${csv.records.length} CSV records (it contains a line break)`}, and podman's generator refuses this unit ("incorrect mount format"). Write one record: type=TYPE,source=SOURCE,destination=/path.`,
		});
		return;
	}
	const parts = mountParts(csv.records[0]);
	if (!SOURCED_MOUNT_TYPES.has(parts.type)) return;
	if (parts.sourceWithoutValue) {
		const f = parts.sourceWithoutValue;
		ctx.report({
			...span(f.start, f.end),
			message: `Mount=${arg}: "${f.text}" has no "=" and no value, and podman's generator refuses this unit ("source parameter does not include a value"). Write ${f.text}=SOURCE.`,
		});
		return;
	}
	if (parts.source) {
		if (parts.source.value === '') {
			ctx.report({
				...span(parts.source.field.start, parts.source.field.end),
				message: `Mount=${arg}: the source is empty, and podman's generator refuses this unit ("source cannot be empty"). Write the volume name, host path or image after "=", or drop the field for an anonymous volume.`,
			});
		}
		return;
	}
	if (parts.type === 'volume' && !targetAtMost(ctx, '5.8')) return; // an anonymous volume
	ctx.report({
		...whole,
		message: parts.type === 'volume'
			? `Mount=${arg} has no source=; podman after 5.8 creates an anonymous volume, but the generator of podman ${ctx.podmanVersion} (the configured target) refuses this unit. Add source=NAME.`
			: `Mount=${arg} has no source=, which a type=${parts.type} mount needs, and podman's generator refuses this unit ("source parameter is required for mount type ${parts.type}"). Add source=${parts.type === 'bind' || parts.type === 'glob' ? '/host/path' : parts.type === 'image' ? 'IMAGE' : 'ARTIFACT'}.`,
	});
}

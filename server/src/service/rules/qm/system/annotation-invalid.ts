import { defineRule } from '../../rule';
import { annotations, subPart } from '../../../qm/container-settings';
import { annotationSpec, annotationValueAccepted, devicesData } from '../../../qm/qm-data';
import { closest } from '../../../util/edit-distance';
import { valueIndexToOffset } from '../../../parser/parse-unit';
import type { Fix } from '../../../types';

/**
 * Diagnostic: qm/annotation-invalid
 * Annotation=org.containers.qm.… that no qm-oci-hook understands, or with a value the hook
 * skips: no device appears and nothing reports it except the hook's log.
 */
export default defineRule({
	id: 'qm/annotation-invalid',
	defaultSeverity: 'warning',
	title: 'Unknown or ignored QM hook annotation',
	why: 'The qm-oci-hooks act only on the annotation names they know and only on the values true/1/yes (a non-empty seat name for wayland.seat); anything else is logged as skipped and no device is added.',
	fix: 'Use one of the documented annotation names with the value true (or a seat name such as seat0).',
	appliesTo: (ctx) => ctx.domain.domain !== 'unknown' && ctx.kind === 'container',
	check(ctx) {
		const d = devicesData();
		const known = d.annotations.map((a) => a.key);
		for (const a of annotations(ctx.view)) {
			if (a.part.entry.path !== ctx.path || !a.key.startsWith(d.annotationPrefix)) continue;
			const e = a.part.entry.entry;
			const range = (from: number, len: number) => {
				const s = subPart(a.part, from, len);
				return { start: valueIndexToOffset(e, s.index), end: valueIndexToOffset(e, s.index + s.length) };
			};
			const spec = annotationSpec(a.key);
			if (!spec) {
				const guess = closest(a.key, known, 6);
				const fixes: Fix[] | undefined = guess ? [{ title: `Change to ${guess}`, edits: [{ ...range(0, a.key.length), newText: guess }], isPreferred: true }] : undefined;
				ctx.report({
					...range(0, a.key.length),
					message: `${a.key} is not an annotation the qm-oci-hooks know; the hook skips it and no device is added.${guess ? ` Did you mean ${guess}?` : ` Known: ${known.join(', ')}.`}`,
					fixes,
				});
				continue;
			}
			if (annotationValueAccepted(spec, a.value)) continue;
			const valueRange = a.hasEq && a.value.length > 0 ? range(a.key.length + 1, a.value.length) : range(0, a.part.text.length);
			const good = spec.nonEmpty ? 'seat0' : 'true';
			const edit = a.hasEq
				? { ...range(a.key.length + 1, a.value.length), newText: good }
				: { ...range(a.key.length, 0), newText: `=${good}` };
			ctx.report({
				...valueRange,
				message: spec.nonEmpty
					? `${a.key} needs a seat name (e.g. seat0); with an empty value the hook does nothing.`
					: `${a.key}=${a.value} is ignored: the hook accepts only ${(spec.values ?? []).join(', ')}, so no ${spec.family} appear. Write ${a.key}=true.`,
				fixes: [{ title: `Set ${a.key}=${good}`, edits: [edit], isPreferred: true }],
			});
		}
	},
});

import { defineRule } from '../../rule';
import { effectiveBoundary } from '../../../qm/boundary';
import { devices } from '../../../qm/container-settings';
import { provision, providedBy } from '../../../qm/devices';
import { partRange } from '../../../qm/edits';
import { annotationsCovering } from '../../../qm/qm-data';
import { valueIndexToOffset } from '../../../parser/parse-unit';
import type { RelatedLocation } from '../../../types';

/**
 * Diagnostic: qm/device-not-provided
 * A container inside QM needs a device (AddDevice= without "-", or --device) that the QM
 * boundary does not expose: no AddDevice= on qm.container or its drop-ins, no qm-oci-hooks
 * annotation covering it. The device does not exist inside QM, so the container fails.
 */
export default defineRule({
	id: 'qm/device-not-provided',
	defaultSeverity: 'warning',
	title: 'Device not exposed to QM by the boundary',
	why: 'Devices exist inside QM only when qm.container (or a qm.container.d/ drop-in) adds them or a qm-oci-hooks annotation injects them; a mandatory device that QM lacks stops the nested container from starting.',
	fix: 'Add a boundary drop-in (/etc/containers/systemd/qm.container.d/) with AddDevice=-/dev/… or the matching annotation, or make the device optional with "-".',
	appliesTo: (ctx) => ctx.domain.domain === 'qm' && ctx.kind === 'container',
	check(ctx) {
		const b = effectiveBoundary(ctx.qm());
		const p = provision(b);
		for (const d of devices(ctx.view)) {
			if (d.part.entry.path !== ctx.path || d.optional) continue;
			if (providedBy(p, d.host)) continue;
			const ann = annotationsCovering(d.host).find((a) => a.values);
			const suggestion = ann ? `Annotation=${ann.key}=true or AddDevice=-${d.host}` : `AddDevice=-${d.host}`;
			const related: RelatedLocation[] = [];
			if (b.base) {
				const s = b.base.parsed.sections.find((x) => x.name === 'Container') ?? b.base.parsed.sections[0];
				if (s) related.push({ path: b.base.path, start: s.start, end: s.end, message: 'the QM partition this container runs in' });
			}
			const at = valueIndexToOffset(d.part.entry.entry, d.part.index);
			ctx.report({
				...partRange(d.part),
				message: `${d.part.via === 'AddDevice' ? 'AddDevice=' : '--device '}${d.part.text} needs ${d.host} inside QM, but the QM boundary does not expose it${b.vendorAssumed && !b.view.dropIns.length ? ' (no qm.container drop-in in the workspace adds it)' : ''}: the container cannot start. Add a drop-in in /etc/containers/systemd/qm.container.d/ with ${suggestion}${d.part.flag ? '' : `, or write AddDevice=-${d.part.text} if the device is optional`}.`,
				related: related.length ? related : undefined,
				fixes: d.part.flag ? undefined : [{ title: `Make it optional (-${d.part.text})`, edits: [{ start: at, end: at, newText: '-' }] }],
			});
		}
	},
});

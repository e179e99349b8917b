import { defineRule } from '../../rule';
import { annotations, devices } from '../../../qm/container-settings';
import { partRange, removePart, replaceValue } from '../../../qm/edits';
import { annotationsCovering } from '../../../qm/qm-data';
import type { Fix } from '../../../types';

/**
 * Diagnostic: qm/device-prefer-annotation
 * AddDevice= for a device family a qm-oci-hooks annotation provides (sound, video, input,
 * tty0-7, ttyUSB, DVB, radio, GPU render nodes). The hook finds the devices present at start.
 */
export default defineRule({
	id: 'qm/device-prefer-annotation',
	defaultSeverity: 'hint',
	title: 'qm-oci-hooks annotation available for this device',
	why: 'The qm-oci-hooks discover devices when the container starts, so a missing or renumbered device does not break it; upstream QM moved its sub-packages from AddDevice= to these annotations.',
	fix: 'Annotation=org.containers.qm.device.TYPE=true (audio, video, input, ttys, ttyUSB, dvb, radio) (or wayland-client.gpu=true for render nodes).',
	appliesTo: (ctx) => (ctx.domain.domain === 'qm' || ctx.domain.domain === 'qm-boundary') && ctx.kind === 'container',
	check(ctx) {
		const present = new Set(annotations(ctx.view).map((a) => `${a.key}=${a.value}`));
		for (const d of devices(ctx.view)) {
			if (d.part.entry.path !== ctx.path || d.part.flag) continue;
			const spec = annotationsCovering(d.host).find((a) => a.prefer && a.values);
			if (!spec) continue;
			const line = `Annotation=${spec.key}=true`;
			const e = d.part.entry.entry;
			const only = e.value.trim() === d.part.entry.entry.value.slice(d.part.index, d.part.index + d.part.length);
			const fix: Fix = present.has(`${spec.key}=true`)
				? { title: `Remove ${d.host} (the annotation already covers it)`, edits: [removePart(ctx.parsed, d.part, false)] }
				: only
					? { title: `Replace with ${line}`, edits: [{ start: e.keyStart, end: e.keyEnd, newText: 'Annotation' }, replaceValue(e, `${spec.key}=true`)] }
					: { title: `Replace with ${line}`, edits: [removePart(ctx.parsed, d.part, false), { start: ctx.parsed.lines[e.lastLine].next, end: ctx.parsed.lines[e.lastLine].next, newText: `${line}\n` }] };
			ctx.report({
				...partRange(d.part),
				message: `${d.host} belongs to ${spec.family}, which the qm-oci-hooks inject at start time with ${line}; the hook copes with missing or renumbered devices, a fixed AddDevice= does not.`,
				fixes: [fix],
			});
		}
	},
});

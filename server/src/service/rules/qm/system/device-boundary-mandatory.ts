import { defineRule } from '../../rule';
import { devices } from '../../../qm/container-settings';
import { partRange } from '../../../qm/edits';
import { valueIndexToOffset } from '../../../parser/parse-unit';

/**
 * Diagnostic: qm/device-boundary-mandatory
 * AddDevice= on the QM partition without the leading "-": if the device is missing on a
 * machine, podman refuses to start qm.container and the whole partition is down.
 */
export default defineRule({
	id: 'qm/device-boundary-mandatory',
	defaultSeverity: 'warning',
	title: 'Mandatory device on the QM partition',
	why: 'A device that is absent makes podman fail the whole QM container; every upstream QM drop-in writes AddDevice=-/dev/… so that a missing device is skipped.',
	fix: 'Prefix the device with "-" (AddDevice=-/dev/…), or expose the device family with a qm-oci-hooks annotation.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm-boundary' && ctx.kind === 'container',
	check(ctx) {
		for (const d of devices(ctx.view)) {
			if (d.part.entry.path !== ctx.path || d.optional || d.part.flag) continue;
			const at = valueIndexToOffset(d.part.entry.entry, d.part.index);
			ctx.report({
				...partRange(d.part),
				message: `AddDevice=${d.part.text} is mandatory: on a machine without ${d.host} podman refuses to start qm.container and the whole QM partition stays down. Write AddDevice=-${d.part.text} so a missing device is skipped.`,
				fixes: [{ title: `Make it optional (-${d.part.text})`, edits: [{ start: at, end: at, newText: '-' }], isPreferred: true }],
			});
		}
	},
});

import { defineRule } from '../../rule';
import { devices } from '../../../qm/container-settings';
import { partRange, removePart } from '../../../qm/edits';
import { forbiddenDevice } from '../../../qm/qm-data';

/**
 * Diagnostic: qm/device-forbidden
 * AddDevice= (or --device) hands the QM partition, or a container inside it, a device QM must
 * never reach: the console, the kernel log, memory, raw disks (FFI-tested, errors), or kmem,
 * I/O ports, block devices, the watchdog, CPU registers, the TPM (warnings).
 */
export default defineRule({
	id: 'qm/device-forbidden',
	defaultSeverity: 'error',
	title: 'Device QM must not have',
	why: 'QM\'s freedom-from-interference tests assert that /dev/console, /dev/kmsg, /dev/mem and /dev/disk are absent from QM; raw storage, memory, the watchdog or the TPM give QM ways to interfere with ASIL.',
	fix: 'Remove the device.',
	appliesTo: (ctx) => (ctx.domain.domain === 'qm' || ctx.domain.domain === 'qm-boundary') && ctx.kind === 'container',
	check(ctx) {
		for (const d of devices(ctx.view)) {
			if (d.part.entry.path !== ctx.path) continue;
			const bad = forbiddenDevice(d.host);
			if (!bad) continue;
			const who = ctx.domain.domain === 'qm' ? 'a container inside QM' : 'the QM partition';
			ctx.report({
				...partRange(d.part),
				severity: bad.severity === 'error' ? undefined : 'warning',
				message: `${d.host} (${bad.name}) must not be given to ${who}: ${bad.why}. Remove it.`,
				fixes: [{ title: `Remove ${d.host}`, edits: [removePart(ctx.parsed, d.part, !!d.part.flag)], isPreferred: true }],
			});
		}
	},
});

import { splitWordsWithOffsets, type ViewEntry } from '../../../model/unit-view';
import { deniedNestedUses, PULL_KEYS, socketUses } from '../../../qm/sockets-index';
import { defineRule } from '../../rule';
import { rangeIn } from './support';

/**
 * Diagnostic: qm/socket-not-enabled
 * A socket unit meant to start at boot ([Install] WantedBy=sockets.target) that no unit pulls in
 * (Requires=/Wants=/BindsTo= or Sockets=). Quadlet applies the [Install] section of quadlet
 * files when it generates them, but a plain .socket unit only starts at boot once it is enabled
 * with systemctl enable; inside QM that is done through the partition
 * (podman exec qm systemctl enable <name>.socket), which is easy to miss. A reminder, not a
 * fault, and only for QM: on the host, enabling socket units is the usual routine.
 */
export default defineRule({
	id: 'qm/socket-not-enabled',
	defaultSeverity: 'information',
	title: 'Socket unit only starts at boot once enabled',
	why: 'Quadlet applies [Install] of quadlet files at generation time, but a plain .socket unit with WantedBy=sockets.target is only started at boot after systemctl enable (inside QM: podman exec qm systemctl enable <name>.socket).',
	fix: 'Let the consumer pull the socket in (Requires=/After= on it) or enable the socket unit.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm' && ctx.kind === 'socket',
	check(ctx) {
		const socket = ctx.qmUnit();
		if (!socket || socket.virtual) return;
		const model = ctx.qm();
		let wanted: { at: ViewEntry; start: number; length: number } | undefined;
		for (const at of socket.view.lookupAll('Install', 'WantedBy')) {
			for (const w of splitWordsWithOffsets(at.entry.value)) {
				if (w.word === 'sockets.target' && at.path === ctx.path) wanted = { at, start: w.start, length: w.end - w.start };
			}
		}
		if (!wanted) return;
		const pulled = socketUses(model, socket).some((u) => u.how === 'sockets' || (u.how === 'dependency' && PULL_KEYS.has(u.key ?? '')));
		if (pulled || deniedNestedUses(model, socket).length) return;
		ctx.report({
			...rangeIn(wanted.at, wanted.start, wanted.length),
			message: `WantedBy=sockets.target only takes effect once ${socket.fileName} is enabled: unlike quadlet files, whose [Install] section podman's generator applies by itself, a plain socket unit has to be enabled in QM's own systemd, from the host with podman exec qm systemctl enable ${socket.fileName}. No unit pulls it in with Requires=, Wants= or Sockets=, so until then nothing listens. Enable it, or add Requires=${socket.fileName} and After=${socket.fileName} to the container that uses it.`,
		});
	},
});

import { defineRule } from '../../rule';
import type { Fix, RelatedLocation } from '../../../types';
import { boundaryDropInDir, bridgeExposureFor, bridgeUses, ipcBridge, useRange } from '../../../qm/ipc-bridge';
import { overlaps } from '../../../qm/paths';
import { inDomain } from '../support';

/**
 * Diagnostic: qm/ipc-bridge-not-mounted-into-qm
 * A QM quadlet mounts or names a path under /run/ipc, but the effective qm.container (vendor
 * file plus qm.container.d drop-ins) binds nothing from the host's /run/ipc. QM's /run is a
 * private tmpfs, so the client finds an empty or missing /run/ipc and never reaches the host.
 */
export default defineRule({
	id: 'qm/ipc-bridge-not-mounted-into-qm',
	defaultSeverity: 'error',
	title: 'QM quadlet uses /run/ipc but the QM boundary does not mount it',
	why: 'QM\'s /run is its own tmpfs; the host\'s /run/ipc is visible inside the partition only when a qm.container drop-in binds it (Volume=/run/ipc/:/run/ipc/). The vendor qm.container does not.',
	fix: 'Create /etc/containers/systemd/qm.container.d/10-ipc.conf with [Container] Volume=/run/ipc/:/run/ipc/ (plus [Unit] Wants=/After= on the host socket), then restart qm.service.',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && (ctx.kind === 'container' || ctx.kind === 'pod'),
	check(ctx) {
		const unit = ctx.qmUnit();
		if (!unit || (unit.kind !== 'container' && unit.kind !== 'pod')) return;
		const model = ctx.qm();
		const bridge = ipcBridge(model);
		const missing = bridgeUses(unit).filter((u) => !bridgeExposureFor(bridge, u.path));
		const first = missing[0];
		if (!first || first.entry.path !== ctx.path) return;

		const sockets = bridge.hostSockets.filter((s) => overlaps(s.path, first.path));
		const related: RelatedLocation[] = sockets.map((s) => ({ path: s.entry.path, ...useRange(s), message: `host socket ${s.path}, created on the host's /run/ipc` }));
		const b = bridge.boundary;
		if (b) {
			const header = b.view.main.parsed.sections[0];
			related.push({
				path: b.view.main.path, start: header?.start ?? 0, end: header?.end ?? 0,
				message: b.virtual ? 'the qm.container drop-ins of this workspace: none binds /run/ipc' : 'the QM partition\'s qm.container: neither it nor its drop-ins bind /run/ipc',
			});
		}
		const where = b ? `neither ${b.virtual ? 'the qm.container drop-ins' : b.file.path} nor ${b.virtual ? 'the vendor qm.container' : 'its drop-ins'} bind the host's /run/ipc into the partition` : 'no qm.container drop-in in the workspace binds the host\'s /run/ipc into the partition (the vendor qm.container does not)';
		const what = first.via === 'mount' ? `${first.entry.entry.key}= source ${first.raw}` : `${first.entry.entry.key}= path ${first.raw}`;

		const dir = boundaryDropInDir(model, bridge, ctx.path);
		let name = '10-ipc.conf';
		for (let i = 2; ctx.workspace.get(`${dir}/${name}`); i++) name = `10-ipc-${i}.conf`;
		const socketNames = [...new Set(sockets.map((s) => s.unit.fileName))];
		const unitPart = socketNames.length ? `[Unit]\nWants=${socketNames.join(' ')}\nAfter=${socketNames.join(' ')}\n\n` : '';
		const fix: Fix = {
			title: `Create ${dir}/${name} binding /run/ipc into QM`,
			edits: [],
			otherFiles: [{ path: `${dir}/${name}`, edits: [{ start: 0, end: 0, newText: `${unitPart}[Container]\nVolume=/run/ipc/:/run/ipc/\n` }] }],
			isPreferred: true,
		};
		ctx.report({
			...useRange(first),
			message: `${what} points into /run/ipc, but ${where}. Inside QM, /run is a private tmpfs, so this container sees an empty /run/ipc and cannot reach the host's socket. Add a boundary drop-in qm.container.d/10-ipc.conf with [Container] Volume=/run/ipc/:/run/ipc/.`,
			related: related.length ? related : undefined,
			fixes: [fix],
		});
	},
});

import type { Fix } from '../../../types';
import { deviceAnnotation, mountFacts, mountSpans, mountWritten, volumeTables } from '../../../qm/volumes';
import { normalizePath } from '../../../qm/paths';
import { defineRule } from '../../rule';
import { inDomain, mountSourceRange } from '../support';
import { UNIT_FILE_KINDS } from '../../../catalog/kinds';
import { containersConfDeviceBinds } from '../config/device-binds';

const ID = 'qm/volume-device-node';

/**
 * Diagnostic: qm/volume-device-node
 * A bind mount of something under /dev/. A bind mount only makes the node visible; it does not
 * add the device-cgroup allow rule that `AddDevice=` (podman --device) adds, so opening the device
 * fails. QM's oci hooks expose whole device families through annotations.
 */
export default defineRule({
	id: ID,
	defaultSeverity: 'warning',
	title: 'Device node passed as a bind mount',
	why: 'A bind mount does not add a device-cgroup rule, so the container sees the node but cannot open it; AddDevice= (podman --device) adds both.',
	fix: 'Use AddDevice=-/dev/X, or the qm device annotation that covers it (e.g. Annotation=org.containers.qm.device.ttys=true).',
	// Also containers.conf: `[containers] mounts = ["type=bind,source=/dev/X,…"]` (config/device-binds.ts).
	fileKinds: [...UNIT_FILE_KINDS, 'containers-conf'],
	appliesTo: (ctx) => ctx.kind === 'containers-conf' ? inDomain(ctx, 'qm', 'asil') : inDomain(ctx, 'qm', 'qm-boundary', 'asil') && ctx.qmUnit() !== undefined,
	check(ctx) {
		if (ctx.kind === 'containers-conf') {
			containersConfDeviceBinds(ctx);
			return;
		}
		const model = ctx.qm();
		const unit = ctx.qmUnit();
		if (!unit) return;
		const tables = volumeTables(model);
		for (const f of mountFacts(model, unit, ctx.path, ctx.domain.domain)) {
			if (f.verdict?.finding?.rule !== ID) continue;
			const m = f.mount;
			const spans = mountSpans(m);
			const optional = ctx.domain.domain !== 'asil' ? '-' : '';
			const dest = normalizePath(m.dest);
			const addDevice = `AddDevice=${optional}${m.rawSource}${dest !== f.source ? `:${m.dest}` : ''}`;
			const annotation = deviceAnnotation(tables, f.source);
			const message = `${mountWritten(m, spans)} bind-mounts the device ${f.source}: a bind mount adds no device-cgroup rule, so the container sees the node but cannot open it. Write ${addDevice} instead${annotation ? `, or let QM's device hook add it with Annotation=${annotation}` : ''}.`;
			const fixes: Fix[] = [];
			const e = m.entry.entry;
			if (m.via === 'Volume' && unit.kind === 'container' && m.options.length === 0 && e.firstLine === e.lastLine && m.dest.startsWith('/')) {
				fixes.push({ title: `Replace with ${addDevice}`, edits: [{ start: e.keyStart, end: e.valueEnd, newText: addDevice }], isPreferred: true });
			}
			if (annotation && unit.kind === 'container' && m.via === 'Volume' && e.firstLine === e.lastLine) {
				fixes.push({ title: `Replace with Annotation=${annotation}`, edits: [{ start: e.keyStart, end: e.valueEnd, newText: `Annotation=${annotation}` }] });
			}
			ctx.report({ ...mountSourceRange(m), message, fixes: fixes.length ? fixes : undefined });
		}
	},
});

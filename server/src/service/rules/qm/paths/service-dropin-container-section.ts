import { defineRule } from '../../rule';
import { QUADLET_KINDS } from '../../../catalog/kinds';
import { PRIMARY_SECTION } from '../../../catalog/catalog';

const QUADLET_SECTIONS = new Set<string>([...QUADLET_KINDS.map((k) => PRIMARY_SECTION[k] ?? ''), 'Quadlet'].filter(Boolean));

/**
 * Diagnostic: qm/service-dropin-container-section
 * [Container] (or another quadlet-only section) in a systemd drop-in of qm.service
 * (/etc/systemd/system/qm.service.d/, …/system.control/qm.service.d/). systemd reads those
 * drop-ins for the *generated* qm.service and ignores quadlet sections.
 */
export default defineRule({
	id: 'qm/service-dropin-container-section',
	defaultSeverity: 'warning',
	title: 'Quadlet section in a qm.service drop-in',
	why: 'Files in qm.service.d/ are systemd drop-ins for the service quadlet generated; systemd ignores [Container] and other quadlet sections there, so the settings never reach podman.',
	fix: 'Put [Container] keys into /etc/containers/systemd/qm.container.d/*.conf; keep only [Service]/[Unit] keys in qm.service.d/.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm-boundary' && ctx.kind === 'service' && ctx.info.dropIn?.dirName === 'qm.service.d' && /(^|\/)systemd\/system(\.control)?\/qm\.service\.d\/[^/]+$/.test(ctx.path),
	check(ctx) {
		for (const s of ctx.parsed.sections) {
			if (!QUADLET_SECTIONS.has(s.name)) continue;
			ctx.report({
				start: s.start, end: s.end,
				message: `[${s.name}] in a systemd drop-in of qm.service is ignored: systemd reads this file for the generated qm.service and knows nothing of quadlet sections. Move these keys to /etc/containers/systemd/qm.container.d/${ctx.info.fileName}.`,
			});
		}
	},
});

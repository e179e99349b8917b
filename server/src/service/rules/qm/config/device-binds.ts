import { normalizePath } from '../../../qm/paths';
import { forbiddenDevice } from '../../../qm/qm-data';
import { classifySource, deviceAnnotation, volumeTables } from '../../../qm/volumes';
import type { RuleContext } from '../../rule';
import { confFacts } from './support';

const DEVICE_NODE = 'qm/volume-device-node';

/**
 * The containers.conf branch of qm/volume-device-node (qm-rules §4.3): bind mounts in
 * `[containers] mounts = ["type=bind,source=/dev/X,…"]` whose source is a device node, judged
 * with the same volume-source table as Volume=/Mount= (QM's containers.conf: the table of nested
 * containers; the host's: the ASIL table). Called by that rule for `containers-conf` files;
 * reports on the source inside the string.
 */
export function containersConfDeviceBinds(ctx: RuleContext): void {
	const facts = confFacts(ctx);
	const domain = ctx.domain.domain;
	if (!facts || (domain !== 'qm' && domain !== 'asil')) return;
	const tables = volumeTables(ctx.qm());
	for (const m of facts.mounts) {
		if (m.type !== 'bind' || !m.source || !m.source.value.startsWith('/')) continue;
		const source = normalizePath(m.source.value);
		// Inside QM, devices QM must never have (/dev/kmsg, /dev/mem, …) are qm/containers-conf-qm-values errors.
		if (domain === 'qm' && forbiddenDevice(source)) continue;
		const verdict = classifySource(tables, domain, source, m.readOnly, false);
		if (verdict?.finding?.rule !== DEVICE_NODE) continue;
		const annotation = domain === 'qm' ? deviceAnnotation(tables, source) : undefined;
		ctx.report({
			start: m.source.start, end: m.source.end,
			message: `mounts binds the device ${source} into every ${domain === 'qm' ? 'container inside QM' : 'container of this podman'}: a bind mount adds no device-cgroup rule, so the containers see the node but cannot open it. List it in devices = ["${source}"] instead${annotation ? `, and let the QM boundary expose it (a qm.container.d/ drop-in with Annotation=${annotation} or AddDevice=-${source})` : ''}.`,
		});
	}
}

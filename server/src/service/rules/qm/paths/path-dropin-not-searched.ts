import { defineRule } from '../../rule';
import { isQuadletKind } from '../../../unit-path';

/**
 * Diagnostic: qm/path-dropin-not-searched
 * A quadlet drop-in podman never reads: in /usr/lib/containers/systemd/ (not a quadlet search
 * directory), or in a <name>.container.d/ whose unit does not exist in that domain — typically
 * /etc/qm/containers/systemd/qm.container.d/ (there is no qm.container inside QM).
 */
export default defineRule({
	id: 'qm/path-dropin-not-searched',
	defaultSeverity: 'warning',
	title: 'Drop-in that podman never applies',
	why: 'Quadlet looks for the drop-in directories of a unit (NAME.container.d/) only next to the units it generates, in its own search directories (/run, /etc, /usr/share …/containers/systemd); a drop-in elsewhere or for a unit that does not exist in that domain changes nothing.',
	fix: 'Boundary drop-ins go to /etc/containers/systemd/qm.container.d/; other drop-ins next to their unit.',
	appliesTo: (ctx) => !!ctx.info.dropIn && isQuadletKind(ctx.kind) && ctx.domain.domain !== 'unknown',
	check(ctx) {
		const dir = ctx.info.dropIn!.dirName;
		const first = ctx.parsed.sections[0];
		const line = ctx.parsed.lines[0];
		const range = { start: first ? first.start : line?.start ?? 0, end: first ? first.end : line?.end ?? 0 };
		if (/(^|\/)usr\/lib\/containers\/systemd\//.test(ctx.path)) {
			ctx.report({
				...range,
				message: `/usr/lib/containers/systemd/ is not a quadlet search directory (podman reads /run, /etc and /usr/share …/containers/systemd), so ${dir}/${ctx.info.fileName} is never applied. Put it in /etc/containers/systemd/${dir}/.`,
			});
			return;
		}
		if (ctx.info.dropIn!.scope !== 'unit' || ctx.viewIsComplete) return;
		const unit = ctx.info.unitName;
		if (unit === 'qm.container' && ctx.domain.domain === 'qm-boundary') return; // the vendor qm.container is assumed
		if (unit === 'qm.container' && ctx.domain.domain === 'qm') {
			ctx.report({
				...range,
				message: `${dir}/ inside the QM partition extends a qm.container that does not exist there: the partition itself is defined on the host. Boundary drop-ins go to the host's /etc/containers/systemd/qm.container.d/.`,
			});
			return;
		}
		ctx.report({
			...range,
			message: `No ${unit} in this ${ctx.domain.domain === 'qm' ? 'QM partition' : 'host'} quadlet directory set, so ${dir}/${ctx.info.fileName} applies to nothing. Add ${unit} next to ${dir}/, or move the drop-in to the directory of the unit it is meant for.`,
		});
	},
});

import { defineRule } from '../../rule';
import { boundaryData } from '../../../qm/qm-data';

/**
 * Diagnostic: qm/toplevel-dropin-affects-qm
 * A host top-level drop-in (…/containers/systemd/container.d/*.conf) sets [Container] keys:
 * quadlet applies it to every host .container, qm.container included, so it silently changes the
 * QM partition (warning for keys that touch isolation, information for the rest).
 */
export default defineRule({
	id: 'qm/toplevel-dropin-affects-qm',
	defaultSeverity: 'warning',
	title: 'Host-wide container.d drop-in also changes QM',
	why: 'Quadlet adds the top-level container.d/ directory to the drop-in search of every .container unit, so its keys also land in qm.container, the QM partition.',
	fix: 'Move the settings into per-unit NAME.container.d/ directories.',
	// A rootless container.d (~/.config/…, /etc/containers/systemd/users/…) cannot reach the rootful qm.container.
	appliesTo: (ctx) => ctx.domain.alsoBoundary === true && ctx.info.dropIn?.scope === 'toplevel' && ctx.kind === 'container'
		&& !/(^|\/)(\.config\/containers\/systemd|etc\/containers\/systemd\/users|usr\/share\/containers\/systemd\/users)\//.test(ctx.path),
	check(ctx) {
		const sensitive = new Set(boundaryData().toplevelSensitiveKeys);
		for (const section of ctx.parsed.sections) {
			if (section.name !== 'Container') continue;
			for (const e of section.entries) {
				const hot = sensitive.has(e.key) || e.key.startsWith('SecurityLabel') || e.key.startsWith('ReadOnly');
				ctx.report({
					start: e.keyStart, end: e.valueEnd,
					severity: hot ? undefined : 'information',
					message: hot
						? `${e.key}= in the host-wide ${ctx.info.dropIn!.dirName}/ also applies to qm.container: it changes the isolation of the QM partition, not only of the host containers. Move it into the <name>.container.d/ of the units that need it.`
						: `${e.key}= in the host-wide ${ctx.info.dropIn!.dirName}/ also applies to qm.container (the QM partition). If it is not meant for QM, move it into per-unit <name>.container.d/ directories.`,
				});
			}
		}
	},
});

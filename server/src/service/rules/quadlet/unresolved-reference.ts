import { defineRule } from '../rule';
import { isQuadletFile, replaceFix, resolveUnit, suggestUnit } from './support';
import { unitRefs } from './unit-refs';
import { definedOnlyElsewhere } from '../../qm/sockets-index';

/**
 * Diagnostic: quadlet/unresolved-reference
 * A value names another quadlet file (Image=x.image, Network=x.network, Volume=x.volume:/data,
 * Mount=source=x.volume, Pod=x.pod, After=x.container, ...) that is not in the workspace. The
 * generator looks the name up among the units it loaded and refuses the unit when it is missing.
 */
export default defineRule({
	id: 'quadlet/unresolved-reference',
	defaultSeverity: 'error',
	title: 'Reference to a quadlet file that does not exist',
	why: 'podman\'s generator replaces x.volume, x.network, x.image, x.pod, ... by the resource and service of that unit; when no such file is loaded it refuses the unit.',
	fix: 'Correct the file name (the quick fix offers the closest existing unit), create the missing unit file, or refer to an existing podman resource by its plain name.',
	appliesTo: isQuadletFile,
	check(ctx) {
		for (const ref of unitRefs(ctx)) {
			if (ref.at.path !== ctx.path) continue;
			if (resolveUnit(ctx, ref.name)) continue;
			// A [Unit] dependency on a unit of the other systemd (host vs QM): qm/unit-dep-cross-domain.
			if (ref.at.entry.section?.name === 'Unit' && definedOnlyElsewhere(ctx.qm(), ctx.domain.domain, ref.name)) continue;
			const guess = suggestUnit(ctx, ref.name);
			ctx.report({
				start: ref.start, end: ref.end,
				message: `${ref.at.entry.key}= names "${ref.name}", but there is no such unit file, and podman's generator refuses this unit ("${ref.notFound}"). ${guess ? `Did you mean "${guess}"?` : `Create ${ref.name} next to this unit or correct the name.`}`,
				fixes: guess ? [replaceFix(`Change to "${guess}"`, ref.start, ref.end, guess)] : undefined,
			});
		}
	},
});

import { defineRule } from '../rule';
import { isQuadletFile } from './support';

/**
 * Diagnostic: quadlet/service-user-group
 * [Service] User=, Group= or DynamicUser= in a quadlet unit. systemd would start podman itself
 * as that user, which breaks the rootful podman setup the service was generated for; podman's
 * generator (5.6+) warns and passes the key through.
 */
export default defineRule({
	id: 'quadlet/service-user-group',
	defaultSeverity: 'warning',
	title: '[Service] User=/Group=/DynamicUser= in a quadlet unit',
	why: 'systemd would run podman itself under another user, which does not match the rootful storage and runtime the unit was generated for; podman\'s generator warns that this is unsupported.',
	fix: 'For a container, set the user inside the container with [Container] User=/Group=; to run podman as a user, put the unit in that user\'s quadlet directory (rootless).',
	appliesTo: isQuadletFile,
	check(ctx) {
		// In a known QM domain qm/service-user-group reports the same lines.
		if (ctx.domain.domain !== 'unknown') return;
		for (const section of ctx.parsed.sections) {
			if (section.name !== 'Service') continue;
			for (const e of section.entries) {
				if (e.key !== 'User' && e.key !== 'Group' && e.key !== 'DynamicUser') continue;
				const instead = ctx.kind === 'container' && e.key !== 'DynamicUser'
					? ` To run the container process as another user, write ${e.key}= in [Container] instead.`
					: ' To run podman as another user, install the unit in that user\'s rootless quadlet directory.';
				ctx.report({
					start: e.keyStart, end: e.keyEnd,
					message: `[Service] ${e.key}= makes systemd start podman itself under another identity, which podman does not support for generated units; its generator warns ("using key ${e.key} in the Service group is not supported - use at your own risk").${instead}`,
				});
			}
		}
	},
});

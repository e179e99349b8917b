import { defineRule } from '../../rule';
import { knownDomain } from './support';
import { isQuadletKind } from '../../../unit-path';

/**
 * Diagnostic: qm/service-user-group
 * [Service] User=, Group= or DynamicUser= in a quadlet unit of a known domain. systemd would run
 * podman itself under that identity, which podman-systemd.unit(5) says quadlet units do not
 * support: the generated unit was written for rootful podman (its storage, runtime directory,
 * conmon), and in QM the nested podman runs as root inside the partition. Plain .service units
 * (e.g. QM's wayland-session.service with User=root) are not quadlets and are not checked.
 *
 * Severity: warning, not the rulebook's error. The house rule keeps error for what podman's
 * generator or systemd rejects, and neither does: podman's generator only warns ("using key User
 * in the Service group is not supported - use at your own risk", podman 5.6+) and passes the key
 * through, and systemd starts the unit; what breaks happens at run time and depends on the
 * image and storage setup. Same fact as the generic quadlet/service-user-group, which leaves
 * files of a known domain to this rule.
 */
export default defineRule({
	id: 'qm/service-user-group',
	defaultSeverity: 'warning',
	title: '[Service] User=/Group=/DynamicUser= in a quadlet unit',
	why: 'podman-systemd.unit(5): quadlet units do not support running podman as another user through systemd\'s User=/Group=/DynamicUser=; the generated service was written for rootful podman (podman\'s generator warns and passes the key through).',
	fix: 'Set the user of the container process with [Container] User=/Group= (or UserNS=); to run podman rootless, put the unit in a rootless quadlet directory.',
	appliesTo: (ctx) => knownDomain(ctx) && isQuadletKind(ctx.kind),
	check(ctx) {
		for (const section of ctx.parsed.sections) {
			if (section.name !== 'Service') continue;
			for (const e of section.entries) {
				if (e.key !== 'User' && e.key !== 'Group' && e.key !== 'DynamicUser') continue;
				const instead = ctx.kind === 'container' && e.key !== 'DynamicUser'
					? `To run the process inside the container as ${e.value.trim() || 'another user'}, write ${e.key}=${e.value.trim()} in [Container] instead.`
					: 'To run podman as another user, install the unit in that user\'s rootless quadlet directory.';
				const where = ctx.domain.domain === 'qm' ? ' Inside QM the nested podman runs as root in the partition; a different identity does not have its storage.' : '';
				ctx.report({
					start: e.keyStart, end: e.keyEnd,
					message: `[Service] ${e.key}= would make systemd start podman itself as ${e.value.trim() || 'another identity'}, which quadlet units do not support: the generated service expects rootful podman, and podman's generator warns ("using key ${e.key} in the Service group is not supported - use at your own risk").${where} ${instead}`,
				});
			}
		}
	},
});

import { defineRule } from '../../rule';
import { flagValues, keyValues, networks } from '../../../qm/container-settings';
import { partRange, removeLine, removePart } from '../../../qm/edits';

/**
 * Diagnostic: qm/network-publish-ignored
 * PublishPort= on a container inside QM that shares QM's namespace (no Network= or
 * Network=host): there is no separate namespace to forward into, so podman ignores it.
 */
export default defineRule({
	id: 'qm/network-publish-ignored',
	defaultSeverity: 'information',
	title: 'PublishPort= has no effect in QM\'s shared namespace',
	why: 'Nested containers use QM\'s network namespace (containers.conf netns="host"); port publishing only works for containers with a namespace of their own, so the ports are already "published" to QM as they are.',
	fix: 'Remove PublishPort=; to reach the port from the host, publish it on the QM boundary.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm' && ctx.kind === 'container',
	check(ctx) {
		if (ctx.view.lookup('Container', 'Pod')) return;
		const nets = networks(ctx.view).map((n) => n.mode.toLowerCase());
		if (nets.length > 0 && !nets.every((m) => m === 'host')) return;
		const how = nets.length === 0 ? 'without Network= it shares QM\'s namespace' : 'with Network=host it shares QM\'s namespace';
		for (const part of [...keyValues(ctx.view, 'Container', 'PublishPort'), ...flagValues(ctx.view, ['-p', '--publish'])]) {
			if (part.entry.path !== ctx.path) continue;
			ctx.report({
				...partRange(part),
				message: `PublishPort ${part.text} has no effect: ${how} (QM's containers.conf sets netns="host"), so there is nothing to forward. Remove it; the port is reachable inside QM as it is.`,
				fixes: [part.flag
					? { title: 'Remove the option', edits: [removePart(ctx.parsed, part)], isPreferred: true }
					: { title: 'Remove this PublishPort= line', edits: [removeLine(ctx.parsed, part.entry.entry)], isPreferred: true }],
			});
		}
	},
});

import { defineRule } from '../../rule';
import { PRIMARY_SECTION } from '../../../catalog/catalog';
import { networks } from '../../../qm/container-settings';
import { partRange, removeLine, removePart } from '../../../qm/edits';
import { boundaryData } from '../../../qm/qm-data';

/**
 * Diagnostic: qm/network-nested-private
 * A unit inside QM asks for a network namespace of its own (private, bridge, slirp4netns, pasta
 * or a podman network), or a .network quadlet is installed into QM. QM cannot set up private
 * networks for nested containers: its containers.conf makes them share QM's namespace.
 */
export default defineRule({
	id: 'qm/network-nested-private',
	defaultSeverity: 'warning',
	title: 'Private container network inside QM',
	why: 'QM\'s containers.conf sets netns="host" for nested containers because podman inside QM cannot set the sysctls a private bridge network needs (QM no longer unmasks /proc/sys); bridge, pasta and slirp4netns networks fail there.',
	fix: 'Omit Network= (nested containers share QM\'s own, already private, namespace) or use Network=none.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm' && ['container', 'pod', 'kube', 'network'].includes(ctx.kind),
	check(ctx) {
		if (ctx.kind === 'network') {
			if (ctx.info.dropIn) return;
			const s = ctx.parsed.sections.find((x) => x.name === 'Network') ?? ctx.parsed.sections[0];
			if (!s) return;
			ctx.report({
				start: s.start, end: s.end,
				message: `${ctx.info.fileName} creates a podman network inside QM; podman in QM cannot set up bridge networks (QM's containers.conf uses the QM namespace for nested containers), so containers joined to it fail to start. Let them share QM's namespace instead.`,
			});
			return;
		}
		const section = PRIMARY_SECTION[ctx.kind] ?? 'Container';
		const modes = boundaryData().nested.networkModesNeedingPrivateNetns;
		for (const { part, mode } of networks(ctx.view, section)) {
			if (part.entry.path !== ctx.path) continue;
			const m = mode.toLowerCase();
			if (m === '' || m === 'host' || m === 'none' || m === 'container' || m === 'ns' || m === 'default') continue;
			const named = !modes.includes(m);
			const shown = part.flag ? part.entry.entry.value.slice(part.flag.start, part.flag.end) : `Network=${part.text}`;
			ctx.report({
				...partRange(part),
				message: `${shown} gives the container ${named ? `the podman network "${mode}" (a bridge network)` : `a ${m} network namespace`}; inside QM podman cannot set one up (QM's containers.conf shares QM's namespace with nested containers, netns="host"). Remove it, or use Network=none if the container needs no network.`,
				fixes: [part.flag
					? { title: 'Remove the option', edits: [removePart(ctx.parsed, part)], isPreferred: true }
					: { title: `Remove Network=${part.text}`, edits: [removeLine(ctx.parsed, part.entry.entry)], isPreferred: true }],
			});
		}
	},
});

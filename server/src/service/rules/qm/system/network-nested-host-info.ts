import { defineRule } from '../../rule';
import { PRIMARY_SECTION } from '../../../catalog/catalog';
import { networks } from '../../../qm/container-settings';
import { partRange } from '../../../qm/edits';

/**
 * Diagnostic: qm/network-nested-host-info
 * Network=host inside QM: "host" is QM's own network namespace, which is private from the real
 * host. Worth knowing, not wrong.
 */
export default defineRule({
	id: 'qm/network-nested-host-info',
	defaultSeverity: 'information',
	title: 'Network=host inside QM means QM\'s namespace',
	why: 'Inside the QM partition "host" is the partition\'s private namespace, not the real host\'s: the container shares the network of every other QM container, not of ASIL services.',
	fix: 'Nothing required; for services that only talk over Unix sockets prefer Network=none.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm' && ['container', 'pod', 'kube'].includes(ctx.kind),
	check(ctx) {
		for (const { part, mode } of networks(ctx.view, PRIMARY_SECTION[ctx.kind] ?? 'Container')) {
			if (part.entry.path !== ctx.path || mode.toLowerCase() !== 'host') continue;
			ctx.report({
				...partRange(part),
				message: 'Inside QM, Network=host joins the QM partition\'s own network namespace (private from the real host, shared with the other QM containers). If the service only uses Unix sockets, Network=none isolates it further.',
			});
		}
	},
});

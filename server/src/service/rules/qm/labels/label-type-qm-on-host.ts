import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { occurrencesHere, removeFix, shown } from './support';

/**
 * Diagnostic: qm/label-type-qm-on-host
 * A host (ASIL) container runs with a QM type (qm_t, qm_container_*). The host runtime can enter
 * these types, but the workload then sits in QM's trust domain: qm_t may control it and it may
 * read and execute QM content. Only qm.container itself legitimately uses qm_t.
 */
export default defineRule({
	id: 'qm/label-type-qm-on-host',
	defaultSeverity: 'error',
	title: 'Host container uses a QM SELinux type',
	why: 'qm_t holds all process permissions over the qm_container_* types and those types may read and execute QM files (qm.if); an ASIL workload in them is no longer separated from the QM partition except by namespaces.',
	fix: 'Host bridge servers use ipc_t; other host containers keep the default type (remove the key).',
	appliesTo: (ctx) => inDomain(ctx, 'asil') && ctx.kind === 'container',
	check(ctx) {
		for (const o of occurrencesHere(ctx, 'type')) {
			const value = o.value.trim();
			if (!value.startsWith('qm_')) continue;
			ctx.report({
				start: o.start, end: o.end,
				message: `${shown(o)} puts a host (ASIL) container into QM's SELinux domain: qm_t controls qm_* processes and they can read QM content, so the ASIL workload loses its separation from QM. ${value === 'qm_t' ? 'Only qm.container (the QM partition) runs as qm_t. ' : ''}Remove the key (default container_t), or use ipc_t for a /run/ipc bridge server.`,
				fixes: removeFix(o),
			});
		}
	},
});

import { mountFacts, mountSpans, mountWritten } from '../../../qm/volumes';
import { defineRule } from '../../rule';
import { inDomain, mountSourceRange } from '../support';

const ID = 'qm/volume-qm-path-in-asil';

/**
 * Diagnostic: qm/volume-qm-path-in-asil
 * A host (ASIL) container mounts QM-owned state: the partition's /etc (`/etc/qm`), /var
 * (`/var/qm`) or root file system (`/usr/lib/qm/rootfs`). ASIL workloads must not depend on or
 * write QM's files, and `container_t` cannot access `qm_file_t` anyway. Read-write is an error.
 */
export default defineRule({
	id: ID,
	defaultSeverity: 'warning',
	title: 'Host container mounts QM-owned files',
	why: 'ASIL workloads must not depend on or modify the QM partition\'s state (labelled qm_file_t, which container_t cannot access anyway); a read-write mount would let ASIL write into QM.',
	fix: 'Exchange data with QM through a socket in /run/ipc instead of sharing QM\'s files.',
	appliesTo: (ctx) => inDomain(ctx, 'asil') && ctx.qmUnit() !== undefined,
	check(ctx) {
		const model = ctx.qm();
		const unit = ctx.qmUnit();
		if (!unit) return;
		for (const f of mountFacts(model, unit, ctx.path, ctx.domain.domain)) {
			const finding = f.verdict?.finding;
			if (finding?.rule !== ID) continue;
			const m = f.mount;
			const spans = mountSpans(m);
			const message = `${mountWritten(m, spans)} mounts ${f.source}, which belongs to the QM partition (qm_file_t), into a host (ASIL) container${f.readOnly ? '' : ' read-write, so ASIL could change QM\'s files'}. ASIL workloads must not depend on QM state, and container_t cannot access qm_file_t anyway. Exchange data through a socket in /run/ipc instead.`;
			ctx.report({ ...mountSourceRange(m), severity: finding.severity, message });
		}
	},
});

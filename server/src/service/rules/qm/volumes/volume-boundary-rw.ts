import { describeWithPrefixes, mountFacts, mountSpans, mountWritten, readOnlyEdit, toDocumentEdits, volumeTables } from '../../../qm/volumes';
import { defineRule } from '../../rule';
import { inDomain, mountSourceRange } from '../support';

const ID = 'qm/volume-boundary-rw';

/**
 * Diagnostic: qm/volume-boundary-rw
 * The QM boundary (qm.container or a drop-in) mounts a host path into QM without `:ro`: the
 * paths the deny list allows (anything that is not /run/ipc, the bluechi socket or the
 * partition's own /etc and /var) may only be read by QM. The shared image store
 * /var/lib/shared is mounted `:ro` upstream.
 */
export default defineRule({
	id: ID,
	defaultSeverity: 'warning',
	title: 'Host path mounted into QM read-write',
	why: 'QM must not modify host content (the QM/ASIL separation); upstream shares host data such as the image store /var/lib/shared only read-only.',
	fix: 'Append :ro to the mount.',
	appliesTo: (ctx) => inDomain(ctx, 'qm-boundary') && ctx.qmUnit() !== undefined,
	check(ctx) {
		const model = ctx.qm();
		const unit = ctx.qmUnit();
		if (!unit) return;
		for (const f of mountFacts(model, unit, ctx.path, ctx.domain.domain)) {
			if (f.verdict?.finding?.rule !== ID || f.readOnly) continue;
			const m = f.mount;
			const spans = mountSpans(m);
			const row = f.verdict.row;
			const what = row.sources.includes('/**') ? `host ${f.source}` : `host ${f.source} (${describeWithPrefixes(row.reason, volumeTables(model))})`;
			const message = `${mountWritten(m, spans)} mounts ${what} into the QM partition read-write: QM could change host content, which the QM/ASIL separation forbids. Append :ro.`;
			const edit = spans && readOnlyEdit(spans);
			ctx.report({
				...mountSourceRange(m),
				message,
				fixes: edit ? [{ title: 'Mount it read-only (:ro)', edits: toDocumentEdits(m, [edit]), isPreferred: true }] : undefined,
			});
		}
	},
});

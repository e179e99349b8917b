import { mountFacts, mountSpans, mountWritten, readOnlyEdit, toDocumentEdits, volumeTables } from '../../../qm/volumes';
import { defineRule } from '../../rule';
import { inDomain, mountSourceRange } from '../support';

/**
 * Diagnostic: qm/volume-ro-client-hint
 * A QM bridge client (`qm_container_ipc_t`) mounts /run/ipc read-write although it only
 * connects: no socket activates it and it sets no `Type=`/`Notify=`. Connecting to a Unix socket
 * works through a read-only bind (the read-only check does not apply to sockets; inferred from
 * kernel VFS semantics), and `:ro` keeps the QM side from planting files in the bridge.
 */
export default defineRule({
	id: 'qm/volume-ro-client-hint',
	defaultSeverity: 'hint',
	title: 'QM bridge client could mount /run/ipc read-only',
	why: 'A client only connects to the host\'s socket, which works over a read-only bind; :ro stops the QM side from creating or replacing files in the ASIL↔QM bridge.',
	fix: 'Volume=/run/ipc/:/run/ipc/:ro',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && ctx.kind === 'container' && ctx.qmUnit() !== undefined,
	check(ctx) {
		const model = ctx.qm();
		const unit = ctx.qmUnit();
		if (!unit || unit.label.type?.value !== 'qm_container_ipc_t') return;
		// A server role: activated by a socket, or readiness it signals itself.
		if (model.socketsActivating(unit).length > 0) return;
		if (unit.view.lookup('Service', 'Type') !== undefined || unit.view.lookup('Container', 'Notify') !== undefined) return;
		const tables = volumeTables(model);
		for (const f of mountFacts(model, unit, ctx.path, ctx.domain.domain)) {
			if (f.readOnly || !tables.bridge(f.source)) continue;
			const m = f.mount;
			const spans = mountSpans(m);
			const edit = spans && readOnlyEdit(spans);
			ctx.report({
				...mountSourceRange(m),
				message: `${mountWritten(m, spans)}: this bridge client only connects to the host's socket (nothing activates it, no Type=/Notify=), and connecting works through a read-only bind. Append :ro so the QM side cannot create or replace files in /run/ipc.`,
				fixes: edit ? [{ title: 'Mount /run/ipc read-only (:ro)', edits: toDocumentEdits(m, [edit]), isPreferred: true }] : undefined,
			});
		}
	},
});

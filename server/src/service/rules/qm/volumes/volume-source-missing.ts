import { isUnder } from '../../../qm/paths';
import type { QmModel } from '../../../qm/model';
import { mountFacts, mountSpans, mountWritten, volumeTables } from '../../../qm/volumes';
import { defineRule } from '../../rule';
import { inDomain, mountSourceRange } from '../support';

/**
 * Diagnostic: qm/volume-source-missing
 * A qm.container drop-in bind-mounts a host /run path (the /run/ipc bridge typically) that no
 * host unit of the workspace creates: no host `.socket` listens under it and no
 * `RuntimeDirectory=` makes it. /run is empty at boot, podman refuses a missing bind source,
 * and then the whole QM partition does not start. Paths the OS itself provides (/run/systemd,
 * /run/udev, /run/dbus, the bluechi socket…) are not reported; tmpfiles.d entries are not
 * visible to the language server, so the message mentions them.
 */
export default defineRule({
	id: 'qm/volume-source-missing',
	defaultSeverity: 'warning',
	title: 'QM boundary mounts a host /run path nothing creates',
	why: 'podman refuses to start a container whose bind source is missing; for qm.container that means the whole QM partition fails to start when the host /run directory has not been created yet.',
	fix: 'Add the host socket unit (ListenStream=%t/ipc/<name>.socket) or a tmpfiles.d line ("d /run/ipc 0755 root root -"), and order QM after it with Wants=/After= in the drop-in.',
	appliesTo: (ctx) => inDomain(ctx, 'qm-boundary') && ctx.info.dropIn !== undefined && ctx.qmUnit() !== undefined,
	check(ctx) {
		const model = ctx.qm();
		const unit = ctx.qmUnit();
		if (!unit) return;
		const tables = volumeTables(model);
		for (const f of mountFacts(model, unit, ctx.path, ctx.domain.domain)) {
			if (!isUnder(f.source, '/run') || tables.runtimeProvided(f.source)) continue;
			if (createdOnHost(model, f.source)) continue;
			const m = f.mount;
			const spans = mountSpans(m);
			const example = tables.bridge(f.source) ? 'ListenStream=%t/ipc/<name>.socket' : `ListenStream=${f.source.replace(/^\/run/, '%t')}/<name>.socket`;
			ctx.report({
				...mountSourceRange(m),
				message: `${mountWritten(m, spans)} needs host ${f.source} to exist before QM starts, but no host unit in this workspace creates it (no .socket listens under it, no RuntimeDirectory=). podman refuses a missing bind source, so the whole QM partition would fail to start. Add the host socket unit (${example}) and Wants=/After= on it in this drop-in, or a tmpfiles.d line "d ${f.source} 0755 root root -".`,
			});
		}
	},
});

/** A host unit creates the path: a socket listening at or below it, or a RuntimeDirectory= that is it or below it. */
function createdOnHost(model: QmModel, source: string): boolean {
	for (const u of model.units) {
		if (u.domain.domain !== 'asil' || u.domain.userScope) continue;
		if (u.kind === 'socket' && u.listens.some((l) => !l.abstract && isUnder(l.path, source))) return true;
		for (const section of ['Service', 'Socket']) {
			for (const dir of u.view.lookupWords(section, 'RuntimeDirectory')) {
				if (isUnder(`/run/${dir.replace(/^\/+|\/+$/g, '')}`, source)) return true;
			}
		}
	}
	return false;
}

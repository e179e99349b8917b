import type { Fix } from '../../../types';
import { valueIndexToOffset } from '../../../parser/parse-unit';
import { hostPathInQm, mountFacts, mountLabel, mountSpans, toDocumentEdits, volumeTables } from '../../../qm/volumes';
import { defineRule } from '../../rule';
import { inDomain, mountSourceRange } from '../support';

const ID = 'qm/volume-host-path-in-qm';

/** Keys whose paths podman inside QM opens on QM's file system. */
const PATH_KEYS = new Set(['EnvironmentFile', 'Rootfs', 'ContainersConfModule']);

/**
 * Diagnostic: qm/volume-host-path-in-qm
 * A nested QM unit names a host path of the partition (`/etc/qm/…`, `/var/qm/…`,
 * `/usr/lib/qm/…`, `/usr/share/qm/…`) in Volume=/Mount=/EnvironmentFile=/Rootfs=/
 * ContainersConfModule=. Inside QM those paths do not exist: host /etc/qm is QM's /etc, host
 * /var/qm its /var, and the rest is host-only tooling.
 */
export default defineRule({
	id: ID,
	defaultSeverity: 'error',
	title: 'Host view of a QM path in a nested QM unit',
	why: 'Inside the QM partition, host /etc/qm is mounted at /etc and /var/qm at /var; /usr/lib/qm and /usr/share/qm are not visible at all (FFI test regular_os_files), so the path does not exist and podman fails.',
	fix: 'Strip the host prefix: /etc/qm/foo → /etc/foo, /var/qm/foo → /var/foo, /usr/lib/qm/rootfs/usr/x → /usr/x.',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && ctx.qmUnit() !== undefined,
	check(ctx) {
		const model = ctx.qm();
		const unit = ctx.qmUnit();
		if (!unit) return;
		const tables = volumeTables(model);
		for (const f of mountFacts(model, unit, ctx.path, ctx.domain.domain)) {
			if (f.verdict?.finding?.rule !== ID) continue;
			const m = f.mount;
			const spans = mountSpans(m);
			const mapped = hostPathInQm(tables, f.source);
			const fixes: Fix[] = [];
			if (mapped && spans?.source) {
				const raw = m.entry.entry.value.slice(spans.source.start, spans.source.end);
				if (raw === mapped.host || raw.startsWith(mapped.host + '/')) {
					const newText = mapped.replaceHost(raw.slice(mapped.host.length));
					fixes.push({ title: `Use the QM path ${mapped.qm}`, edits: toDocumentEdits(m, [{ ...spans.source, newText }]), isPreferred: true });
				}
			}
			ctx.report({ ...mountSourceRange(m), message: message(`${mountLabel(m, spans)} source`, f.source, mapped?.qm), fixes: fixes.length ? fixes : undefined });
		}
		const row = tables.rows.qm.find((r) => r.finding?.rule === ID);
		if (!row) return;
		for (const r of unit.refs) {
			if (!PATH_KEYS.has(r.via) || r.entry.path !== ctx.path || r.abstract || !row.match(r.path)) continue;
			const e = r.entry.entry;
			const start = valueIndexToOffset(e, r.index);
			const end = valueIndexToOffset(e, r.index + r.length);
			const mapped = hostPathInQm(tables, r.path);
			const raw = e.value.slice(r.index, r.index + r.length);
			const fixes: Fix[] = mapped && (raw === mapped.host || raw.startsWith(mapped.host + '/'))
				? [{ title: `Use the QM path ${mapped.qm}`, edits: [{ start, end, newText: mapped.replaceHost(raw.slice(mapped.host.length)) }], isPreferred: true }]
				: [];
			ctx.report({ start, end, message: message(`${r.via}=`, r.path, mapped?.qm), fixes: fixes.length ? fixes : undefined });
		}
	},
});

function message(what: string, path: string, inQm: string | undefined): string {
	const base = `${what} ${path} is a host path of the QM partition; the nested podman inside QM does not see it, so it does not exist there.`;
	return inQm
		? `${base} Inside QM this is ${inQm}: write that instead.`
		: `${base} Host-side QM tooling is invisible inside QM; ship what the container needs inside QM (under /etc or /var) instead.`;
}

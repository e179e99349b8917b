import type { Fix, RelatedLocation } from '../../../types';
import type { QmPathRef } from '../../../qm/model';
import { isUnder } from '../../../qm/paths';
import { mountFacts, mountSpans, mountWritten, parentDir, toDocumentEdits, type MountSpans } from '../../../qm/volumes';
import { valueIndexToOffset } from '../../../parser/parse-unit';
import { defineRule } from '../../rule';
import { inDomain, mountSourceRange } from '../support';

const ID = 'qm/volume-broad-run';

/**
 * Diagnostic: qm/volume-broad-run
 * A nested QM container mounts the whole of QM's /run (`Volume=/run/:/run/`, `%t:%t`). That hands
 * it systemd's private socket, D-Bus, podman's runtime state and every other service's sockets;
 * SELinux blocks most use today, but the mount is far broader than the one socket it is for.
 * Upstream's QM-to-QM examples do this, so it stays a warning.
 */
export default defineRule({
	id: ID,
	defaultSeverity: 'warning',
	title: 'Nested container mounts all of QM\'s /run',
	why: 'Mounting /run (or %t) exposes all of QM\'s runtime state — systemd\'s private socket, D-Bus, podman runtime directories — to the nested container; only SELinux stands between it and those sockets.',
	fix: 'Share a dedicated directory on both peers, e.g. Volume=/run/myapp/:/run/myapp/, and put the socket at /run/myapp/app.sock.',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && ctx.qmUnit() !== undefined,
	check(ctx) {
		const model = ctx.qm();
		const unit = ctx.qmUnit();
		if (!unit) return;
		for (const f of mountFacts(model, unit, ctx.path, ctx.domain.domain)) {
			if (f.verdict?.finding?.rule !== ID) continue;
			const m = f.mount;
			const spans = mountSpans(m);
			// Sockets this unit names below /run, in a directory of their own.
			const sockets: QmPathRef[] = [];
			for (const r of unit.refs) {
				if (!r.socketLike || r.abstract || !isUnder(r.path, f.source) || parentDir(r.path) === f.source) continue;
				if (!sockets.some((s) => parentDir(s.path) === parentDir(r.path))) sockets.push(r);
			}
			const spec = mountWritten(m, spans);
			let message = `${spec} shares all of QM's /run with this container: systemd's private socket, D-Bus, podman's runtime directories and every other service's sockets. SELinux blocks most of that today, but the mount is much broader than needed.`;
			const related: RelatedLocation[] = [];
			if (sockets.length > 0) {
				const dir = parentDir(sockets[0].path);
				message += ` The socket this container uses (${sockets[0].path}) is in ${dir}/: mount only that directory, Volume=${dir}/:${dir}/.`;
				for (const s of sockets) {
					related.push({ path: s.entry.path, start: valueIndexToOffset(s.entry.entry, s.index), end: valueIndexToOffset(s.entry.entry, s.index + s.length), message: `socket path named in ${s.via}=` });
				}
			} else {
				message += ' Share a dedicated directory instead, e.g. Volume=/run/myapp/:/run/myapp/ on both peers, with the socket inside it.';
			}
			const fixes: Fix[] = [];
			if (spans) for (const s of sockets.slice(0, 3)) {
				const fix = narrowFix(m.entry.entry.value, spans, f.source, parentDir(s.path));
				if (fix) fixes.push({ title: `Mount only ${parentDir(s.path)}/`, edits: toDocumentEdits(m, fix), isPreferred: sockets.length === 1 });
			}
			ctx.report({ ...mountSourceRange(m), message, related: related.length ? related : undefined, fixes: fixes.length ? fixes : undefined });
		}
	},
});

/** Edits that replace `/run/` and its destination by `/run/<rel>/` (keeping the written style). */
function narrowFix(value: string, spans: MountSpans, source: string, dir: string): { start: number; end: number; newText: string }[] | undefined {
	if (spans.syntax !== 'volume' || !spans.source || !spans.dest) return undefined;
	const rel = dir.slice(source === '/' ? 1 : source.length + 1);
	const rawSource = value.slice(spans.source.start, spans.source.end);
	const rawDest = value.slice(spans.dest.start, spans.dest.end);
	if (!rawDest.startsWith('/') && !rawDest.startsWith('%')) return undefined;
	const extend = (raw: string) => `${raw.replace(/\/+$/, '')}/${rel}${raw.endsWith('/') ? '/' : ''}`;
	return [
		{ ...spans.source, newText: extend(rawSource) },
		{ ...spans.dest, newText: extend(rawDest) },
	];
}

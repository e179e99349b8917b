import type { Fix, RelatedLocation, Severity } from '../../../types';
import { valueIndexToOffset } from '../../../parser/parse-unit';
import { normalizePath } from '../../../qm/paths';
import { isWayland, mountFacts, mountSpans, mountWritten, parentDir, socketEvidence, toDocumentEdits, volumeTables, type SocketEvidence } from '../../../qm/volumes';
import { defineRule } from '../../rule';
import { inDomain, mountSourceRange } from '../support';

const ID = 'qm/volume-socket-file-bind';

/** Directories too broad to bind instead of the socket file. */
const BROAD = new Set(['/', '/run', '/tmp', '/var', '/var/tmp', '/etc', '/dev', '/dev/shm']);

/**
 * Diagnostic: qm/volume-socket-file-bind
 * A container bind-mounts a single socket file (a `.sock`/`.socket` name, a well-known socket, a
 * path a `.socket` unit listens on, or a socket path some container names in Environment=/Exec=).
 * The file must exist before the container starts, or podman refuses to start it; and when the
 * server (or the socket unit) recreates the socket, the bind keeps the old, dead inode. The
 * boundary's bluechi socket bind is the documented exception.
 */
export default defineRule({
	id: ID,
	defaultSeverity: 'warning',
	title: 'Bind mount of a single socket file',
	why: 'A socket file bind needs the socket to exist before the container starts (podman refuses a missing source) and goes stale when the socket is recreated: the container keeps the old inode and can no longer connect.',
	fix: 'Bind the directory that holds the socket instead (e.g. Volume=/run/myapp/:/run/myapp/).',
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'qm-boundary', 'asil') && ctx.qmUnit() !== undefined,
	check(ctx) {
		const model = ctx.qm();
		const unit = ctx.qmUnit();
		if (!unit) return;
		const tables = volumeTables(model);
		const sanctioned = tables.sanctionedSocketBinds[ctx.domain.domain];
		for (const f of mountFacts(model, unit, ctx.path, ctx.domain.domain)) {
			if (sanctioned?.(f.source)) continue;
			// Mounts that must go altogether are reported by the rule that says so.
			if (f.verdict?.finding?.severity === 'error') continue;
			const evidence = socketEvidence(model, unit, f.source);
			if (!evidence) continue;
			const m = f.mount;
			const spans = mountSpans(m);
			const dir = parentDir(f.source);
			const severity: Severity | undefined = isWayland(unit) ? 'information' : undefined;
			let message = `${mountWritten(m, spans)} binds the single socket file ${f.source} (${why(evidence)}). `;
			message += evidence.kind === 'listen'
				? 'The file exists only while that socket unit runs and is recreated when it restarts, so the container may fail to start or keep a dead inode.'
				: 'The socket must exist before the container starts or podman refuses to start it, and when the server recreates it the bind keeps pointing at the old, dead inode.';
			message += BROAD.has(dir)
				? ` Bind a directory of its own instead: move the socket into e.g. /run/myapp/ and mount Volume=/run/myapp/:/run/myapp/.`
				: ` Bind its directory instead: ${dir}/.`;
			if (severity) message += ' (The wayland stack binds its session sockets on purpose, so this is only a notice.)';
			const related: RelatedLocation[] = [];
			if (evidence.kind === 'listen' || evidence.kind === 'ref') {
				const r = evidence.ref;
				if (r.entry.path !== ctx.path || r.entry.entry !== m.entry.entry) {
					related.push({
						path: r.entry.path,
						start: valueIndexToOffset(r.entry.entry, r.index),
						end: valueIndexToOffset(r.entry.entry, r.index + r.length),
						message: evidence.kind === 'listen' ? `${evidence.unit.fileName} listens on this path` : `${evidence.unit.fileName} names this socket in ${r.via}=`,
					});
				}
			}
			const fixes: Fix[] = [];
			const fix = spans && directoryFix(m.entry.entry.value, spans, dir);
			if (fix) fixes.push({ title: `Bind the directory ${dir}/ instead`, edits: toDocumentEdits(m, fix) });
			ctx.report({ ...mountSourceRange(m), severity, message, related: related.length ? related : undefined, fixes: fixes.length ? fixes : undefined });
		}
	},
});

function why(e: SocketEvidence): string {
	switch (e.kind) {
		case 'suffix': return 'its name says it is a socket';
		case 'well-known': return 'a well-known socket path';
		case 'listen': return `${e.unit.fileName} listens on it`;
		case 'ref': return `${e.unit.fileName} uses it as a socket in ${e.ref.via}=`;
	}
}

/** `/run/app/app.sock:/run/app/app.sock` → `/run/app/:/run/app/` when both directories are narrow. */
function directoryFix(value: string, spans: NonNullable<ReturnType<typeof mountSpans>>, dir: string): { start: number; end: number; newText: string }[] | undefined {
	if (spans.syntax !== 'volume' || !spans.source || !spans.dest || BROAD.has(dir)) return undefined;
	const rawSource = value.slice(spans.source.start, spans.source.end);
	const rawDest = value.slice(spans.dest.start, spans.dest.end);
	if (!rawDest.startsWith('/')) return undefined;
	const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
	const dest = normalizePath(rawDest);
	const destDir = parentDir(dest);
	if (base(rawSource) !== base(dest) || BROAD.has(destDir)) return undefined;
	const srcDirRaw = rawSource.slice(0, rawSource.lastIndexOf('/'));
	if (!srcDirRaw) return undefined;
	return [
		{ ...spans.source, newText: `${srcDirRaw}/` },
		{ ...spans.dest, newText: `${destDir}/` },
	];
}

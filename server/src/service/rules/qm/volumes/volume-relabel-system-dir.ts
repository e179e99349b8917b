import type { Fix } from '../../../types';
import { documentRange, findOption, isRelabelOption, mountFacts, mountSpans, mountWritten, qmPathOnHost, relabelOf, removeOptionRange, toDocumentEdits, volumeTables } from '../../../qm/volumes';
import { defineRule } from '../../rule';
import { inDomain, mountSourceRange } from '../support';

/**
 * Diagnostic: qm/volume-relabel-system-dir
 * `:Z`/`:z` on a system directory other programs share but that go-selinux does not refuse:
 * `/var/tmp`, `/run/udev`, `/run/user/<uid>`, `/etc/<x>`, `/usr/<x>`, `/var/lib/<x>`… Podman
 * relabels it recursively: with `:Z` it becomes private to this one container, with `:z` every
 * file gets the container label. Either way the other users of the directory lose access.
 */
export default defineRule({
	id: 'qm/volume-relabel-system-dir',
	defaultSeverity: 'warning',
	title: 'Relabel option on a shared system directory',
	why: 'Podman relabels the whole directory: :Z makes it private to one container and :z gives it the container label, so the other programs and containers that use the directory lose access (podman: "Do not relabel system files and directories").',
	fix: 'Mount a dedicated subdirectory (e.g. Volume=/var/tmp/myapp:/tmp:Z) or a named volume; use :z only where sharing with other containers is intended.',
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'asil') && ctx.qmUnit() !== undefined,
	check(ctx) {
		const model = ctx.qm();
		const unit = ctx.qmUnit();
		if (!unit) return;
		const tables = volumeTables(model);
		for (const f of mountFacts(model, unit, ctx.path, ctx.domain.domain)) {
			const mode = relabelOf(f.mount);
			if (!mode) continue;
			// /run/ipc and the paths podman refuses are qm/volume-relabel-shared errors.
			if (tables.bridge(f.source) || tables.relabelRefused(f.source) || !tables.systemDirs(f.source)) continue;
			const m = f.mount;
			const spans = mountSpans(m);
			const option = spans && findOption(spans, isRelabelOption);
			const optText = option?.text ?? mode;
			const onHost = ctx.domain.domain === 'qm' ? qmPathOnHost(tables, f.source) : undefined;
			const where = ctx.domain.domain === 'qm' ? `QM's ${f.source}${onHost ? ` (host ${onHost})` : ''}` : f.source;
			const effect = mode === 'Z'
				? 'to this container\'s private label: every other program and container that uses it loses access'
				: 'to the shared container label, taking it away from the host programs that use it';
			const sub = `${f.source.replace(/\/+$/, '')}/${unit.fileName.replace(/\.[^.]+$/, '')}`;
			const message = `${mountWritten(m, spans)}: "${optText}" relabels ${where}, a shared system directory, ${effect}. Mount a dedicated subdirectory such as ${sub} (or a named volume) instead${mode === 'Z' ? ', or use :z if sharing with other containers is intended' : ''}.`;
			const fixes: Fix[] = [];
			if (spans && option) {
				if (mode === 'Z') {
					const newText = option.text === 'Z' ? 'z' : option.text.replace(/=private$/, '=shared');
					fixes.push({ title: `Use "${newText}": share the label with other containers`, edits: toDocumentEdits(m, [{ start: option.start, end: option.end, newText }]) });
				}
				fixes.push({ title: `Remove the "${option.text}" option`, edits: toDocumentEdits(m, [{ ...removeOptionRange(spans, option), newText: '' }]) });
			}
			ctx.report({ ...(option ? documentRange(m, option) : mountSourceRange(m)), message, fixes: fixes.length ? fixes : undefined });
		}
	},
});

import type { Fix } from '../../../types';
import { isUnder, normalizePath } from '../../../qm/paths';
import { documentRange, findOption, isSharedPropagation, mountFacts, mountSpans, mountWritten, removeOptionRange, toDocumentEdits, volumeTables } from '../../../qm/volumes';
import { defineRule } from '../../rule';
import { inDomain, mountSourceRange } from '../support';

/**
 * Diagnostic: qm/volume-propagation
 * `shared`/`rshared` propagation on a QM boundary mount, or on a nested QM container's mount of
 * a bridge directory (/run/ipc, or any place the boundary mounts from the host). Mounts made
 * below it on one side then appear on the other: QM could inject mounts into the host's namespace
 * (inferred from mount-propagation semantics; verify on target).
 */
export default defineRule({
	id: 'qm/volume-propagation',
	defaultSeverity: 'warning',
	title: 'Shared mount propagation across the QM boundary',
	why: 'With shared/rshared propagation, mounts created below the mount point inside QM propagate back to the host\'s mount namespace (and host mounts into QM), weakening the separation.',
	fix: 'Remove the shared/rshared option; the default propagation is private.',
	appliesTo: (ctx) => inDomain(ctx, 'qm-boundary', 'qm') && ctx.qmUnit() !== undefined,
	check(ctx) {
		const model = ctx.qm();
		const unit = ctx.qmUnit();
		if (!unit) return;
		const tables = volumeTables(model);
		const bridges = ctx.domain.domain === 'qm'
			? (model.boundary()?.mounts ?? []).map((b) => normalizePath(b.dest)).filter((d) => d.startsWith('/') && d !== '/etc' && d !== '/var' && d !== '/var/tmp')
			: [];
		for (const f of mountFacts(model, unit, ctx.path, ctx.domain.domain)) {
			const m = f.mount;
			const mode = m.options.find((o) => o === 'shared' || o === 'rshared');
			if (!mode) continue;
			if (ctx.domain.domain === 'qm' && !tables.bridge(f.source) && !bridges.some((d) => isUnder(f.source, d))) continue;
			const spans = mountSpans(m);
			const option = spans && findOption(spans, isSharedPropagation);
			const optText = option?.text ?? mode;
			const side = ctx.domain.domain === 'qm-boundary'
				? `mounts made below ${m.dest || f.source} inside QM propagate into the host's mount namespace, and host mounts into QM`
				: `${f.source} comes from the host through the QM boundary, so mounts made below it propagate across to the host side`;
			const message = `${mountWritten(m, spans)}: "${optText}" propagation means ${side}. Remove "${optText}"; the default is private.`;
			const fixes: Fix[] = spans && option
				? [{ title: `Remove the "${option.text}" option`, edits: toDocumentEdits(m, [{ ...removeOptionRange(spans, option), newText: '' }]), isPreferred: true }]
				: [];
			ctx.report({ ...(option ? documentRange(m, option) : mountSourceRange(m)), message, fixes: fixes.length ? fixes : undefined });
		}
	},
});

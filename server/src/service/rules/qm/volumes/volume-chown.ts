import type { Fix, RelatedLocation } from '../../../types';
import { resolutionDomain } from '../../../qm/model';
import { overlaps } from '../../../qm/paths';
import { documentRange, effectiveSource, findOption, isChownOption, mountFacts, mountSpans, mountWritten, removeOptionRange, toDocumentEdits, volumeTables } from '../../../qm/volumes';
import { defineRule } from '../../rule';
import { inDomain, mountSourceRange } from '../support';

/**
 * Diagnostic: qm/volume-chown
 * `:U` (chown) on /run/ipc, on any QM boundary volume, or on a directory other containers of the
 * same domain mount too. Podman chowns the source tree recursively to the container's user,
 * changing ownership for everyone else ("use with caution since this modifies the host
 * filesystem").
 */
export default defineRule({
	id: 'qm/volume-chown',
	defaultSeverity: 'warning',
	title: 'Recursive chown (:U) of a shared directory',
	why: 'Podman recursively chowns the source to the container\'s user on every start: on the ASIL↔QM bridge, on host directories given to QM, or on a directory several containers share, that changes ownership under the other users.',
	fix: 'Drop :U and set ownership when the directory is created (tmpfiles.d, or SocketUser=/SocketGroup= in the socket unit).',
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'qm-boundary', 'asil') && ctx.qmUnit() !== undefined,
	check(ctx) {
		const model = ctx.qm();
		const unit = ctx.qmUnit();
		if (!unit) return;
		const tables = volumeTables(model);
		for (const f of mountFacts(model, unit, ctx.path, ctx.domain.domain)) {
			const m = f.mount;
			if (!m.options.some((o) => o === 'U' || o === 'U=true' || o === 'chown' || o === 'chown=true')) continue;
			const related: RelatedLocation[] = [];
			let why: string | undefined;
			if (tables.bridge(f.source)) why = `${f.source} is the ASIL↔QM bridge, whose owner the host socket unit sets`;
			else if (ctx.domain.domain === 'qm-boundary') why = `this is host ${f.source}, given to the QM partition`;
			else {
				for (const other of model.units) {
					if (other === unit || other.kind !== 'container' || resolutionDomain(other.domain.domain) !== resolutionDomain(unit.domain.domain) || !!other.domain.userScope !== !!unit.domain.userScope) continue;
					for (const om of other.mounts) {
						const os = effectiveSource(model, other, om);
						if (!os || !overlaps(os, f.source)) continue;
						related.push({ path: om.entry.path, ...(mountSourceRange(om)), message: `${other.fileName} mounts ${os} too` });
						break;
					}
				}
				if (related.length > 0) why = `${f.source} is also mounted by ${related.length === 1 ? 'another container' : `${related.length} other containers`}`;
			}
			if (!why) continue;
			const spans = mountSpans(m);
			const option = spans && findOption(spans, isChownOption);
			const optText = option?.text ?? 'U';
			const message = `${mountWritten(m, spans)}: "${optText}" makes podman chown ${f.source} recursively to this container's user on every start, but ${why}. Drop "${optText}" and set the ownership where the directory is created (tmpfiles.d, or SocketUser=/SocketGroup= of the socket unit).`;
			const fixes: Fix[] = spans && option
				? [{ title: `Remove the "${option.text}" option`, edits: toDocumentEdits(m, [{ ...removeOptionRange(spans, option), newText: '' }]) }]
				: [];
			ctx.report({ ...(option ? documentRange(m, option) : mountSourceRange(m)), message, related: related.length ? related : undefined, fixes: fixes.length ? fixes : undefined });
		}
	},
});

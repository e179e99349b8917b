import type { Fix } from '../../../types';
import { documentRange, findOption, isRelabelOption, mountFacts, mountSpans, mountWritten, relabelOf, removeOptionRange, toDocumentEdits, volumeTables } from '../../../qm/volumes';
import { defineRule } from '../../rule';
import { inDomain, mountSourceRange } from '../support';

/**
 * Diagnostic: qm/volume-relabel-shared
 * `:z`/`:Z` (or `relabel=`) on a mount that must never be relabelled: the ASIL↔QM bridge
 * /run/ipc (relabelling destroys its ipc_var_run_t label for both sides), any volume of the QM
 * boundary (host content would get QM's labels), or a path go-selinux refuses to relabel (`/`,
 * `/etc`, `/run`, `/tmp`, `/var/lib`, `$HOME`, …: the container does not start).
 */
export default defineRule({
	id: 'qm/volume-relabel-shared',
	defaultSeverity: 'error',
	title: 'Relabel option on /run/ipc, on a QM boundary volume or on a path podman refuses to relabel',
	why: 'Relabelling /run/ipc destroys the ipc_var_run_t label both sides of the bridge depend on; relabelling a boundary volume gives host content QM\'s labels; podman refuses to relabel /, /etc, /run, /tmp, /usr, /var, /var/lib, $HOME and similar paths, so the container does not start.',
	fix: 'Remove z/Z and rely on the policy\'s labels (qm.fc labels /run/ipc as ipc_var_run_t), or mount a private subdirectory.',
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'qm-boundary', 'asil') && ctx.qmUnit() !== undefined,
	check(ctx) {
		const model = ctx.qm();
		const unit = ctx.qmUnit();
		if (!unit) return;
		const tables = volumeTables(model);
		for (const f of mountFacts(model, unit, ctx.path, ctx.domain.domain)) {
			const mode = relabelOf(f.mount);
			if (!mode) continue;
			const m = f.mount;
			const spans = mountSpans(m);
			const option = spans && findOption(spans, isRelabelOption);
			const optText = option?.text ?? mode;
			const spec = mountWritten(m, spans);
			const relabelTo = mode === 'Z' ? 'this container\'s private label' : 'the shared container label';
			let message: string;
			if (tables.bridge(f.source)) {
				message = `${spec}: "${optText}" relabels the ASIL↔QM bridge ${f.source} to ${relabelTo}, destroying the ipc_var_run_t label that both the host server and the QM client need (inside QM the relabel is also denied, so the container fails to start). Remove "${optText}": the policy already labels /run/ipc.`;
			} else if (tables.relabelRefused(f.source)) {
				message = `${spec}: podman refuses to relabel ${f.source} ("SELinux relabeling of ${f.source} is not allowed"), so the container does not start. Remove "${optText}", or mount a dedicated subdirectory.`;
			} else if (ctx.domain.domain === 'qm-boundary') {
				message = `${spec}: "${optText}" on a qm.container volume relabels host ${f.source} to ${mode === 'Z' ? 'QM\'s private label' : 'a container label'} for the whole host, cutting off every host program that uses it. Remove "${optText}".`;
			} else {
				continue;
			}
			const fixes: Fix[] = [];
			if (spans && option) {
				fixes.push({ title: `Remove the "${option.text}" option`, edits: toDocumentEdits(m, [{ ...removeOptionRange(spans, option), newText: '' }]), isPreferred: true });
			}
			ctx.report({ ...(option ? documentRange(m, option) : mountSourceRange(m)), message, fixes: fixes.length ? fixes : undefined });
		}
	},
});

import type { Fix } from '../../../types';
import { describeWithPrefixes, entryLinesRange, intoWhere, mountFacts, mountSpans, mountWritten, readOnlyEdit, sourceText, toDocumentEdits, volumeTables } from '../../../qm/volumes';
import { defineRule } from '../../rule';
import { inDomain, mountSourceRange } from '../support';

const ID = 'qm/volume-forbidden-source';

/**
 * Diagnostic: qm/volume-forbidden-source
 * A bind mount whose expanded source is on the deny list of qm-rules §4.2 for the file's domain:
 * on the QM boundary, host system trees, kernel interfaces, disks, the console, host control-plane
 * sockets or QM's own storage; in a nested QM container, QM's control-plane configuration, its
 * container storage or kernel interfaces. The caution rows of the same tables (host /etc files
 * on the boundary, QM's /run/systemd, /run/dbus, /run/user for nested containers) are reported
 * at their lower severity: information for the wayland stack, which needs them.
 */
export default defineRule({
	id: ID,
	defaultSeverity: 'error',
	title: 'Mount source that must not be shared with QM or a nested container',
	why: 'The containers/qm FFI tests assert that host consoles, disks, memory, kernel interfaces, control-plane sockets and QM\'s own storage are invisible inside QM; inside QM, nested containers must not reach QM\'s configuration, container storage or control sockets.',
	fix: 'Remove the mount and expose only the specific file or directory needed, read-only; for devices use AddDevice= or a qm device annotation.',
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'qm-boundary') && ctx.qmUnit() !== undefined,
	check(ctx) {
		const model = ctx.qm();
		const unit = ctx.qmUnit();
		if (!unit) return;
		const tables = volumeTables(model);
		for (const f of mountFacts(model, unit, ctx.path, ctx.domain.domain)) {
			const finding = f.verdict?.finding;
			if (!f.verdict || finding?.rule !== ID) continue;
			const row = f.verdict.row;
			const m = f.mount;
			const spans = mountSpans(m);
			const label = mountWritten(m, spans);
			const reason = describeWithPrefixes(row.reason, tables);
			const advice = row.advice ? describeWithPrefixes(row.advice, tables) : 'remove it';
			const what = ctx.domain.domain === 'qm-boundary' ? `host ${sourceText(f)}` : `QM's ${sourceText(f)}`;
			let message: string;
			if (finding.severity === 'information' && row.wayland) {
				message = `${label} shares ${what}, which holds QM control sockets, with this container. The wayland stack (qm_container_wayland_t) needs these, so this is only a notice: keep the mount read-only where the session allows and no wider than it needs.`;
			} else {
				message = `${label} mounts ${what} ${intoWhere(ctx.domain.domain)}: ${reason}. ${capitalize(advice)}.`;
			}
			const fixes: Fix[] = [];
			if (finding.severity === 'error' && (m.via === 'Volume' || m.via === 'Mount')) {
				fixes.push({ title: `Remove this ${m.via}= line`, edits: [{ ...entryLinesRange(ctx.parsed.lines, m), newText: '' }] });
			}
			if (!f.readOnly && row.ifReadOnly && spans) {
				const ro = readOnlyEdit(spans);
				if (ro) fixes.push({ title: 'Mount it read-only', edits: toDocumentEdits(m, [ro]) });
			}
			ctx.report({
				...mountSourceRange(m),
				severity: finding.severity,
				message,
				fixes: fixes.length ? fixes : undefined,
			});
		}
	},
});

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

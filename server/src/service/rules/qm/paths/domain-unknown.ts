import { defineRule } from '../../rule';

/**
 * Diagnostic: qm/domain-unknown
 * The file's path says nothing about which systemd/podman reads it (host or QM partition), so
 * the QM rules cannot run on it. One notice per file.
 */
export default defineRule({
	id: 'qm/domain-unknown',
	defaultSeverity: 'information',
	title: 'QM domain of the file cannot be inferred',
	why: 'QM rules depend on whether the host or the QM partition consumes the file; without that only the generic quadlet checks run.',
	fix: 'Add "# qm-domain: qm" (or asil, qm-boundary) as the first line, map the folder with the setting qmQuadlet.domains, or lint with --root.',
	appliesTo: (ctx) => ctx.domain.domain === 'unknown',
	check(ctx) {
		const first = ctx.parsed.sections[0];
		const start = first ? first.start : 0;
		const end = first ? first.end : Math.min(ctx.text.length, ctx.parsed.lines[0]?.end ?? 0);
		ctx.report({
			start, end,
			message: 'QM checks are off for this file: its path is not under a host or QM quadlet/systemd directory (e.g. /etc/containers/systemd/, /etc/qm/containers/systemd/). Add "# qm-domain: qm|asil|qm-boundary" on the first line or map the folder in the qmQuadlet.domains setting.',
			fixes: [
				{ title: 'Mark as a QM partition file (# qm-domain: qm)', edits: [{ start: 0, end: 0, newText: '# qm-domain: qm\n' }] },
				{ title: 'Mark as a host file (# qm-domain: asil)', edits: [{ start: 0, end: 0, newText: '# qm-domain: asil\n' }] },
			],
		});
	},
});

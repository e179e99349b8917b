import { defineRule } from '../../rule';
import { flagValues, parseInteger } from '../../../qm/container-settings';
import { partRange } from '../../../qm/edits';

/**
 * Diagnostic: qm/oom-invalid
 * `PodmanArgs=--oom-score-adj` outside -1000…1000 (or not a number): podman refuses to create
 * the container. ([Service] OOMScoreAdjust= out of range is reported by systemd/invalid-value,
 * because systemd only ignores that line.)
 */
export default defineRule({
	id: 'qm/oom-invalid',
	defaultSeverity: 'error',
	title: 'OOM score adjustment outside -1000…1000',
	why: 'The kernel accepts oom_score_adj only from -1000 to 1000; podman rejects --oom-score-adj outside that range and the container never starts.',
	fix: 'Use an integer from -1000 to 1000 (QM tiers: QM 500, nested containers 750, ASIL -1 to -1000).',
	appliesTo: (ctx) => ctx.domain.domain !== 'unknown' && ctx.kind === 'container',
	check(ctx) {
		for (const part of flagValues(ctx.view, ['--oom-score-adj'])) {
			if (part.entry.path !== ctx.path) continue;
			const n = parseInteger(part.text);
			if (n !== undefined && n >= -1000 && n <= 1000) continue;
			const clamped = n === undefined ? undefined : Math.max(-1000, Math.min(1000, n));
			const r = partRange(part);
			ctx.report({
				...r,
				message: n === undefined
					? `--oom-score-adj=${part.text} is not an integer: podman refuses to create the container. Use a number from -1000 to 1000.`
					: `--oom-score-adj=${part.text} is outside -1000…1000, the range the kernel accepts: podman refuses to create the container. Use ${clamped}.`,
				fixes: clamped === undefined ? undefined : [{
					title: `Change to ${clamped}`,
					edits: [{ ...r, newText: String(clamped) }],
					isPreferred: true,
				}],
			});
		}
	},
});

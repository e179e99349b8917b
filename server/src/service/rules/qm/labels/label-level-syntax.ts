import { canonicalMcsLevel, parseMcsLevel } from '../../../catalog/value-types/index';
import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { levelsHere, replaceValueFix, shown } from './support';

/**
 * Diagnostic: qm/label-level-syntax
 * A SecurityLabelLevel= (or `--security-opt label=level:`) that is not an SELinux MCS level.
 * Podman hands the text to the runtime unchecked; the process and mount contexts built from it
 * are invalid, so the container fails when it starts.
 */
export default defineRule({
	id: 'qm/label-level-syntax',
	defaultSeverity: 'error',
	title: 'SecurityLabelLevel is not an MCS level',
	why: 'Podman passes the level through unchecked; an invalid level makes the process and file contexts invalid and the container does not start.',
	fix: 'Write s0 followed by a category set, e.g. SecurityLabelLevel=s0:c1,c2 (lower-case s and c, "," between categories, "." for a range).',
	appliesTo: (ctx) => inDomain(ctx, 'qm', 'qm-boundary', 'asil') && ctx.kind === 'container',
	check(ctx) {
		for (const o of levelsHere(ctx)) {
			const value = o.value.trim();
			if (value === '') {
				// An empty key is quadlet's "not set"; an empty label=level: reaches podman.
				if (o.fromPodmanArgs) {
					ctx.report({
						start: o.start - 'level:'.length, end: o.end,
						message: 'PodmanArgs=… --security-opt label=level: has no level after "level:", so podman sets an empty MCS level and the container cannot start. Give a level such as label=level:s0:c1,c2, or remove the option.',
					});
				}
				continue;
			}
			const parsed = parseMcsLevel(value);
			if (!parsed.wellFormed) {
				const suggestion = guess(value);
				ctx.report({
					start: o.start, end: o.end,
					message: `${shown(o)} is not an SELinux MCS level: the policy expects "s0" optionally followed by ":" and categories, e.g. s0:c1,c2 or s0:c0.c5. Podman passes the text through unchecked, so the container will fail to start when the runtime applies the label.${suggestion ? ` Write ${suggestion}.` : ''}`,
					fixes: suggestion ? [replaceValueFix(o, suggestion)] : undefined,
				});
				continue;
			}
			for (const issue of parsed.issues) {
				if (issue.kind !== 'dominance') continue;
				ctx.report({
					start: o.start, end: o.end,
					message: `${shown(o)} is an invalid range: ${issue.message}. The kernel rejects such a context, so the container will not start. Use a single level such as ${parsed.canonical?.split('-')[0] ?? 's0:c1,c2'}.`,
				});
			}
		}
	},
});

/** A well-formed level the user probably meant (case, spaces, quotes, ";" or an extra ":"). */
function guess(value: string): string | undefined {
	const base = value.toLowerCase().replace(/^['"]|['"]$/g, '').trim();
	const candidates = [
		base.replace(/\s+/g, ''),
		base.replace(/\s+/g, ','),
		base.replace(/;/g, ':'),
		base.replace(/^(s\d+):/, '$1\u0000').replace(/:/g, ',').replace('\u0000', ':'),
		`s0:${base}`,
	];
	for (const c of candidates) {
		const p = parseMcsLevel(c);
		if (p.wellFormed && p.issues.length === 0) return canonicalMcsLevel(c);
	}
	return undefined;
}

import { PODMAN_ARGS, splitWords } from '../../catalog/value-types/words';
import type { ViewEntry } from '../../model/unit-view';
import { defineRule } from '../rule';
import { isQuadletFile, primarySection, replaceFix, valueSpan } from './support';

/**
 * Diagnostic: quadlet/escape-sequence
 * A backslash escape podman's word splitter does not know (e.g. "\." or "\d") in a key read as
 * command-line words. podman then ignores the value: Exec=/ReloadCmd= lose their command and
 * Environment=/Label=/Annotation=/BuildArg=/Options= lose the line, with a warning; PodmanArgs=,
 * GlobalArgs=, Mount=, Secret=, Mask=, Unmask= and EnvironmentFile= lose the line silently.
 */
export default defineRule({
	id: 'quadlet/escape-sequence',
	defaultSeverity: 'warning',
	title: 'Unsupported escape sequence: podman ignores the value',
	why: 'These keys are split like a command line with C escapes; an unknown escape makes podman drop the value or line (with an "unsupported escape char" warning, or silently).',
	fix: 'Write \\\\ for a literal backslash, or use a supported escape (\\n, \\t, \\s, \\xHH, \\", \\\').',
	appliesTo: isQuadletFile,
	check(ctx) {
		const section = primarySection(ctx);
		const spec = ctx.catalog.section(ctx.kind, section);
		if (!spec) return;
		for (const [key, keySpec] of Object.entries(spec.keys)) {
			const lookup = keySpec.lookup;
			if (lookup !== 'LookupAllArgs' && lookup !== 'LookupLastArgs' && lookup !== 'LookupAllKeyVal') continue;
			let used: ViewEntry[];
			if (lookup === 'LookupLastArgs') {
				const last = ctx.view.last(section, key);
				used = last ? [last] : [];
			} else {
				used = ctx.view.lookupAll(section, key);
			}
			for (const e of used) {
				if (e.path !== ctx.path) continue;
				const issue = splitWords(e.entry.value, PODMAN_ARGS).issue;
				if (issue?.kind !== 'bad-escape') continue;
				const bad = e.entry.value.slice(issue.start, issue.end);
				const effect = lookup === 'LookupLastArgs'
					? `podman's generator warns "unsupported escape char" and ignores the whole ${key}= value`
					: lookup === 'LookupAllKeyVal'
						? `podman's generator warns "unsupported escape char" and ignores this whole line`
						: 'podman ignores this whole line without any warning';
				const span = valueSpan(e.entry, issue.start, issue.end);
				const backslash = valueSpan(e.entry, issue.start, issue.start + 1);
				ctx.report({
					...span,
					message: `"${bad}" is not an escape sequence podman understands in ${key}=, so ${effect}. Write \\\\ for a literal backslash (here: "\\${bad}").`,
					fixes: [replaceFix('Escape the backslash', backslash.start, backslash.end, '\\\\')],
				});
			}
		}
	},
});

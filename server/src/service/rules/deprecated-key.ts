import { defineRule } from './rule';
import { knownEntries } from './section-lookup';

/**
 * Diagnostic: quadlet/deprecated-key
 * A key podman still accepts but has replaced, e.g. RemapUsers= (use UserNS=).
 */
export default defineRule({
	id: 'quadlet/deprecated-key',
	defaultSeverity: 'hint',
	title: 'Deprecated key',
	why: 'Deprecated keys keep working for now but are undocumented or scheduled for removal, and some conflict with their replacements.',
	fix: 'Use the replacement named in the message.',
	appliesTo: () => true,
	check(ctx) {
		for (const { entry, spec } of knownEntries(ctx)) {
			const keySpec = Object.prototype.hasOwnProperty.call(spec.keys, entry.key) ? spec.keys[entry.key] : undefined;
			if (!keySpec?.deprecated) continue;
			ctx.report({
				start: entry.keyStart, end: entry.keyEnd,
				message: `${entry.key}= is deprecated: ${keySpec.deprecated}`,
				tags: ['deprecated'],
			});
		}
	},
});

import { compareVersions, UNIT_KIND_SINCE } from '../catalog/catalog';
import { defineRule } from './rule';
import { knownEntries } from './section-lookup';


/**
 * Diagnostic: quadlet/key-too-new
 * A key (or a whole unit type) that the target podman version does not know yet. Older
 * generators refuse the unit with "unsupported key" or skip the file.
 */
export default defineRule({
	id: 'quadlet/key-too-new',
	defaultSeverity: 'error',
	title: 'Key or unit type newer than the target podman version',
	why: 'The generator of the podman version you deploy rejects keys it does not know, and ignores unit types it does not support.',
	fix: 'Raise qmQuadlet.podmanVersion (or --podman-version) if the target really has a newer podman, or express the option through PodmanArgs=.',
	appliesTo: (ctx) => ctx.podmanVersion !== 'unreleased',
	check(ctx) {
		const target = ctx.podmanVersion;
		const kindSince = UNIT_KIND_SINCE[ctx.kind];
		const first = ctx.parsed.sections[0];
		if (kindSince && compareVersions(kindSince, target) > 0 && first && !ctx.info.dropIn) {
			ctx.report({
				start: first.nameStart, end: first.nameEnd,
				message: `.${ctx.kind} units need podman ${kindSince} or newer; podman ${target} (the configured target) ignores this file.`,
			});
			// Every key of an unsupported unit type is "too new"; one finding says it all.
			return;
		}
		if (ctx.info.dropIn && compareVersions(ctx.info.dropIn.scope === 'unit' || ctx.info.dropIn.scope === 'template' ? '5.0' : '5.2', target) > 0) {
			const needs = ctx.info.dropIn.scope === 'unit' || ctx.info.dropIn.scope === 'template' ? '5.0' : '5.2';
			ctx.report({ start: 0, end: Math.min(ctx.text.length, ctx.parsed.lines[0]?.end ?? 0), message: `Drop-in directories like ${ctx.info.dropIn.dirName}/ need podman ${needs} or newer; podman ${target} ignores this file.` });
		}
		for (const { entry, spec } of knownEntries(ctx)) {
			const keySpec = Object.prototype.hasOwnProperty.call(spec.keys, entry.key) ? spec.keys[entry.key] : undefined;
			if (!keySpec?.since || compareVersions(keySpec.since, target) <= 0) continue;
			const since = keySpec.since === 'unreleased' ? 'a podman newer than the latest release' : `podman ${keySpec.since} or newer`;
			ctx.report({
				start: entry.keyStart, end: entry.keyEnd,
				message: `${entry.key}= needs ${since}; the generator of podman ${target} (the configured target) refuses the unit with "unsupported key".`,
				severity: spec.owner === 'quadlet' ? 'error' : 'warning',
			});
		}
	},
});

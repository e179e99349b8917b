import { defineRule } from '../../rule';
import { compareVersions } from '../../../catalog/catalog';
import { flagPart, podmanFlags, type PodmanFlag } from '../../../qm/container-settings';
import { insertLineAfter, partRange, removeFromValue } from '../../../qm/edits';
import { podmanFlagsData, type FlagKeySpec } from '../../../qm/qm-data';
import type { Fix } from '../../../types';
import type { RuleContext } from '../../rule';

/**
 * Diagnostic: qm/podmanargs-bypass
 * PodmanArgs= (or GlobalArgs=) passes an option that has its own quadlet key (-v, --device,
 * --cap-add, --network, --security-opt unmask=…, …). The QM rules check those options like their
 * keys; this notice suggests writing the key.
 */
export default defineRule({
	id: 'qm/podmanargs-bypass',
	defaultSeverity: 'information',
	title: 'PodmanArgs= option that has a quadlet key',
	why: 'podman-systemd.unit(5) discourages PodmanArgs=: keys are validated by the generator, merge predictably with drop-ins and are visible to tools (QM replaced its own PodmanArgs= with keys).',
	fix: 'Write the equivalent key (the quick fix converts the option); options without a key (e.g. --memory) stay in PodmanArgs=.',
	appliesTo: (ctx) => ctx.domain.domain !== 'unknown' && ctx.kind === 'container',
	check(ctx) {
		const specs = podmanFlagsData().flags;
		for (const via of ['PodmanArgs', 'GlobalArgs'] as const) {
			for (const f of podmanFlags(ctx.view, 'Container', via)) {
				if (f.entry.path !== ctx.path) continue;
				const spec = specs.find((s) => s.flags.includes(f.flag) && (s.option === undefined || f.value.startsWith(s.option)));
				if (!spec || !ctx.catalog.key('container', 'Container', spec.key)) continue;
				const part = flagPart(f);
				const value = keyValue(spec, f);
				const since = ctx.catalog.key('container', 'Container', spec.key)?.since;
				const tooNew = since !== undefined && compareVersions(since, ctx.podmanVersion) > 0;
				ctx.report({
					...partRange(part),
					message: via === 'GlobalArgs'
						? `GlobalArgs option ${part.text} is a container option with its own key, ${spec.key}=: as a global option podman does not apply it to the container. Write ${spec.key}=${value} instead.`
						: `PodmanArgs option ${part.text} has its own quadlet key: write ${spec.key}=${value}. Keys are checked by the generator and merge predictably with drop-ins; QM's checks treat this option like the key.`,
					fixes: via === 'PodmanArgs' && !tooNew && !/\s/.test(value) ? [convert(ctx, f, `${spec.key}=${value}`)] : undefined,
				});
			}
		}
	},
});

function keyValue(spec: FlagKeySpec, f: PodmanFlag): string {
	if (spec.value !== undefined) return f.value === '' || spec.option ? spec.value : f.value;
	const v = spec.option ? f.value.slice(spec.option.length) : f.value;
	return spec.commaList ? v.split(',').filter(Boolean).join(' ') : v;
}

function convert(ctx: RuleContext, f: PodmanFlag, line: string): Fix {
	const e = f.entry.entry;
	const remove = removeFromValue(e, f.start, f.end - f.start);
	if (!remove) {
		// The option is all the line holds: the line becomes the key.
		const first = ctx.parsed.lines[e.firstLine];
		const last = ctx.parsed.lines[e.lastLine];
		return { title: `Replace with ${line}`, edits: [{ start: first.start, end: last.end, newText: line }], isPreferred: true };
	}
	return { title: `Move to ${line}`, edits: [remove, insertLineAfter(ctx.parsed, e, line)], isPreferred: true };
}

import type { ViewEntry } from '../../model/unit-view';
import type { Fix } from '../../types';
import { splitWords, PODMAN_ARGS } from '../../catalog/value-types/words';
import { defineRule, type RuleContext } from '../rule';
import { anchor, explicitMapping, isMainUnit, lookupNonEmpty, primarySection, removeLinesFix } from './support';

/**
 * Diagnostic: quadlet/conflicting-keys
 * Two keys that exclude each other are both set: Image= and Rootfs=, ReloadCmd= and
 * ReloadSignal=, or the deprecated Remap* keys next to the explicit user-namespace keys. The
 * generator does not pick one; it refuses the unit.
 */
export default defineRule({
	id: 'quadlet/conflicting-keys',
	defaultSeverity: 'error',
	title: 'Keys that exclude each other are both set',
	why: 'podman\'s generator refuses a unit that sets both Image= and Rootfs=, both ReloadCmd= and ReloadSignal=, or a Remap* key together with UserNS=/UIDMap=/GIDMap=/SubUIDMap=/SubGIDMap=.',
	fix: 'Keep one of the two: the quick fix removes one side when all its lines are in this file.',
	appliesTo: (ctx) => isMainUnit(ctx) && (ctx.kind === 'container' || ctx.kind === 'pod' || ctx.kind === 'kube'),
	check(ctx) {
		const section = primarySection(ctx);
		if (ctx.kind === 'container') {
			checkImageRootfs(ctx);
			checkReload(ctx);
		}
		checkRemap(ctx, section);
	},
});

/** Removal of every line of `keys` when all of them are in the checked file. */
function removeAll(ctx: RuleContext, section: string, keys: readonly string[]): Fix[] {
	const all = keys.flatMap((k) => ctx.view.occurrences(section, k));
	if (all.length === 0 || all.some((e) => e.path !== ctx.path)) return [];
	const present = keys.filter((k) => all.some((e) => e.entry.key === k));
	return [removeLinesFix(ctx, `Remove ${present.map((k) => `${k}=`).join(', ')}`, all.map((e) => e.entry))];
}

function conflict(ctx: RuleContext, here: ViewEntry, other: ViewEntry, fixes: Fix[], message: string): void {
	const place = anchor(ctx, here, `${here.entry.key}= is set here`, 'key');
	const related = [...(place.related ?? []), { path: other.path, start: other.entry.keyStart, end: other.entry.valueEnd, message: `${other.entry.key}= is set here` }];
	ctx.report({
		start: place.start, end: place.end,
		message,
		related,
		fixes: fixes.length ? fixes : undefined,
	});
}

function checkImageRootfs(ctx: RuleContext): void {
	const image = lookupNonEmpty(ctx.view, 'Container', 'Image');
	const rootfs = lookupNonEmpty(ctx.view, 'Container', 'Rootfs');
	if (!image || !rootfs) return;
	const [here, other] = rootfs.path === ctx.path || image.path !== ctx.path ? [rootfs, image] : [image, rootfs];
	conflict(ctx, here, other, [...removeAll(ctx, 'Container', [here.entry.key]), ...removeAll(ctx, 'Container', [other.entry.key])],
		`Image= and Rootfs= both say what the container runs, and podman's generator refuses a unit with both ("the Image And Rootfs keys conflict can not be specified together"). Keep Image= to run an image, or Rootfs= to run an exploded root file system.`);
}

function checkReload(ctx: RuleContext): void {
	const signal = lookupNonEmpty(ctx.view, 'Container', 'ReloadSignal');
	const cmd = ctx.view.last('Container', 'ReloadCmd');
	if (!signal || !cmd || splitWords(cmd.entry.value, PODMAN_ARGS).words.length === 0) return;
	const [here, other] = signal.path === ctx.path || cmd.path !== ctx.path ? [signal, cmd] : [cmd, signal];
	conflict(ctx, here, other, [...removeAll(ctx, 'Container', [here.entry.key]), ...removeAll(ctx, 'Container', [other.entry.key])],
		'ReloadCmd= and ReloadSignal= both define how the service reloads, and podman\'s generator refuses a unit with both ("ReloadCmd and ReloadSignal are mutually exclusive but both are set"). Keep ReloadCmd= to run a command in the container, or ReloadSignal= to send it a signal.');
}

const REMAP_KEYS = ['RemapUsers', 'RemapUid', 'RemapGid', 'RemapUidSize'] as const;

function checkRemap(ctx: RuleContext, section: string): void {
	const mapping = explicitMapping(ctx.view, section);
	if (!mapping) return;
	// podman checks presence only: even an empty RemapUid= counts.
	const remap = ['RemapUid', 'RemapGid', 'RemapUsers']
		.map((k) => ctx.view.last(section, k))
		.filter((e): e is ViewEntry => e !== undefined)
		.sort((a, b) => (a.path === ctx.path ? 0 : 1) - (b.path === ctx.path ? 0 : 1) || a.entry.start - b.entry.start)[0];
	if (!remap) return;
	conflict(ctx, remap, mapping, removeAll(ctx, section, REMAP_KEYS),
		`${remap.entry.key}= is one of the deprecated Remap* keys, and ${mapping.entry.key}= sets the user namespace explicitly; podman's generator refuses a unit with both ("deprecated Remap keys are set along with explicit mapping keys"). Drop the Remap* keys and express the mapping with UserNS=, UIDMap= or GIDMap=.`);
}

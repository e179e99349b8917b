import type { ViewEntry } from '../../model/unit-view';
import type { Fix } from '../../types';
import { defineRule, type RuleContext } from '../rule';
import { anchor, explicitMapping, insertKeyFix, isBuildUrl, isMainUnit, isSelfContainedPath, lookupNonEmpty, lookupText, primarySection, targetAtMost } from './support';

/**
 * Diagnostic: quadlet/key-requires-key
 * A key that only works together with another one, which is missing: Group= without User=,
 * RemapUid=/RemapGid= without RemapUsers=, Gateway=/IPRange= without (enough) Subnet=, a volume
 * Type= (or, up to podman 5.8, Options=) without Device=, a relative build File= without a
 * working directory. The generator refuses the unit instead of guessing.
 */
export default defineRule({
	id: 'quadlet/key-requires-key',
	defaultSeverity: 'error',
	title: 'Key set without the key it depends on',
	why: 'podman\'s generator refuses the unit when a key is set without its companion (for example Group= without User=), rather than ignoring it.',
	fix: 'Add the companion key named in the message, or remove the dependent key.',
	appliesTo: isMainUnit,
	check(ctx) {
		switch (ctx.kind) {
			case 'container':
				checkGroup(ctx);
				checkRemap(ctx);
				return;
			case 'pod':
			case 'kube':
				checkRemap(ctx);
				return;
			case 'network': return checkNetwork(ctx);
			case 'volume': return checkVolume(ctx);
			case 'build': return checkBuildFile(ctx);
			default: return undefined;
		}
	},
});

function report(ctx: RuleContext, at: ViewEntry, message: string, fixes?: Fix[]): void {
	ctx.report({ ...anchor(ctx, at, `${at.entry.key}= is set here`, 'key'), message, fixes });
}

function checkGroup(ctx: RuleContext): void {
	const group = lookupNonEmpty(ctx.view, 'Container', 'Group');
	if (!group || lookupNonEmpty(ctx.view, 'Container', 'User')) return;
	report(ctx, group,
		`Group=${lookupText(group.entry).text} has no effect on its own: podman passes the group only together with a user (--user USER:GROUP), and its generator refuses the unit ("invalid Group set without User"). Add User= (for example User=0 to keep root), or remove Group=.`);
}

function checkRemap(ctx: RuleContext): void {
	const section = primarySection(ctx);
	if (explicitMapping(ctx.view, section)) return; // conflicting-keys reports that combination
	const users = ctx.view.last(section, 'RemapUsers');
	if (users && users.entry.value !== '') return; // remap-users-value judges the value
	for (const [key, podman] of [['RemapUid', 'UidMap set without RemapUsers'], ['RemapGid', 'GidMap set without RemapUsers']] as const) {
		if (ctx.view.lookupWords(section, key).length === 0) continue;
		const at = ctx.view.lookupAll(section, key)[0];
		report(ctx, at,
			`${key}= only applies together with RemapUsers=, which is not set, and podman's generator refuses the unit ("${podman}"). These Remap* keys are deprecated: prefer UserNS=, UIDMap= and GIDMap=, or add RemapUsers=manual|auto|keep-id.`);
		return;
	}
}

function checkNetwork(ctx: RuleContext): void {
	const v = ctx.view;
	const subnets = v.lookupAll('Network', 'Subnet');
	const gateways = v.lookupAll('Network', 'Gateway');
	const ranges = v.lookupAll('Network', 'IPRange');
	if (subnets.length === 0) {
		const first = [...gateways, ...ranges][0];
		if (!first) return;
		report(ctx, first,
			`${first.entry.key}= belongs to a subnet, but [Network] has no Subnet=, and podman's generator refuses the unit ("cannot set gateway or range without subnet"). Add Subnet= (for example Subnet=10.89.0.0/24) before it, or remove ${first.entry.key}=.`,
			[insertKeyFix(ctx, 'Subnet', '10.89.0.0/24', 'Add Subnet= (placeholder subnet to replace)')]);
		return;
	}
	for (const [list, word, podman] of [[gateways, 'gateways', 'cannot set more gateways than subnets'], [ranges, 'IP ranges', 'cannot set more ranges than subnets']] as const) {
		if (list.length <= subnets.length) continue;
		const extra = list[subnets.length];
		report(ctx, extra,
			`There are ${list.length} ${extra.entry.key}= values but only ${subnets.length} Subnet=; ${word} are paired with subnets in order, so this one has none, and podman's generator refuses the unit ("${podman}"). Add a Subnet= for it or remove it.`);
	}
}

function checkVolume(ctx: RuleContext): void {
	const v = ctx.view;
	const driver = v.last('Volume', 'Driver');
	if (driver && lookupText(driver.entry).text === 'image') return;
	if (lookupNonEmpty(v, 'Volume', 'Device')) return;
	const type = lookupNonEmpty(v, 'Volume', 'Type');
	if (type) {
		report(ctx, type,
			`Type=${lookupText(type.entry).text} is the file system type of Device=, but [Volume] has no Device=, and podman's generator refuses the unit ("key Type can't be used without Device"). Add Device= with what to mount, or remove Type=.`);
	}
	const options = lookupNonEmpty(v, 'Volume', 'Options');
	if (options && targetAtMost(ctx, '5.8')) {
		report(ctx, options,
			`Options= without Device=: the generator of podman ${ctx.podmanVersion} (the configured target) refuses the unit ("key Options can't be used without Device"); only podman after 5.8 accepts it. Add Device=, or remove Options=.`);
	}
}

function checkBuildFile(ctx: RuleContext): void {
	const v = ctx.view;
	const file = lookupNonEmpty(v, 'Build', 'File');
	if (!file || lookupNonEmpty(v, 'Build', 'SetWorkingDirectory') || lookupNonEmpty(v, 'Service', 'WorkingDirectory')) return;
	const path = lookupText(file.entry).text;
	if (isSelfContainedPath(path) || isBuildUrl(path)) return;
	report(ctx, file,
		`File=${path} is a relative path, but nothing says relative to what: there is no SetWorkingDirectory= and no [Service] WorkingDirectory=, and podman's generator refuses the unit ("relative path in File key requires SetWorkingDirectory key to be set"). Add SetWorkingDirectory=unit to resolve it against the unit's directory, or write an absolute path.`,
		[insertKeyFix(ctx, 'SetWorkingDirectory', 'unit', 'Add SetWorkingDirectory=unit')]);
}

import { unquoteValue } from '../../../model/unit-view';
import { boundaryDrops, effectiveBoundary } from '../../../qm/boundary';
import { provision, providedBy } from '../../../qm/devices';
import { normalizePath, isUnder } from '../../../qm/paths';
import { annotationsCovering, boundaryData, forbiddenDevice } from '../../../qm/qm-data';
import type { RelatedLocation } from '../../../types';
import { defineRule, type RuleContext } from '../../rule';
import { CONTAINERS_CONF, confFacts } from './support';

/** podman's default network; QM's containers.conf moves nested containers off it (qm-rules §7.2). */
const PODMAN_DEFAULT_SUBNET = '10.88.0.0/16';

/**
 * Diagnostic: qm/containers-conf-qm-values
 * A value in QM's containers.conf(.d) that departs from what QM ships for nested containers:
 * oom_score_adj below 750 (below 500 it cannot take effect), a netns other than "host", a
 * default_subnet on podman's host default 10.88.0.0/16, devices or device mounts QM must not have
 * or that the boundary does not expose, default_ulimits above QM's own limits, and an
 * image_copy_tmp_dir outside /var (QM's / is read-only).
 */
export default defineRule({
	id: 'qm/containers-conf-qm-values',
	defaultSeverity: 'warning',
	fileKinds: CONTAINERS_CONF,
	title: 'QM containers.conf value departs from what QM ships',
	why: 'QM\'s containers.conf sets the defaults of every nested container: oom_score_adj 750 (QM itself runs at 500 and cannot go lower), netns "host", default_subnet 10.89.0.0/16 (10.88.0.0/16 confuses routing with the host), and no devices or limits beyond what the QM boundary provides.',
	fix: 'Restore the shipped value (oom_score_adj = 750, netns = "host", default_subnet = "10.89.0.0/16"), expose devices through the QM boundary, keep limits at or below QM\'s own.',
	// Not under the QM rootfs /etc: QM's /etc bind mount hides those files, podman never reads them.
	appliesTo: (ctx) => ctx.domain.domain === 'qm' && !ctx.domain.shadowed,
	check(ctx) {
		const facts = confFacts(ctx);
		if (!facts) return;
		checkOom(ctx, facts.oomScoreAdj?.value);
		const netns = facts.entry('containers', 'netns')?.value;
		if (netns?.type === 'string' && netns.value !== 'host') {
			ctx.report({
				start: netns.start, end: netns.end,
				message: `netns = "${netns.value}": QM ships netns = "host" for nested containers ("until we fix private network bridge setup when the qm container doesn't unmask all the virtual filesystems", QM's containers.conf); with another mode nested containers may get no working network. See qm/network-nested-private.`,
				fixes: [{ title: 'Use netns = "host"', edits: [{ start: netns.start, end: netns.end, newText: '"host"' }], isPreferred: true }],
			});
		}
		const subnet = facts.entry('network', 'default_subnet')?.value;
		if (subnet?.type === 'string' && cidrOverlap(subnet.value, PODMAN_DEFAULT_SUBNET)) {
			ctx.report({
				start: subnet.start, end: subnet.end,
				message: `default_subnet = "${subnet.value}" overlaps ${PODMAN_DEFAULT_SUBNET}, the host podman's default network: QM moves nested containers to 10.89.0.0/16 because the same range on both sides confuses routing.`,
				fixes: [{ title: 'Use "10.89.0.0/16"', edits: [{ start: subnet.start, end: subnet.end, newText: '"10.89.0.0/16"' }], isPreferred: true }],
			});
		}
		const tmp = facts.entry('engine', 'image_copy_tmp_dir')?.value;
		if (tmp?.type === 'string' && tmp.value.startsWith('/') && !isUnder(normalizePath(tmp.value), '/var')) {
			ctx.report({
				start: tmp.start, end: tmp.end, severity: 'information',
				message: `image_copy_tmp_dir = "${tmp.value}" is outside /var: QM's root file system is read-only, so image copies there fail. QM uses "/var/tmp.dir" (host /var/qm/tmp.dir, which must exist).`,
			});
		}
		checkDevices(ctx, facts);
		checkUlimits(ctx, facts);
	},
});

function checkOom(ctx: RuleContext, v: import('../../../parser/containers-conf').TomlValue | undefined): void {
	if (!v || v.type !== 'integer') return;
	const { boundary: floor, nestedDefault } = boundaryData().oom;
	const n = v.value;
	if (n < -1000 || n > 1000) {
		const clamped = Math.max(-1000, Math.min(1000, n));
		ctx.report({
			start: v.start, end: v.end, severity: 'error',
			message: `oom_score_adj = ${v.raw} is outside -1000…1000, the range the kernel accepts: podman refuses to create nested containers. Use ${Math.max(floor, clamped)}.`,
			fixes: [{ title: `Change to ${nestedDefault}`, edits: [{ start: v.start, end: v.end, newText: String(nestedDefault) }], isPreferred: true }],
		});
	} else if (n < floor) {
		const drops = boundaryDrops(effectiveBoundary(ctx.qm()));
		const restored = !drops.dropped.has('sys_resource');
		const by = drops.restoredBy.get('sys_resource');
		ctx.report({
			start: v.start, end: v.end,
			severity: restored ? 'information' : undefined,
			message: restored
				? `oom_score_adj = ${n} is below QM's own score (${floor}); it only works because the QM boundary gives sys_resource back to the partition ("not recommended" in QM's README). Prefer ${nestedDefault}.`
				: `oom_score_adj = ${n} is below ${floor}, the OOM score of the QM partition itself: lowering it needs CAP_SYS_RESOURCE, which qm.container drops, so nested containers cannot get it. QM ships ${nestedDefault}.`,
			related: restored && by && by.path !== ctx.path ? [{ path: by.path, start: by.entry.keyStart, end: by.entry.valueEnd, message: 'sys_resource is given back to QM here' }] : undefined,
			fixes: [{ title: `Change to ${nestedDefault}`, edits: [{ start: v.start, end: v.end, newText: String(nestedDefault) }], isPreferred: true }],
		});
	} else if (n < nestedDefault) {
		ctx.report({
			start: v.start, end: v.end, severity: 'information',
			message: `oom_score_adj = ${n} is below ${nestedDefault}, the score QM ships for nested containers: under memory pressure they now outlive the default tier. Fine if intended; say why in a comment.`,
		});
	}
}

function checkDevices(ctx: RuleContext, facts: NonNullable<ReturnType<typeof confFacts>>): void {
	const b = effectiveBoundary(ctx.qm());
	const p = provision(b);
	const related: RelatedLocation[] = [];
	if (b.base) {
		const s = b.base.parsed.sections.find((x) => x.name === 'Container') ?? b.base.parsed.sections[0];
		if (s) related.push({ path: b.base.path, start: s.start, end: s.end, message: 'the QM partition nested containers run in' });
	}
	const judge = (device: string, range: { start: number; end: number }, what: string) => {
		const bad = forbiddenDevice(device);
		if (bad) {
			ctx.report({
				...range, severity: bad.severity === 'error' ? 'error' : 'warning',
				message: `${what} ${device} (${bad.name}) must not be given to containers inside QM: ${bad.why}. Remove it.`,
			});
			return;
		}
		if (providedBy(p, device)) return;
		const ann = annotationsCovering(device).find((a) => a.values);
		ctx.report({
			...range,
			message: `${what} ${device}, but the QM boundary does not expose ${device} to QM${b.vendorAssumed && !b.view.dropIns.length ? ' (no qm.container drop-in in the workspace adds it)' : ''}: podman inside QM cannot find it and every nested container fails to start. Add a drop-in in /etc/containers/systemd/qm.container.d/ with ${ann ? `Annotation=${ann.key}=true or ` : ''}AddDevice=-${device}.`,
			related: related.length ? related : undefined,
		});
	};
	for (const d of facts.devices) {
		if (!d.host.value.startsWith('/dev/')) continue;
		judge(normalizePath(d.host.value), d.host, 'devices gives every nested container');
	}
	for (const m of facts.mounts) {
		if (m.type !== 'bind' || !m.source || !m.source.value.startsWith('/dev/')) continue;
		const src = normalizePath(m.source.value);
		const bad = forbiddenDevice(src);
		// Device binds are qm/volume-device-node's; only forbidden devices are reported here.
		if (bad) judge(src, m.source, 'mounts binds into every nested container');
	}
}

function checkUlimits(ctx: RuleContext, facts: NonNullable<ReturnType<typeof confFacts>>): void {
	if (!facts.defaultUlimits.length) return;
	const b = effectiveBoundary(ctx.qm());
	const nofile = limitOf(b.view.lookup('Service', 'LimitNOFILE')) ?? boundaryData().nested.defaultNofile;
	for (const u of facts.defaultUlimits) {
		const range = { start: u.item.start, end: u.item.end };
		if (u.type === 'nofile' && u.soft !== undefined && u.hard !== undefined && Number.isFinite(nofile) && (u.soft > nofile || u.hard > nofile)) {
			const fixed = `nofile=${Math.min(u.soft, nofile)}:${Math.min(u.hard, nofile)}`;
			ctx.report({
				...range,
				message: `default_ulimits "${u.item.value}" is above QM's own open-file limit (${nofile}): raising it needs CAP_SYS_RESOURCE, which QM drops, so every nested container fails with "setrlimit … Operation not permitted". Use "${fixed}".`,
				fixes: [{ title: `Change to "${fixed}"`, edits: [{ ...range, newText: `"${fixed}"` }], isPreferred: true }],
			});
		} else if (u.type === 'nproc') {
			ctx.report({
				...range, severity: 'information',
				message: `default_ulimits "${u.item.value}": QM's own process limit is not known here; above it every nested container fails with "setrlimit … Operation not permitted", because QM cannot raise limits (no CAP_SYS_RESOURCE).`,
			});
		}
	}
}

function limitOf(v: string | undefined): number | undefined {
	if (v === undefined) return undefined;
	const t = unquoteValue(v).trim();
	const hard = t.includes(':') ? t.split(':')[1] : t;
	if (hard === 'infinity') return Infinity;
	return /^\d+$/.test(hard) ? Number(hard) : undefined;
}

/** IPv4 CIDRs that share addresses (either contains the other's network). */
export function cidrOverlap(a: string, b: string): boolean {
	const pa = parseCidr(a);
	const pb = parseCidr(b);
	if (!pa || !pb) return false;
	const bits = Math.min(pa.bits, pb.bits);
	const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
	return ((pa.addr & mask) >>> 0) === ((pb.addr & mask) >>> 0);
}

function parseCidr(s: string): { addr: number; bits: number } | undefined {
	const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(s.trim());
	if (!m) return undefined;
	const o = m.slice(1, 5).map(Number);
	const bits = Number(m[5]);
	if (o.some((x) => x > 255) || bits > 32) return undefined;
	return { addr: ((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3]) >>> 0, bits };
}

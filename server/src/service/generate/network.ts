/**
 * `.network` → a oneshot `podman network create --ignore` service, optionally removing the
 * network on stop (quadlet-spec §5.1, §7.5).
 */
import { basePodmanCommand } from './cmdline';
import { fail, type GenContext } from './context';
import { catalogFlags } from './flags';
import { oneshotDefaults, syslogIdentifier } from './service-keys';

const SPECIAL = new Set(['ContainersConfModule', 'GlobalArgs', 'PodmanArgs', 'Subnet', 'Gateway', 'IPRange', 'NetworkName', 'ServiceName']);

export function convertNetwork(ctx: GenContext): void {
	const r = ctx.r;
	const name = ctx.resolver.resourceName(ctx.file);
	const subnets = subnetArgs(ctx);
	oneshotDefaults(ctx, true);
	syslogIdentifier(ctx);

	const base = basePodmanCommand(r, ctx.podman);
	const args = [...base, 'network', 'create', '--ignore', ...subnets, ...catalogFlags(ctx, SPECIAL), ...r.args('PodmanArgs'), name];
	ctx.out.addCmdline('Service', 'ExecStart', args);
	if (r.bool('NetworkDeleteOnStop')) ctx.out.addCmdline('Service', 'ExecStopPost', [...base, 'network', 'rm', name]);
}

/** --subnet S [--gateway G] [--ip-range R] per subnet, paired by position. */
function subnetArgs(ctx: GenContext): string[] {
	const subnets = ctx.r.all('Subnet');
	const gateways = ctx.r.all('Gateway');
	const ranges = ctx.r.all('IPRange');
	if (subnets.length === 0) {
		if (gateways.length || ranges.length) fail('cannot set gateway or range without subnet');
		return [];
	}
	if (gateways.length > subnets.length) fail('cannot set more gateways than subnets');
	if (ranges.length > subnets.length) fail('cannot set more ranges than subnets');
	return subnets.flatMap((s, i) => [
		'--subnet', s,
		...(i < gateways.length ? ['--gateway', gateways[i]] : []),
		...(i < ranges.length ? ['--ip-range', ranges[i]] : []),
	]);
}

/**
 * `.kube` → `podman kube play` service, torn down with `podman kube down` (quadlet-spec §5.1, §7.3).
 */
import { basePodmanCommand } from './cmdline';
import { dirOf, fail, resolveUnitPath, type GenContext } from './context';
import { catalogFlags } from './flags';
import { networkArgs } from './refs';
import { checkKillMode, checkNotifyType, syslogIdentifier } from './service-keys';
import { userNsArgs } from './userns';

const SPECIAL = new Set([
	'ContainersConfModule', 'GlobalArgs', 'PodmanArgs', 'Yaml', 'ConfigMap', 'Network', 'AutoUpdate',
	'LogDriver', 'UserNS', 'SetWorkingDirectory', 'ServiceName',
]);

export function convertKube(ctx: GenContext): void {
	const r = ctx.r;
	let yamls = r.words('Yaml');
	if (ctx.atMost('5.6') && yamls.length > 1) yamls = yamls.slice(-1);
	if (yamls.length === 0) fail('no Yaml key specified');
	const paths = yamls.map((y) => resolveUnitPath(ctx, y));

	ctx.out.add('Service', 'Environment', 'PODMAN_SYSTEMD_UNIT=%n');
	checkKillMode(ctx);
	checkNotifyType(ctx);
	syslogIdentifier(ctx);
	workingDirectory(ctx, paths);

	const base = basePodmanCommand(r, ctx.podman);
	const play = [...base, 'kube', 'play', '--replace', '--service-container=true'];
	const logDriver = r.lookup('LogDriver');
	if (logDriver !== undefined) play.push('--log-driver', logDriver);
	play.push(...networkArgs(ctx));
	play.push(...userNsArgs(ctx));
	for (const c of r.words('ConfigMap')) play.push('--configmap', resolveUnitPath(ctx, c));
	for (const word of r.words('AutoUpdate')) {
		const slash = word.indexOf('/');
		play.push(slash < 0 ? `--annotation=io.containers.autoupdate=${word}` : `--annotation=io.containers.autoupdate/${word.slice(0, slash)}=${word.slice(slash + 1)}`);
	}
	play.push(...catalogFlags(ctx, SPECIAL));
	play.push(...r.args('PodmanArgs'), ...paths);
	ctx.out.addCmdline('Service', 'ExecStart', play);

	const down = [...base, 'kube', 'down'];
	if (r.bool('KubeDownForce')) down.push('--force');
	ctx.out.addCmdline('Service', 'ExecStopPost', [...down, ...paths]);
}

/** SetWorkingDirectory=yaml|unit → [Service] WorkingDirectory=, unless the user set one. */
function workingDirectory(ctx: GenContext, yamls: string[]): void {
	const value = ctx.r.nonEmpty('SetWorkingDirectory');
	if (value === undefined) return;
	let dir: string;
	switch (value.toLowerCase()) {
		case 'yaml':
			if (yamls.length !== 1) fail('SetWorkingDirectory=yaml is only supported when a single Yaml key is provided');
			dir = dirOf(yamls[0]);
			break;
		case 'unit':
			dir = ctx.unitDir;
			break;
		case 'file':
			return fail(`SetWorkingDirectory=${value} is only supported in .build files`);
		default:
			return fail(`unsupported value for WorkingDirectory: ${value} `);
	}
	if (!ctx.service.has('WorkingDirectory')) ctx.out.add('Service', 'WorkingDirectory', dir);
}

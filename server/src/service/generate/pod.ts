/**
 * `.pod` → a forking service that creates the pod before start and starts, stops and removes it
 * (quadlet-spec §5.1, §7.2). The containers that join the pod are started with it.
 */
import { isTrue, unquoteValue } from '../model/unit-view';
import { dirName, searchRootKey } from '../unit-path';
import { basePodmanCommand } from './cmdline';
import type { GenContext } from './context';
import { catalogFlags } from './flags';
import { networkArgs, volumeArgs } from './refs';
import { setDefault, syslogIdentifier } from './service-keys';
import { userNsArgs } from './userns';

const SPECIAL = new Set([
	'ContainersConfModule', 'GlobalArgs', 'PodmanArgs', 'PodName', 'ExitPolicy', 'StopTimeout', 'Network', 'Volume',
	'UserNS', 'UIDMap', 'GIDMap', 'SubUIDMap', 'SubGIDMap', 'ServiceName',
]);

export function convertPod(ctx: GenContext): void {
	const r = ctx.r;
	const pod = ctx.resolver.resourceName(ctx.file);
	addStartedContainers(ctx);

	ctx.out.add('Service', 'Environment', 'PODMAN_SYSTEMD_UNIT=%n');
	ctx.out.set('Service', 'Type', 'forking');
	if (ctx.atMost('5.8')) ctx.out.set('Service', 'Restart', 'on-failure');
	else setDefault(ctx, 'Restart', 'on-failure');
	ctx.out.set('Service', 'PIDFile', '%t/%N.pid');
	syslogIdentifier(ctx);

	const base = basePodmanCommand(r, ctx.podman);
	const exitPolicy = r.lookup('ExitPolicy') ?? 'stop';
	const create = [...base, 'pod', 'create', '--infra-conmon-pidfile=%t/%N.pid', '--replace', '--exit-policy', exitPolicy];
	create.push(...userNsArgs(ctx));
	create.push(...networkArgs(ctx));
	create.push(...volumeArgs(ctx));
	create.push(...catalogFlags(ctx, SPECIAL));
	create.push('--infra-name', `${pod}-infra`, '--name', pod, ...r.args('PodmanArgs'));
	ctx.out.addCmdline('Service', 'ExecStartPre', create);
	ctx.out.addCmdline('Service', 'ExecStart', [...base, 'pod', 'start', pod]);
	ctx.out.addCmdline('Service', 'ExecStop', [...base, 'pod', 'stop', '--ignore', `--time=${r.lookup('StopTimeout') ?? '10'}`, pod]);
	ctx.out.addCmdline('Service', 'ExecStopPost', [...base, 'pod', 'rm', '--ignore', '--force', pod]);
}

/**
 * `Wants=`/`Before=` for every container with `Pod=` this pod and StartWithPod= not false.
 * Template containers (x@.container) are left out since podman after 5.8.
 */
function addStartedContainers(ctx: GenContext): void {
	const root = searchRootKey(dirName(ctx.file.path));
	const containers = [...ctx.workspace.all()]
		.filter((f) => f.info.kind === 'container' && !f.info.dropIn && searchRootKey(dirName(f.path)) === root)
		.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	for (const f of containers) {
		if (!ctx.atMost('5.8') && f.info.template?.instance === '') continue;
		const view = ctx.resolver.view(f);
		const pod = view.last('Container', 'Pod');
		if (!pod || unquoteValue(pod.entry.value) !== ctx.fileName) continue;
		const start = view.last('Container', 'StartWithPod');
		if (start && !isTrue(unquoteValue(start.entry.value))) continue;
		const service = ctx.resolver.serviceName(f);
		ctx.out.add('Unit', 'Wants', service);
		ctx.out.add('Unit', 'Before', service);
	}
}


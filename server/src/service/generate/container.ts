/**
 * `.container` → `podman run` service (quadlet-spec §5.1, §7.1).
 */
import { basePodmanCommand } from './cmdline';
import { fail, resolveUnitPath, TRIM_ALL_QUOTES_UNTIL, type GenContext } from './context';
import { catalogFlags } from './flags';
import { containerNameOf } from './names';
import { mountArgs, networkArgs, resolveImage, volumeArgs } from './refs';
import { checkKillMode, checkNotifyType, shortNameWarning, syslogIdentifier } from './service-keys';
import { userNsArgs } from './userns';

/** Keys handled below rather than by their catalog `podmanArg`. */
const SPECIAL = new Set([
	'AddDevice', 'ContainerName', 'EnvironmentFile', 'ExposeHostPort', 'UserNS', 'UIDMap', 'GIDMap', 'SubUIDMap', 'SubGIDMap',
	'Network', 'Volume', 'Mount', 'PodmanArgs', 'GlobalArgs', 'ContainersConfModule', 'LogDriver',
]);

const EXPOSE = /\d+(-\d+)?(\/udp|\/tcp)?$/;

export function convertContainer(ctx: GenContext): void {
	const r = ctx.r;
	const rawImage = r.nonEmpty('Image');
	const rootfs = r.nonEmpty('Rootfs');
	if (rawImage === undefined && rootfs === undefined) fail('no Image or Rootfs key specified');
	if (rawImage !== undefined && rootfs !== undefined) fail('the Image And Rootfs keys conflict can not be specified together');
	if (rawImage !== undefined) shortNameWarning(ctx, rawImage);
	const image = rawImage !== undefined ? resolveImage(ctx, rawImage) : undefined;
	const name = containerNameOf(ctx.fileName, ctx.view, ctx.atMost(TRIM_ALL_QUOTES_UNTIL));

	ctx.out.add('Service', 'Environment', 'PODMAN_SYSTEMD_UNIT=%n');
	checkKillMode(ctx);

	const base = basePodmanCommand(r, ctx.podman);
	const stop = [...base, 'rm', '-v', '-f', '-i', name];
	ctx.out.addCmdline('Service', 'ExecStop', stop);
	ctx.out.addCmdline('Service', 'ExecStopPost', [`-${stop[0]}`, ...stop.slice(1)]);
	addReload(ctx, base, name);

	const oneshot = ctx.service.lookup('Type') === 'oneshot';
	const args = [...base, 'run', '--name', name, '--replace', '--rm'];
	const logDriver = r.lookup('LogDriver');
	if (logDriver !== undefined) args.push('--log-driver', logDriver);
	const cgroups = r.nonEmpty('CgroupsMode');
	args.push(...(cgroups === undefined ? ['--cgroups=split'] : ['--cgroups', cgroups]));
	ctx.out.add('Service', 'Delegate', 'yes');
	checkNotifyType(ctx);
	syslogIdentifier(ctx);
	if (!oneshot) args.push(notifyFlag(r.lookup('Notify')), '-d');

	args.push(...securityArgs(ctx));
	args.push(...userArgs(ctx));
	args.push(...userNsArgs(ctx));
	for (const p of r.all('ExposeHostPort')) {
		const port = p.trim();
		if (!EXPOSE.test(port)) fail(`invalid port format '${port}'`);
		args.push('--expose', port);
	}
	for (const f of r.args('EnvironmentFile')) args.push('--env-file', resolveUnitPath(ctx, f));
	args.push(...networkArgs(ctx));
	args.push(...volumeArgs(ctx));
	args.push(...mountArgs(ctx));
	args.push(...podArgs(ctx));
	args.push(...catalogFlags(ctx, SPECIAL));
	args.push(...r.args('PodmanArgs'));
	if (image !== undefined) args.push(image);
	else args.push('--rootfs', rootfs as string);
	args.push(...(r.lastArgs('Exec') ?? []));
	ctx.out.addCmdline('Service', 'ExecStart', args);
}

function notifyFlag(value: string | undefined): string {
	if (value !== undefined && value.toLowerCase() === 'healthy') return '--sdnotify=healthy';
	const v = value?.toLowerCase();
	return v === '1' || v === 'yes' || v === 'true' || v === 'on' ? '--sdnotify=container' : '--sdnotify=conmon';
}

/** ExecReload from ReloadCmd= (podman exec) or ReloadSignal= (podman kill). */
function addReload(ctx: GenContext, base: string[], name: string): void {
	const cmd = ctx.r.lastArgs('ReloadCmd') ?? [];
	const signal = ctx.r.nonEmpty('ReloadSignal');
	if (cmd.length && signal !== undefined) fail('ReloadCmd and ReloadSignal are mutually exclusive but both are set');
	if (cmd.length) ctx.out.addCmdline('Service', 'ExecReload', [...base, 'exec', name, ...cmd]);
	else if (signal !== undefined) ctx.out.addCmdline('Service', 'ExecReload', [...base, 'kill', '--signal', signal, name]);
}

/** SELinux, AppArmor, seccomp, capabilities, devices, read-only and tmp flags. */
function securityArgs(ctx: GenContext): string[] {
	const r = ctx.r;
	const out: string[] = [];
	if (r.bool('SecurityLabelDisable')) out.push('--security-opt', 'label=disable');
	if (r.bool('SecurityLabelNested')) out.push('--security-opt', 'label=nested');
	for (const [key, label] of [['SecurityLabelType', 'type'], ['SecurityLabelFileType', 'filetype'], ['SecurityLabelLevel', 'level']] as const) {
		const v = r.nonEmpty(key);
		if (v !== undefined) out.push('--security-opt', `label=${label}:${v}`);
	}
	if (r.bool('NoNewPrivileges')) out.push('--security-opt=no-new-privileges');
	const apparmor = r.nonEmpty('AppArmor');
	if (apparmor !== undefined) out.push('--security-opt', `apparmor=${apparmor}`);
	const seccomp = r.lookup('SeccompProfile');
	if (seccomp !== undefined) out.push('--security-opt', `seccomp=${seccomp}`);
	for (const m of r.args('Mask')) out.push('--security-opt', `mask=${m}`);
	for (const m of r.args('Unmask')) out.push('--security-opt', `unmask=${m}`);
	for (const c of r.words('DropCapability')) out.push('--cap-drop', c.toLowerCase());
	for (const c of r.words('AddCapability')) out.push('--cap-add', c.toLowerCase());
	for (const d of r.words('AddDevice')) {
		if (!d.startsWith('-')) { out.push('--device', d); continue; }
		const device = d.slice(1);
		const exists = ctx.options.hostPathExists;
		if (!exists || exists(device.split(':')[0])) out.push('--device', device);
	}
	if (r.bool('VolatileTmp') && !r.bool('ReadOnly')) out.push('--tmpfs', '/tmp:rw,size=512M,mode=1777');
	const entrypoint = r.lookup('Entrypoint');
	// An empty Entrypoint= clears the image's entrypoint since 5.8.2 (read "5.8" as 5.8.2); older releases skip it.
	if (entrypoint !== undefined && (entrypoint !== '' || !ctx.atMost('5.7'))) out.push(`--entrypoint=${entrypoint}`);
	const autoUpdate = r.nonEmpty('AutoUpdate');
	if (autoUpdate !== undefined) out.push('--label', `io.containers.autoupdate=${autoUpdate}`);
	return out;
}

/** --user USER[:GROUP]. */
function userArgs(ctx: GenContext): string[] {
	const user = ctx.r.nonEmpty('User');
	const group = ctx.r.nonEmpty('Group');
	if (user === undefined) {
		if (group !== undefined) fail('invalid Group set without User');
		return [];
	}
	return ['--user', group === undefined ? user : `${user}:${group}`];
}

/** Pod=x.pod: --pod <pod name>, bound to the pod's service. */
function podArgs(ctx: GenContext): string[] {
	const pod = ctx.r.nonEmpty('Pod');
	if (pod === undefined) return [];
	if (!pod.endsWith('.pod')) fail(`pod ${pod} is not Quadlet based`);
	const target = ctx.resolver.find(pod);
	if (!target) fail(`quadlet pod unit ${pod} does not exist`);
	const service = ctx.resolver.serviceName(target);
	ctx.out.add('Unit', 'BindsTo', service);
	ctx.out.add('Unit', 'After', service);
	return ['--pod', ctx.resolver.resourceName(target)];
}

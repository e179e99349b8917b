/**
 * `.artifact` → a oneshot `podman artifact pull` service (quadlet-spec §5.1, §7.8).
 */
import { basePodmanCommand } from './cmdline';
import { fail, type GenContext } from './context';
import { catalogFlags } from './flags';
import { oneshotDefaults, syslogIdentifier } from './service-keys';

const SPECIAL = new Set(['ContainersConfModule', 'GlobalArgs', 'PodmanArgs', 'Artifact', 'ServiceName']);

export function convertArtifact(ctx: GenContext): void {
	const r = ctx.r;
	const artifact = r.nonEmpty('Artifact');
	if (artifact === undefined) fail('no Artifact key specified');
	oneshotDefaults(ctx, true);
	syslogIdentifier(ctx);
	const args = [...basePodmanCommand(r, ctx.podman), 'artifact', 'pull', ...catalogFlags(ctx, SPECIAL), ...r.args('PodmanArgs'), artifact];
	ctx.out.addCmdline('Service', 'ExecStart', args);
}

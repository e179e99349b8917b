/**
 * `.image` → a oneshot `podman image pull` service (quadlet-spec §5.1, §7.6).
 */
import { basePodmanCommand } from './cmdline';
import { fail, type GenContext } from './context';
import { catalogFlags } from './flags';
import { oneshotDefaults, shortNameWarning, syslogIdentifier } from './service-keys';

const SPECIAL = new Set(['ContainersConfModule', 'GlobalArgs', 'PodmanArgs', 'Image', 'ImageTag', 'ServiceName']);

export function convertImage(ctx: GenContext): void {
	const r = ctx.r;
	const image = r.nonEmpty('Image');
	if (image === undefined) fail('no Image key specified');
	shortNameWarning(ctx, image);
	oneshotDefaults(ctx, true);
	syslogIdentifier(ctx);
	const args = [...basePodmanCommand(r, ctx.podman), 'image', 'pull', ...catalogFlags(ctx, SPECIAL), ...r.args('PodmanArgs'), image];
	ctx.out.addCmdline('Service', 'ExecStart', args);
}

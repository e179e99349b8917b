/**
 * `.volume` → a oneshot `podman volume create --ignore` service (quadlet-spec §5.1, §7.4).
 */
import { basePodmanCommand, escapeWord } from './cmdline';
import { fail, type GenContext } from './context';
import { catalogFlags } from './flags';
import { resolveImage } from './refs';
import { oneshotDefaults, shortNameWarning, syslogIdentifier } from './service-keys';

const SPECIAL = new Set([
	'ContainersConfModule', 'GlobalArgs', 'PodmanArgs', 'Driver', 'Image', 'Device', 'Type', 'Copy', 'User', 'Group',
	'Options', 'UID', 'GID', 'VolumeName', 'ServiceName',
]);

export function convertVolume(ctx: GenContext): void {
	const r = ctx.r;
	const name = ctx.resolver.resourceName(ctx.file);
	oneshotDefaults(ctx, true);
	syslogIdentifier(ctx);

	const args = [...basePodmanCommand(r, ctx.podman), 'volume', 'create', '--ignore'];
	const driver = r.lookup('Driver');
	if (driver !== undefined) args.push('--driver', driver);
	if (driver === 'image') {
		const image = r.lookup('Image');
		if (image === undefined) fail('the key Image is mandatory when using the image driver');
		shortNameWarning(ctx, image);
		args.push('--opt', `image=${resolveImage(ctx, image)}`);
	} else {
		args.push(...deviceOptions(ctx));
	}
	args.push(...catalogFlags(ctx, SPECIAL));
	for (const key of ['UID', 'GID'] as const) {
		const v = r.lookup(key);
		if (v !== undefined) args.push(`--${key.toLowerCase()}`, v);
	}
	args.push(...r.args('PodmanArgs'), name);
	ctx.out.addCmdline('Service', 'ExecStart', args);
}

/** --opt device=, type=, copy/nocopy and o=uid=…,gid=…,<Options> for the local driver. */
function deviceOptions(ctx: GenContext): string[] {
	const r = ctx.r;
	const out: string[] = [];
	const device = r.nonEmpty('Device');
	const type = r.nonEmpty('Type');
	const options = r.nonEmpty('Options');
	if (device === undefined) {
		if (type !== undefined) fail('key Type can\'t be used without Device');
		if (options !== undefined && ctx.atMost('5.8')) fail('key Options can\'t be used without Device');
	} else {
		out.push('--opt', `device=${device}`);
		if (type !== undefined) {
			out.push('--opt', `type=${type}`);
			if (type === 'bind') ctx.out.add('Unit', 'RequiresMountsFor', escapeWord(device));
		}
	}
	const copy = r.bool('Copy');
	if (copy !== undefined) out.push('--opt', copy ? 'copy' : 'nocopy');
	const o: string[] = [];
	const uid = r.int('User');
	if (uid !== undefined) o.push(`uid=${uid}`);
	const gid = r.int('Group');
	if (gid !== undefined) o.push(`gid=${gid}`);
	if (options !== undefined) o.push(options);
	if (o.length) out.push('--opt', `o=${o.join(',')}`);
	return out;
}

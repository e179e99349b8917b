/**
 * `.build` → a oneshot `podman build` service (quadlet-spec §5.1, §7.7): the tags, the
 * Containerfile, and the build context taken from SetWorkingDirectory=.
 */
import { isBuildUrl } from '../rules/quadlet/support';
import { basePodmanCommand } from './cmdline';
import { dirOf, fail, isSelfContained, resolveUnitPath, type GenContext } from './context';
import { catalogFlags } from './flags';
import { networkArgs, volumeArgs } from './refs';
import { setDefault, syslogIdentifier } from './service-keys';

const SPECIAL = new Set([
	'ContainersConfModule', 'GlobalArgs', 'PodmanArgs', 'ImageTag', 'File', 'SetWorkingDirectory', 'Network', 'Volume', 'ServiceName',
]);

export function convertBuild(ctx: GenContext): void {
	const r = ctx.r;
	const tags = r.all('ImageTag');
	if (tags.length === 0 || tags[0] === '') fail('no ImageTag key specified');
	const { file, context } = buildContext(ctx);
	setDefault(ctx, 'Type', 'oneshot');
	syslogIdentifier(ctx);

	const args = [...basePodmanCommand(r, ctx.podman), 'build'];
	for (const t of tags) args.push('--tag', t);
	args.push(...networkArgs(ctx));
	args.push(...volumeArgs(ctx));
	args.push(...catalogFlags(ctx, SPECIAL));
	if (file !== undefined) args.push('--file', file);
	args.push(...r.args('PodmanArgs'));
	if (context !== undefined) args.push(context);
	ctx.out.addCmdline('Service', 'ExecStart', args);
}

/** A File= value that needs no working directory: absolute, specifier-rooted, or a URL. */
function fileIsSelfContained(file: string): boolean {
	return isSelfContained(file) || isBuildUrl(file);
}

/**
 * SetWorkingDirectory=: unit/file set [Service] WorkingDirectory= (unless the user did) and build
 * there; a path or URL is the build context itself (a relative path also sets the directory).
 */
function buildContext(ctx: GenContext): { file: string | undefined; context: string | undefined } {
	const swd = ctx.r.nonEmpty('SetWorkingDirectory');
	const file = ctx.r.nonEmpty('File');
	const userDir = ctx.service.nonEmpty('WorkingDirectory');
	if (swd === undefined && file === undefined && userDir === undefined) fail('neither SetWorkingDirectory, nor File key specified');
	let dir: string | undefined;
	let context: string | undefined;
	switch (swd === undefined ? undefined : swd.toLowerCase()) {
		case undefined:
			break;
		case 'yaml':
			return fail(`SetWorkingDirectory=${swd} is only supported in .kube files`);
		case 'file':
			if (file === undefined) fail('no File key specified');
			dir = dirOf(resolveUnitPath(ctx, file));
			break;
		case 'unit':
			dir = ctx.unitDir;
			break;
		default:
			context = swd as string;
			if (!isBuildUrl(context) && !context.startsWith('/')) dir = ctx.unitDir;
	}
	if (dir !== undefined && userDir === undefined) ctx.out.add('Service', 'WorkingDirectory', dir);
	const workDir = userDir ?? dir;
	if (file !== undefined && !fileIsSelfContained(file) && workDir === undefined && context === undefined) {
		fail('relative path in File key requires SetWorkingDirectory key to be set');
	}
	if (context === undefined && workDir !== undefined && (file === undefined || !fileIsSelfContained(file))) context = workDir;
	return { file, context };
}

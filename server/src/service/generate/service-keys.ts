/**
 * [Service] lines quadlet checks or adds for several unit types (quadlet-spec §5.1), and the
 * warnings it prints about a unit's [Service] keys and image names.
 */
import { isUnambiguous } from '../rules/quadlet/short-image-name';
import { fail, type GenContext } from './context';

/** KillMode=mixed unless the user chose mixed or control-group (anything else is refused). */
export function checkKillMode(ctx: GenContext): void {
	const mode = ctx.service.lookup('KillMode');
	if (mode === undefined) ctx.out.set('Service', 'KillMode', 'mixed');
	else if (mode !== 'mixed' && mode !== 'control-group') fail(`invalid KillMode '${mode}'`);
}

/** Type must be notify or oneshot; unless oneshot, Type=notify and NotifyAccess=all are set. */
export function checkNotifyType(ctx: GenContext): void {
	const type = ctx.service.lookup('Type');
	if (type !== undefined && type !== 'notify' && type !== 'oneshot') fail(`invalid service Type '${type}'`);
	if (type === 'oneshot') return;
	ctx.out.set('Service', 'Type', 'notify');
	ctx.out.set('Service', 'NotifyAccess', 'all');
}

/** A [Service] key added only when the user did not set it. */
export function setDefault(ctx: GenContext, key: string, value: string): void {
	if (!ctx.out.has('Service', key)) ctx.out.add('Service', key, value);
}

/** Type=oneshot, RemainAfterExit=yes (optional) and SyslogIdentifier=%N unless set. */
export function oneshotDefaults(ctx: GenContext, remainAfterExit: boolean): void {
	setDefault(ctx, 'Type', 'oneshot');
	if (remainAfterExit) setDefault(ctx, 'RemainAfterExit', 'yes');
}

export function syslogIdentifier(ctx: GenContext): void {
	setDefault(ctx, 'SyslogIdentifier', '%N');
}

/** podman warns about [Service] User=, Group= and DynamicUser= (5.6+); the keys stay. */
export function serviceUserWarnings(ctx: GenContext): void {
	if (ctx.atMost('5.5')) return;
	for (const key of ['User', 'Group', 'DynamicUser']) {
		if (ctx.service.has(key)) ctx.warn(`Warning: using key ${key} in the Service group is not supported - use at your own risk`);
	}
}

/** podman's warnIfAmbiguousName for Image= values that are short names. */
export function shortNameWarning(ctx: GenContext, image: string): void {
	if (image.endsWith('.image') || image.endsWith('.build') || isUnambiguous(image)) return;
	ctx.warn(`Warning: ${ctx.fileName} specifies the image "${image}" which not a fully qualified image name. This is not ideal for performance and security reasons. See the podman-pull manpage discussion of short-name-aliases.conf for details.`);
}

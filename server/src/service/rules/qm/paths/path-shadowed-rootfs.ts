import { defineRule } from '../../rule';
import { domainFromPath } from '../../../qm/domain';

/**
 * Diagnostic: qm/path-shadowed-rootfs
 * The file lies under <ROOTFS>/etc, <ROOTFS>/var or <ROOTFS>/run (default /usr/lib/qm/rootfs):
 * the running QM partition never sees it, because qm.container mounts /etc/qm on /etc,
 * /var/qm on /var and a tmpfs on /run.
 */
export default defineRule({
	id: 'qm/path-shadowed-rootfs',
	defaultSeverity: 'warning',
	title: 'File hidden inside the running QM partition',
	why: 'qm.container mounts ${RWETCFS} (/etc/qm) over /etc, ${RWVARFS} (/var/qm) over /var and a tmpfs over /run, so files placed in the rootfs under etc/, var/ or run/ are invisible once QM runs (setup only writes there while /etc/qm is bind-mounted over it).',
	fix: 'Move the file to the same place under /etc/qm (for rootfs etc/) or /var/qm (for rootfs var/).',
	appliesTo: (ctx) => ctx.domain.shadowed === true || (ctx.domain.domain === 'qm' && domainFromPath(ctx.path, ctx.qm().config)?.shadowed === true),
	check(ctx) {
		const prefixes = ctx.qm().config.prefixes ?? { rootfs: '/usr/lib/qm/rootfs', rwetcfs: '/etc/qm', rwvarfs: '/var/qm' };
		const segs = ctx.path.split('/');
		const root = prefixes.rootfs.split('/').filter(Boolean);
		let at = -1;
		for (let i = 0; i + root.length <= segs.length && at < 0; i++) if (root.every((r, j) => segs[i + j] === r)) at = i;
		if (at < 0) return;
		const top = segs[at + root.length];
		const rest = segs.slice(at + root.length + 1).join('/');
		const before = segs.slice(0, at).join('/');
		const target = top === 'etc' ? `${before}${prefixes.rwetcfs}/${rest}` : top === 'var' ? `${before}${prefixes.rwvarfs}/${rest}` : undefined;
		const first = ctx.parsed.sections[0];
		const line = ctx.parsed.lines[0];
		ctx.report({
			start: first ? first.start : line?.start ?? 0,
			end: first ? first.end : line?.end ?? 0,
			message: target
				? `${ctx.path} is inside ${prefixes.rootfs}/${top}, which the running QM partition never sees: qm.container mounts ${top === 'etc' ? prefixes.rwetcfs : prefixes.rwvarfs} over /${top}. Move the file to ${target}.`
				: `${ctx.path} is inside ${prefixes.rootfs}/run, which is covered by QM's tmpfs on /run: the file is invisible once QM runs. Install it where QM reads it persistently (e.g. under ${prefixes.rwetcfs}/).`,
		});
	},
});

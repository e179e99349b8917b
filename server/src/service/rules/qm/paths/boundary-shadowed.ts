import { defineRule } from '../../rule';
import { isOverrideCopy, isVendorPath } from '../../../qm/boundary';
import type { RelatedLocation } from '../../../types';

/**
 * Diagnostic: qm/boundary-shadowed
 * /etc/containers/systemd/qm.container (or /run/…) exists: a same-named quadlet earlier in the
 * search path replaces the vendor qm.container entirely, so package updates to it are lost.
 */
export default defineRule({
	id: 'qm/boundary-shadowed',
	defaultSeverity: 'warning',
	title: 'Copy of qm.container replaces the vendor file',
	why: 'Podman uses the first qm.container it finds (/run, then /etc, then /usr/share), so a copy in /etc or /run hides the file the qm package updates (seccomp profile, capability drops, ReadOnlyTmpfs); QM\'s README requires drop-ins instead.',
	fix: 'Delete the copy and put only your changes into /etc/containers/systemd/qm.container.d/NN-name.conf.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm-boundary' && ctx.kind === 'container' && !ctx.info.dropIn && ctx.info.fileName === 'qm.container' && isOverrideCopy(ctx.path),
	check(ctx) {
		const vendor = ctx.workspace.unitsNamed('qm.container').find((f) => isVendorPath(f.path));
		const related: RelatedLocation[] = [];
		let delta = '';
		if (vendor) {
			const s = vendor.parsed.sections[0];
			related.push({ path: vendor.path, start: s?.start ?? 0, end: s?.end ?? 0, message: 'the vendor qm.container this copy hides' });
			const lines = (p: typeof vendor.parsed) => new Set(p.entries.map((e) => `${e.section?.name}\u0000${e.key}=${e.value.trim()}`));
			const mine = lines(ctx.parsed);
			const theirs = lines(vendor.parsed);
			const added = [...mine].filter((l) => !theirs.has(l)).map((l) => l.split('\u0000')[1]);
			const removed = [...theirs].filter((l) => !mine.has(l)).length;
			if (added.length || removed) {
				delta = ` It differs from the vendor file by ${added.length ? `${added.length} added/changed line(s) (${added.slice(0, 3).join(', ')}${added.length > 3 ? ', …' : ''})` : ''}${added.length && removed ? ' and ' : ''}${removed ? `${removed} missing line(s)` : ''}: put only those into a drop-in.`;
			}
		}
		const first = ctx.parsed.sections[0];
		const line = ctx.parsed.lines[0];
		ctx.report({
			start: first ? first.start : line?.start ?? 0, end: first ? first.end : line?.end ?? 0,
			message: `This qm.container replaces /usr/share/containers/systemd/qm.container completely (podman uses the first one found): updates of the qm package to the partition (seccomp profile, capability drops, ReadOnlyTmpfs) no longer apply. Delete the copy and put your changes into /etc/containers/systemd/qm.container.d/NN-name.conf.${delta}`,
			related: related.length ? related : undefined,
		});
	},
});

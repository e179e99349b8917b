import { defineRule } from '../../rule';
import { isTrue, unquoteValue } from '../../../model/unit-view';
import { boundaryFor } from '../../../qm/boundary';
import { podmanFlags, flagPart } from '../../../qm/container-settings';
import { entryRange, partRange, removePart, restoreFix } from '../../../qm/edits';

/**
 * Diagnostic: qm/boundary-readonly
 * The effective qm.container turns off ReadOnly= (or ReadOnlyTmpfs=). QM's /usr comes read-only
 * from the QM rootfs and must stay so; without the read-only tmpfs QM has no writable /run, /tmp.
 */
export default defineRule({
	id: 'qm/boundary-readonly',
	defaultSeverity: 'error',
	title: 'The QM partition is no longer read-only',
	why: 'qm.container runs the partition with ReadOnly=true (QM /usr is the read-only rootfs) and ReadOnlyTmpfs=true (writable tmpfs on /run, /tmp); turning either off changes what QM can write.',
	fix: 'Remove the override so the vendor ReadOnly=true / ReadOnlyTmpfs=true apply again.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm-boundary' && ctx.kind === 'container',
	check(ctx) {
		const b = boundaryFor(ctx.qm(), ctx.path);
		for (const key of ['ReadOnly', 'ReadOnlyTmpfs'] as const) {
			const w = b.view.last('Container', key);
			if (!w || w.path !== ctx.path || isTrue(unquoteValue(w.entry.value))) continue;
			const tmpfs = key === 'ReadOnlyTmpfs';
			ctx.report({
				...entryRange(w.entry),
				severity: tmpfs ? 'warning' : undefined,
				message: tmpfs
					? `${key}=${unquoteValue(w.entry.value)} on the QM boundary removes the tmpfs mounts on /run, /tmp and /var/tmp of the read-only partition, so QM's systemd has nowhere to write at run time. Keep ReadOnlyTmpfs=true.`
					: `${key}=${unquoteValue(w.entry.value)} makes the QM partition's root writable; QM's /usr must stay the read-only QM rootfs (the QM tests expect "Read-only file system" there). Keep ReadOnly=true.`,
				fixes: [restoreFix(ctx.parsed, ctx.path, !!ctx.info.dropIn, b.view, 'Container', key, w.entry, isTrue, 'true')],
			});
		}
		for (const f of podmanFlags(b.view)) {
			if (f.entry.path !== ctx.path) continue;
			if (f.flag !== '--read-only' && f.flag !== '--read-only-tmpfs') continue;
			if (f.value === '' || isTrue(f.value)) continue;
			const part = flagPart(f);
			ctx.report({
				...partRange(part),
				severity: f.flag === '--read-only-tmpfs' ? 'warning' : undefined,
				message: `PodmanArgs option ${part.text} comes after the ReadOnly keys on podman's command line and turns ${f.flag === '--read-only' ? 'the read-only root of the QM partition' : 'the tmpfs mounts of the read-only QM partition'} off. Remove it.`,
				fixes: [{ title: `Remove ${part.text}`, edits: [removePart(ctx.parsed, part)], isPreferred: true }],
			});
		}
	},
});

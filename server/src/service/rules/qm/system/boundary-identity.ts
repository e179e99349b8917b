import { defineRule } from '../../rule';
import { splitWordsWithOffsets, unquoteValue } from '../../../model/unit-view';
import { boundaryFor, isVendorPath } from '../../../qm/boundary';
import { keyWords } from '../../../qm/container-settings';
import { entryRange, partRange, removeLine, removePart, replaceValue } from '../../../qm/edits';
import { expandPath, normalizePath } from '../../../qm/paths';
import { boundaryData } from '../../../qm/qm-data';
import type { Fix } from '../../../types';

/**
 * Diagnostic: qm/boundary-identity
 * A drop-in (or a full copy) of qm.container changes what identifies the partition: the
 * container name, the rootfs, the init command, ROOTFS/RWETCFS/RWVARFS or the /etc, /var and
 * /var/tmp mounts. QM's tools and tests hard-code them.
 */
export default defineRule({
	id: 'qm/boundary-identity',
	defaultSeverity: 'warning',
	title: 'A drop-in changes how the QM partition is identified',
	why: 'tools/qm-rootfs reads ROOTFS from the vendor qm.container, qmctl and every QM test use "podman exec qm", and setup provisions /etc/qm and /var/qm; a drop-in that changes them breaks those tools.',
	fix: 'Remove the override; choose other locations at install time with setup --rootfs/--rwetcfs/--rwvarfs.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm-boundary' && (ctx.kind === 'container' || ctx.kind === 'service') && !isVendorPath(ctx.path),
	check(ctx) {
		const data = boundaryData().identity;
		const b = boundaryFor(ctx.qm(), ctx.path);
		const dropIn = !!ctx.info.dropIn;
		const fixFor = (entry: Parameters<typeof removeLine>[1], vendorValue: string): Fix => dropIn
			? { title: `Remove this ${entry.key}= line`, edits: [removeLine(ctx.parsed, entry)], isPreferred: true }
			: { title: `Restore ${entry.key}=${vendorValue}`, edits: [replaceValue(entry, vendorValue)], isPreferred: true };
		const env = { ...data.environment };
		const same = (a: string, b2: string) => normalizePath(expandPath(a, { env })) === normalizePath(expandPath(b2, { env }));
		if (ctx.kind === 'container') {
			for (const [key, vendor] of Object.entries(data.scalars)) {
				const w = b.view.last('Container', key);
				if (!w || w.path !== ctx.path) continue;
				const v = unquoteValue(w.entry.value);
				if (key === 'Exec' ? v.trim().split(/\s+/).join(' ') === vendor : same(v, vendor)) continue;
				ctx.report({
					...entryRange(w.entry),
					message: `${key}=${v} changes the QM partition's ${key === 'ContainerName' ? 'container name' : key === 'Rootfs' ? 'root file system' : 'init command'} (shipped: ${key}=${vendor}). ${key === 'ContainerName' ? 'qmctl, the QM tests and every "podman exec qm" rely on the name qm.' : key === 'Rootfs' ? 'tools/qm-rootfs and setup work on the ROOTFS of the vendor file.' : 'QM must boot its own systemd as PID 1.'} Remove the override.`,
					fixes: [fixFor(w.entry, vendor)],
				});
			}
			// Volume= reset or a different source for /etc, /var, /var/tmp.
			for (const e of b.view.occurrences('Container', 'Volume')) {
				if (e.path !== ctx.path) continue;
				if (e.entry.value.trim() === '') {
					ctx.report({
						...entryRange(e.entry),
						message: 'An empty Volume= clears every earlier Volume= of qm.container, including ${RWETCFS}:/etc, ${RWVARFS}:/var and ${RWVARFS}/tmp:/var/tmp: QM would lose its writable /etc and /var. Remove the reset and list only the volumes you add.',
						fixes: [{ title: 'Remove the Volume= reset', edits: [removeLine(ctx.parsed, e.entry)], isPreferred: true }],
					});
					continue;
				}
				const parts = e.entry.value.trim().split(':');
				if (parts.length < 2) continue;
				const dest = normalizePath(parts[1]);
				if (!data.volumeDestinations.includes(dest)) continue;
				const vendor = boundaryData().vendor.find((l) => l.key === 'Volume' && normalizePath(l.value.split(':')[1] ?? '') === dest);
				if (vendor && same(parts[0], vendor.value.split(':')[0])) continue;
				ctx.report({
					...entryRange(e.entry),
					message: `Volume=${e.entry.value.trim()} mounts something else on ${dest}, which qm.container already fills with ${vendor?.value ?? 'its own volume'}: podman refuses two mounts on one destination, and QM's ${dest} must be the host's ${dest === '/etc' ? '/etc/qm' : dest === '/var' ? '/var/qm' : '/var/qm/tmp'}. Remove it, or change the destination.`,
					fixes: dropIn ? [{ title: 'Remove this Volume= line', edits: [removeLine(ctx.parsed, e.entry)], isPreferred: true }] : undefined,
				});
			}
		}
		// Environment=ROOTFS|RWETCFS|RWVARFS in [Service] (where systemd expands them) or [Container].
		for (const section of ['Service', 'Container']) {
			const entries = section === 'Container' ? keyWords(b.view, section, 'Environment') : b.view.lookupAll(section, 'Environment').flatMap((e) =>
				splitWordsWithOffsets(e.entry.value).map((w) => ({ text: w.word, entry: e, index: w.start, length: w.end - w.start, via: 'Environment', map: [] as number[] })));
			for (const part of entries) {
				if (part.entry.path !== ctx.path) continue;
				const eq = part.text.indexOf('=');
				if (eq < 0) continue;
				const name = part.text.slice(0, eq);
				const vendor = data.environment[name];
				if (vendor === undefined || normalizePath(part.text.slice(eq + 1)) === vendor) continue;
				ctx.report({
					...partRange(part),
					message: `${part.text} moves the QM partition's ${name} away from ${vendor}. tools/qm-rootfs reads ${name} from the vendor qm.container and setup prepares ${vendor}, so the drop-in and the tools disagree. Remove it and pass the location to setup at install time.`,
					fixes: dropIn ? [{ title: `Remove ${name}=`, edits: [removePart(ctx.parsed, part, false)], isPreferred: true }] : undefined,
				});
			}
		}
	},
});

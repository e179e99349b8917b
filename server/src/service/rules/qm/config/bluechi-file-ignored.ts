import { bluechiIgnoredReason } from '../../../qm/engine-config';
import { baseName, dirName } from '../../../unit-path';
import type { Fix } from '../../../types';
import { defineRule } from '../../rule';
import { BLUECHI_CONF, configOf, fileOf } from './support';
import { DEFAULT_PREFIXES } from '../../../qm/domain';

/**
 * Diagnostic: qm/bluechi-file-ignored
 * A bluechi configuration file bluechi never reads: a file in agent.conf.d/ (or
 * controller.conf.d/) whose name does not end in ".conf", or one under the QM rootfs /etc
 * (/usr/lib/qm/rootfs/etc/bluechi/…), which QM's /etc bind mount hides at run time.
 */
export default defineRule({
	id: 'qm/bluechi-file-ignored',
	defaultSeverity: 'warning',
	fileKinds: BLUECHI_CONF,
	title: 'bluechi configuration file that bluechi never reads',
	why: 'bluechi reads only *.conf files in agent.conf.d/ and controller.conf.d/; and inside QM /etc is bind-mounted from the host\'s /etc/qm, so files under /usr/lib/qm/rootfs/etc are hidden at run time.',
	fix: 'Rename the file to end in .conf, or move it to /etc/qm/bluechi/agent.conf.d/.',
	appliesTo: () => true,
	check(ctx) {
		const prefixes = configOf(ctx).prefixes ?? DEFAULT_PREFIXES;
		const reason = bluechiIgnoredReason(ctx.path, prefixes);
		if (!reason) return;
		const file = fileOf(ctx);
		const first = file?.parsed.lines.find((l) => l.contentEnd > l.contentStart);
		const range = first ? { start: first.contentStart, end: first.contentEnd } : { start: 0, end: 0 };
		const fixes: Fix[] = [];
		let message: string;
		if (reason === 'shadowed') {
			const rootfsEtc = `${prefixes.rootfs.replace(/\/+$/, '')}/etc/`;
			const k = ctx.path.indexOf(rootfsEtc);
			const target = k >= 0 ? `${ctx.path.slice(0, k)}${prefixes.rwetcfs.replace(/\/+$/, '')}/${ctx.path.slice(k + rootfsEtc.length)}` : undefined;
			message = `bluechi inside QM never reads this file: QM's /etc is bind-mounted from the host's ${prefixes.rwetcfs}, which hides ${prefixes.rootfs}/etc at run time.${target ? ` Move it to ${target}.` : ''}`;
			if (target && !ctx.workspace.get(target)) fixes.push({ title: `Move to ${target}`, edits: [], renames: [{ from: ctx.path, to: target }], isPreferred: true });
		} else {
			const name = baseName(ctx.path);
			const stem = name.includes('.') && !name.startsWith('.') ? name.slice(0, name.lastIndexOf('.')) : name;
			const target = `${dirName(ctx.path)}/${stem.endsWith('.conf') ? stem : `${stem}.conf`}`;
			message = `bluechi reads only files ending in ".conf" from ${baseName(dirName(ctx.path))}/, so ${name} is ignored. Rename it to ${baseName(target)}.`;
			if (!ctx.workspace.get(target)) fixes.push({ title: `Rename to ${baseName(target)}`, edits: [], renames: [{ from: ctx.path, to: target }], isPreferred: true });
		}
		ctx.report({ ...range, message, fixes: fixes.length ? fixes : undefined });
	},
});

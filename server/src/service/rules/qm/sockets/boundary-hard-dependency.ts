import { dependencyWords } from '../../../qm/sockets-index';
import type { Fix } from '../../../types';
import { defineRule } from '../../rule';
import { entryLines } from './support';

const HARD = new Set(['Requires', 'BindsTo', 'PartOf', 'Requisite']);

/**
 * Diagnostic: qm/boundary-hard-dependency
 * Requires=, BindsTo=, PartOf= or Requisite= in the definition of the QM partition (a
 * qm.container drop-in, an overriding qm.container, a qm.service.d drop-in). These tie the whole
 * partition, with every QM workload, to an ASIL helper: when the helper stops or restarts, so
 * does qm.service (Requires=/BindsTo=/PartOf=), and QM does not start at all when it is missing
 * (Requires=/Requisite=). The docs' ASIL→QM example (10-extra-volume.conf) and issue #854 do
 * this; what QM needs is only that the bridge directory exists before it starts.
 */
export default defineRule({
	id: 'qm/boundary-hard-dependency',
	defaultSeverity: 'warning',
	title: 'Hard dependency of the QM partition on another unit',
	why: 'Requires=/BindsTo=/PartOf=/Requisite= on qm.container make the whole QM partition stop or restart with an ASIL helper, or fail to start when it is missing; the bridge only needs /run/ipc to exist before QM starts.',
	fix: 'Use Wants= with After= (e.g. Wants=ipc_server.socket, After=ipc_server.socket), or create /run/ipc with tmpfiles.d ("d /run/ipc 0755 root root -").',
	appliesTo: (ctx) => ctx.domain.domain === 'qm-boundary',
	check(ctx) {
		const words = dependencyWords(ctx.view);
		const seen = new Set<unknown>();
		for (const d of words) {
			if (d.at.path !== ctx.path || !HARD.has(d.key) || seen.has(d.at)) continue;
			seen.add(d.at);
			const names = words.filter((w) => w.at === d.at).map((w) => w.name);
			const list = names.join(' ');
			const ordered = names.every((n) => words.some((w) => w.key === 'After' && w.name === n));
			const effect = d.key === 'Requisite'
				? `QM refuses to start unless ${list} is already active`
				: d.key === 'PartOf'
					? `stopping or restarting ${list} stops or restarts the whole QM partition with every workload inside it`
					: `stopping or restarting ${list} stops or restarts the whole QM partition with every workload inside it, and QM does not start at all when ${list} is missing or fails`;
			const e = d.at.entry;
			const fixes: Fix[] = [];
			if (d.key === 'PartOf') {
				fixes.push({ title: 'Remove the PartOf= line', edits: [{ ...entryLines(ctx, d.at), newText: '' }], isPreferred: true });
			} else {
				fixes.push({ title: `Change ${d.key}= to Wants=`, edits: [{ start: e.keyStart, end: e.keyEnd, newText: 'Wants' }], isPreferred: true });
			}
			ctx.report({
				start: e.keyStart, end: e.keyEnd,
				message: `${d.key}=${list} is part of the QM partition's own unit (qm.service): ${effect}. What the partition needs from an ASIL helper is at most that it starts first (e.g. that /run/ipc exists before QM mounts it). Write Wants=${list}${ordered ? '' : ` with After=${list}`}, or create the directory with tmpfiles.d (d /run/ipc 0755 root root -).`,
				fixes,
			});
		}
	},
});

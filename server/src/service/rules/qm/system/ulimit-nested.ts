import { defineRule } from '../../rule';
import { unquoteValue } from '../../../model/unit-view';
import { effectiveBoundary } from '../../../qm/boundary';
import { ulimits } from '../../../qm/container-settings';
import { partRange } from '../../../qm/edits';
import { boundaryData } from '../../../qm/qm-data';

/**
 * Diagnostic: qm/ulimit-nested
 * Ulimit= (or --ulimit) on a container inside QM above the limits of the QM partition itself:
 * raising a limit needs CAP_SYS_RESOURCE, which QM drops.
 */
export default defineRule({
	id: 'qm/ulimit-nested',
	defaultSeverity: 'warning',
	title: 'Resource limit above QM\'s own',
	why: 'Raising an rlimit above the current hard limit needs CAP_SYS_RESOURCE, which qm.container drops; crun then fails with "setrlimit … Operation not permitted" (podman #24692, crun #1388).',
	fix: 'Stay at or below QM\'s limits (LimitNOFILE=65536 on the partition).',
	appliesTo: (ctx) => ctx.domain.domain === 'qm' && ctx.kind === 'container',
	check(ctx) {
		const b = effectiveBoundary(ctx.qm());
		const nofile = limitOf(b.view.lookup('Service', 'LimitNOFILE')) ?? boundaryData().nested.defaultNofile;
		for (const part of ulimits(ctx.view)) {
			if (part.entry.path !== ctx.path) continue;
			const m = /^([a-z]+)=(-?\d+|unlimited)(?::(-?\d+|unlimited))?$/.exec(part.text.trim());
			if (!m) continue;
			const [, type, soft, hard] = m;
			const values = [soft, hard ?? soft].map((v) => (v === 'unlimited' || v === '-1' ? Infinity : Number(v)));
			if (type === 'nofile') {
				if (!Number.isFinite(nofile) || values.every((v) => v <= nofile)) continue;
				const fixed = `nofile=${values.map((v) => String(Math.min(v, nofile))).join(':')}`;
				const r = partRange(part);
				ctx.report({
					...r,
					message: `Ulimit ${part.text.trim()} is above QM's own open-file limit (${nofile}): raising it needs CAP_SYS_RESOURCE, which QM drops, so the container fails with "setrlimit … Operation not permitted". Use ${fixed}.`,
					fixes: part.flag ? undefined : [{ title: `Change to ${fixed}`, edits: [{ ...r, newText: fixed }], isPreferred: true }],
				});
			} else if (type === 'nproc') {
				ctx.report({
					...partRange(part),
					severity: 'information',
					message: `Ulimit ${part.text.trim()}: QM's own process limit is not known here; if it is above the partition's limit the container fails with "setrlimit … Operation not permitted", because QM cannot raise limits (no CAP_SYS_RESOURCE).`,
				});
			}
		}
	},
});

function limitOf(v: string | undefined): number | undefined {
	if (v === undefined) return undefined;
	const t = unquoteValue(v).trim();
	const hard = t.includes(':') ? t.split(':')[1] : t;
	if (hard === 'infinity') return Infinity;
	return /^\d+$/.test(hard) ? Number(hard) : undefined;
}

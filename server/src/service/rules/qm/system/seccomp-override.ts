import { defineRule } from '../../rule';
import { unquoteValue } from '../../../model/unit-view';
import { boundaryFor } from '../../../qm/boundary';
import { securityOpts } from '../../../qm/container-settings';
import { entryRange, partRange, removeLine, removePart, restoreFix } from '../../../qm/edits';
import { boundaryData } from '../../../qm/qm-data';

/**
 * Diagnostic: qm/seccomp-override
 * The QM partition runs without QM's seccomp profile (seccomp-no-rt.json denies real-time
 * scheduling), or a container inside QM asks for SeccompProfile=unconfined.
 */
export default defineRule({
	id: 'qm/seccomp-override',
	defaultSeverity: 'warning',
	title: 'QM seccomp profile replaced',
	why: 'QM\'s seccomp profile removes sched_setscheduler/sched_setattr so that nothing in QM can take real-time priority and starve ASIL work (FFI tests deny_set_scheduler, deny_sched_setattr). QM\'s README documents an opt-out, so this is a warning.',
	fix: 'Keep SeccompProfile=/usr/share/qm/seccomp-no-rt.json on the boundary; no SeccompProfile=unconfined inside QM.',
	appliesTo: (ctx) => (ctx.domain.domain === 'qm-boundary' || ctx.domain.domain === 'qm') && ctx.kind === 'container',
	check(ctx) {
		const profile = boundaryData().seccompProfile;
		if (ctx.domain.domain === 'qm') {
			const w = ctx.view.last('Container', 'SeccompProfile');
			if (!w || w.path !== ctx.path || unquoteValue(w.entry.value).trim() !== 'unconfined') return;
			ctx.report({
				...entryRange(w.entry),
				message: 'SeccompProfile=unconfined runs this container inside QM without any seccomp filter. QM\'s partition profile still applies around it, but the container loses podman\'s default syscall filtering. Remove the line.',
				fixes: [{ title: 'Remove SeccompProfile=unconfined', edits: [removeLine(ctx.parsed, w.entry)], isPreferred: true }],
			});
			return;
		}
		const b = boundaryFor(ctx.qm(), ctx.path);
		const w = b.view.last('Container', 'SeccompProfile');
		if (w && w.path === ctx.path) {
			const v = unquoteValue(w.entry.value).trim();
			if (v !== profile) {
				ctx.report({
					...entryRange(w.entry),
					message: `${v === '' ? 'An empty SeccompProfile= makes podman use its default seccomp profile' : v === 'unconfined' ? 'SeccompProfile=unconfined turns seccomp off' : `SeccompProfile=${v} replaces QM's profile`} for the QM partition: ${profile} is what denies real-time scheduling (sched_setscheduler, sched_setattr) so that QM cannot starve ASIL work. Keep SeccompProfile=${profile}.`,
					fixes: [restoreFix(ctx.parsed, ctx.path, !!ctx.info.dropIn, b.view, 'Container', 'SeccompProfile', w.entry, (x) => x.trim() === profile, profile)],
				});
			}
		}
		for (const part of securityOpts(b.view, 'seccomp')) {
			// seccomp=unconfined is qm/privileged's.
			if (part.entry.path !== ctx.path || part.text === profile || part.text === 'unconfined') continue;
			ctx.report({
				...partRange(part),
				message: `PodmanArgs option --security-opt seccomp=${part.text} comes after SeccompProfile= on podman's command line and replaces QM's ${profile}, the profile that denies real-time scheduling to QM. Remove the option.`,
				fixes: [{ title: 'Remove the option', edits: [removePart(ctx.parsed, part)], isPreferred: true }],
			});
		}
	},
});

import { defineRule } from '../../rule';
import { isTrue } from '../../../model/unit-view';
import { flagPart, podmanFlags } from '../../../qm/container-settings';
import { partRange, removePart } from '../../../qm/edits';
import { podmanFlagsData } from '../../../qm/qm-data';

/**
 * Diagnostic: qm/privileged
 * PodmanArgs= switches off confinement: --privileged anywhere; in QM and on the QM boundary also
 * --security-opt seccomp=unconfined / apparmor=unconfined / label=disable and
 * --device-cgroup-rule.
 */
export default defineRule({
	id: 'qm/privileged',
	defaultSeverity: 'error',
	title: 'PodmanArgs= turns confinement off',
	why: 'Quadlet has no key for a privileged container on purpose; --privileged, unconfined seccomp/AppArmor, label=disable and device cgroup rules bypass every QM control (SELinux separation, the seccomp profile, the device list).',
	fix: 'Remove the option; use the specific quadlet keys (AddDevice=, AddCapability=, …) for what the workload really needs.',
	appliesTo: (ctx) => ctx.domain.domain !== 'unknown' && ctx.kind === 'container',
	check(ctx) {
		const data = podmanFlagsData().privileged;
		const qmSide = ctx.domain.domain === 'qm' || ctx.domain.domain === 'qm-boundary';
		const where = ctx.domain.domain === 'qm' ? 'a container inside QM' : ctx.domain.domain === 'qm-boundary' ? 'the QM partition' : 'this host container';
		for (const f of podmanFlags(ctx.view)) {
			if (f.entry.path !== ctx.path) continue;
			let what: string | undefined;
			if (data.anyDomain.includes(f.flag) && (f.value === '' || isTrue(f.value))) what = 'runs the container privileged: all devices, all capabilities, no seccomp and no SELinux separation';
			else if (qmSide && data.qm.includes(f.flag)) what = 'lets the container open device nodes the QM device list does not grant';
			else if (qmSide && f.flag === '--security-opt' && data.securityOpts.includes(f.value)) {
				what = f.value.startsWith('seccomp') ? 'removes the seccomp filter (QM relies on it to deny real-time scheduling)'
					: f.value.startsWith('apparmor') ? 'removes AppArmor confinement'
						: 'turns SELinux separation off (the container runs with the spc_t/unconfined type instead of a QM type)';
			}
			if (!what) continue;
			const part = flagPart(f);
			ctx.report({
				...partRange(part),
				severity: qmSide ? undefined : 'warning',
				message: `PodmanArgs option ${part.text} ${what} for ${where}. Remove it and grant only what is needed with the quadlet keys.`,
				fixes: [{ title: `Remove ${part.text}`, edits: [removePart(ctx.parsed, part)], isPreferred: true }],
			});
		}
	},
});

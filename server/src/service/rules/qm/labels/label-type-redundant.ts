import { splitWords } from '../../../model/unit-view';
import type { QmUnit } from '../../../qm/model';
import { parsePodmanArgs } from '../../../qm/podman-args';
import { defineRule } from '../../rule';
import { inDomain } from '../support';
import { occurrencesHere, removeFix, shown } from './support';

/**
 * Diagnostic: qm/label-type-redundant
 * qm_container_init_t on a container whose command is systemd/init, or qm_container_kvm_t with a
 * krun/kata runtime: podman already picks these from QM's container contexts (init_process,
 * kvm_process), so the key only repeats the default.
 */
export default defineRule({
	id: 'qm/label-type-redundant',
	defaultSeverity: 'hint',
	title: 'SecurityLabelType repeats the type podman picks anyway',
	why: 'QM\'s containers contexts name qm_container_init_t for systemd/init containers and qm_container_kvm_t for VM runtimes; podman selects them automatically (inferred from podman\'s handling of container-selinux contexts).',
	fix: 'Remove the key.',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && ctx.kind === 'container',
	check(ctx) {
		const unit = ctx.qmUnit();
		if (!unit) return;
		for (const o of occurrencesHere(ctx, 'type')) {
			const value = o.value.trim();
			let reason: string | undefined;
			if (value === 'qm_container_init_t' && runsInit(unit)) reason = 'the command is systemd/init, so podman already uses the init_process type of QM\'s contexts';
			else if (value === 'qm_container_kvm_t') {
				const rt = vmRuntime(unit);
				if (rt) reason = `the runtime is ${rt}, so podman already uses the kvm_process type of QM's contexts`;
			}
			if (!reason) continue;
			ctx.report({
				start: o.start, end: o.end,
				message: `${shown(o)} is redundant: ${reason}. Remove the line.`,
				tags: ['unnecessary'],
				fixes: removeFix(o),
			});
		}
	},
});

function runsInit(unit: QmUnit): boolean {
	const exec = unit.view.lookup('Container', 'Exec');
	const first = exec ? splitWords(exec)[0] : undefined;
	if (first && /(^|\/)(init|systemd)$/.test(first)) return true;
	return podmanArgs(unit).some((a) => a.flag === '--systemd' && a.value === 'always');
}

const VM_RUNTIMES = /^(krun|kata|kata-runtime|kata-qemu|kata-fc|kata-clh)$/;

function vmRuntime(unit: QmUnit): string | undefined {
	for (const a of podmanArgs(unit)) {
		if (a.flag !== '--runtime') continue;
		const base = a.value.slice(a.value.lastIndexOf('/') + 1);
		if (VM_RUNTIMES.test(base)) return base;
	}
	const handler = unit.view.lookupWords('Container', 'Annotation').find((w) => w === 'run.oci.handler=krun');
	return handler ? 'krun (run.oci.handler)' : undefined;
}

function podmanArgs(unit: QmUnit) {
	return unit.view.lookupAll('Container', 'PodmanArgs').flatMap((e) => parsePodmanArgs(e.entry.value));
}

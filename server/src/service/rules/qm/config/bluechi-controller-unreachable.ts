import { effectiveBoundary } from '../../../qm/boundary';
import { BLUECHI_AGENT_SECTION, bluechiSetting } from '../../../qm/engine-config';
import { isUnder, normalizePath } from '../../../qm/paths';
import type { RelatedLocation } from '../../../types';
import { defineRule } from '../../rule';
import { BLUECHI_CONF, anchorOf, bluechiSetHere, boundaryDestinations, lastValueRange } from './support';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;

/**
 * Diagnostic: qm/bluechi-controller-unreachable
 * The bluechi agent inside QM points at a controller it cannot reach: a unix socket
 * (`ControllerAddress=unix:path=P`) that the QM boundary does not bind-mount into QM (error), or
 * the loopback address (no ControllerAddress and ControllerHost unset, 127.0.0.1 or localhost),
 * which is QM's own network namespace, not the host's (warning).
 */
export default defineRule({
	id: 'qm/bluechi-controller-unreachable',
	defaultSeverity: 'error',
	fileKinds: BLUECHI_CONF,
	title: 'QM bluechi agent cannot reach the controller',
	why: 'QM has a private /run and a private network namespace (qm.container): a socket path works only when a boundary Volume= binds the host\'s socket there, and 127.0.0.1 inside QM is not the host.',
	fix: 'Add a boundary drop-in (/etc/containers/systemd/qm.container.d/) with Volume=/run/bluechi/bluechi.sock:<path>, or set ControllerHost to the host\'s routable address.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm',
	check(ctx) {
		const set = bluechiSetHere(ctx);
		if (!set || set.engine !== 'qm' || set.role !== 'agent') return;
		const boundary = effectiveBoundary(ctx.qm());
		const boundaryRelated: RelatedLocation[] = [];
		if (boundary.base) {
			const s = boundary.base.parsed.sections.find((x) => x.name === 'Container') ?? boundary.base.parsed.sections[0];
			if (s) boundaryRelated.push({ path: boundary.base.path, start: s.start, end: s.end, message: 'the QM partition the agent runs in' });
		}
		const address = bluechiSetting(set, 'ControllerAddress');
		if (address && address.value.trim()) {
			if (address.file.file.path !== ctx.path) return;
			const range = lastValueRange(address.entries);
			const value = address.value.trim();
			const unix = /^unix:(?:.*,)?path=([^,;]+)/.exec(value);
			if (unix) {
				const path = normalizePath(unix[1]);
				if (boundaryDestinations(boundary.view).some((d) => isUnder(path, d.dest))) return;
				ctx.report({
					...range,
					message: `ControllerAddress=${value}: nothing binds ${path} into QM (QM's /run is private), so the agent inside QM cannot reach the controller. Add a drop-in in /etc/containers/systemd/qm.container.d/ with [Container] Volume=/run/bluechi/bluechi.sock:${path}.`,
					related: boundaryRelated.length ? boundaryRelated : undefined,
				});
				return;
			}
			const tcpHost = /^tcp:(?:.*,)?host=([^,;]+)/.exec(value);
			if (tcpHost && LOOPBACK.test(tcpHost[1]) && !hostNetwork(boundary.view)) {
				ctx.report({ ...range, severity: 'warning', message: loopbackMessage(`ControllerAddress=${value} points at the loopback address`) });
			}
			return;
		}
		if (hostNetwork(boundary.view)) return;
		const host = bluechiSetting(set, 'ControllerHost');
		const hostValue = host?.value.trim() ?? '';
		if (host && hostValue) {
			if (host.file.file.path !== ctx.path || !LOOPBACK.test(hostValue)) return;
			ctx.report({ ...lastValueRange(host.entries), severity: 'warning', message: loopbackMessage(`ControllerHost=${hostValue} is the loopback address`) });
			return;
		}
		if (set.members[0].file.path !== ctx.path) return;
		ctx.report({
			...anchorOf(set.members[0], BLUECHI_AGENT_SECTION), severity: 'warning',
			message: loopbackMessage('Without ControllerAddress or ControllerHost the agent connects to 127.0.0.1 (the default)'),
		});
	},
});

function loopbackMessage(what: string): string {
	return `${what}: inside QM that is QM's own network namespace, not the host's, so the agent cannot reach the host's controller. Bind the host's socket into QM (ControllerAddress=unix:path=/run/bluechi.sock with a boundary Volume=/run/bluechi/bluechi.sock:/run/bluechi.sock) or set ControllerHost to the host's routable address.`;
}

function hostNetwork(view: import('../../../model/unit-view').UnitView): boolean {
	return view.lookup('Container', 'Network')?.trim() === 'host';
}

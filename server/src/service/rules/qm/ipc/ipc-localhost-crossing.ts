import { defineRule } from '../../rule';
import { PRIMARY_SECTION } from '../../../catalog/catalog';
import { valueIndexToOffset } from '../../../parser/parse-unit';
import { inherit, type QmModel, type QmUnit } from '../../../qm/model';
import type { RelatedLocation } from '../../../types';
import { inDomain } from '../support';

/** 127.x.y.z, localhost and ::1, with an optional port. */
const LOOPBACK = /(?<![\w.:-])(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)(?::(\d{1,5}))?(?![\w.-])/g;

interface HostService { unit: QmUnit; what: string; related: RelatedLocation }

/**
 * Diagnostic: qm/ipc-localhost-crossing
 * A QM quadlet's Environment=/Exec= reaches a host service through a loopback address
 * (localhost, 127.0.0.1, ::1). QM runs with Network=private: its loopback is the partition's
 * own network namespace, so the host service is not there.
 */
export default defineRule({
	id: 'qm/ipc-localhost-crossing',
	defaultSeverity: 'warning',
	title: 'QM unit reaches a host service through localhost',
	why: 'qm.container runs the partition with Network=private, so 127.0.0.1/localhost/::1 inside QM is QM\'s own loopback, not the host\'s; a host service published or listening there is unreachable that way.',
	fix: 'Use the host\'s routable address, or cross through a socket under /run/ipc (or the bluechi UDS bind for bluechi).',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && ctx.kind === 'container',
	check(ctx) {
		const unit = ctx.qmUnit();
		if (!unit) return;
		const model = ctx.qm();
		const services = hostServices(model);
		if (!services.length) return;
		for (const key of ['Environment', 'Exec']) {
			for (const ve of ctx.view.occurrences('Container', key)) {
				if (ve.path !== ctx.path) continue;
				const value = ve.entry.value;
				const words = new Set(value.split(/[^\w.-]+/).filter((w) => w.length >= 3));
				LOOPBACK.lastIndex = 0;
				let m: RegExpExecArray | null;
				while ((m = LOOPBACK.exec(value)) !== null) {
					const port = m[2] ? Number(m[2]) : undefined;
					const hit = services.find((s) => s.what.startsWith('port ') && port !== undefined && matchesPort(s.what, port))
						?? services.find((s) => s.what.startsWith('name ') && words.has(s.what.slice(5)) && !model.resolve('qm', `${s.what.slice(5)}.service`).length);
					if (!hit) continue;
					const shown = hit.what.startsWith('port ') ? `port ${port}` : hit.what.slice(5);
					ctx.report({
						start: valueIndexToOffset(ve.entry, m.index), end: valueIndexToOffset(ve.entry, m.index + m[0].length),
						message: `${key}= connects to ${m[0]} to reach the host's ${hit.unit.fileName} (${shown}), but inside QM the loopback belongs to the partition's own network namespace (qm.container has Network=private): the host service is not there. Use the host's routable address, or a socket under /run/ipc shared through the bridge.`,
						related: [hit.related],
					});
				}
			}
		}
	},
});

function matchesPort(what: string, port: number): boolean {
	const [lo, hi] = what.slice(5).split('-').map(Number);
	return port >= lo && port <= (hi ?? lo);
}

/** Host (asil) services a QM unit might try to reach: published ports, TCP sockets, unit names. */
const servicesCache = new WeakMap<QmModel, HostService[]>();

/** Host services QM might try to reach over loopback: computed once per model. */
function hostServices(model: QmModel): HostService[] {
	const hit = servicesCache.get(model) ?? inherit(model, servicesCache, (a) => a.domain.domain !== 'asil');
	if (hit) { servicesCache.set(model, hit); return hit; }
	const out: HostService[] = [];
	for (const u of model.units) if (u.domain.domain === 'asil') out.push(...servicesOf(u));
	servicesCache.set(model, out);
	return out;
}

const unitServices = new WeakMap<QmUnit, HostService[]>();

/** One host unit's services; kept per unit, which outlives models (model.ts cachedUnit). */
function servicesOf(u: QmUnit): HostService[] {
	let out = unitServices.get(u);
	if (out) return out;
	out = [];
	const header = u.view.main.parsed.sections[0];
	const unitRel: RelatedLocation = { path: u.view.main.path, start: header?.start ?? 0, end: header?.end ?? 0, message: `host unit ${u.fileName}` };
	const primary = PRIMARY_SECTION[u.kind] ?? '';
	for (const e of u.view.lookupAll(primary, 'PublishPort')) {
		const range = hostPortOf(e.entry.value);
		if (range) out.push({ unit: u, what: `port ${range}`, related: { path: e.path, start: e.entry.valueStart, end: e.entry.valueEnd, message: `${u.fileName} publishes host port ${range}` } });
	}
	for (const l of u.listens) {
		const port = /^(?:[\d.]+:|\[[0-9a-fA-F:]*\]:)?(\d{1,5})$/.exec(l.entry.entry.value.trim())?.[1];
		if (port) out.push({ unit: u, what: `port ${port}`, related: { path: l.entry.path, start: l.entry.entry.valueStart, end: l.entry.entry.valueEnd, message: `${u.fileName} listens on ${l.entry.entry.value.trim()}` } });
	}
	if (u.kind !== 'socket') {
		const stem = u.serviceName.replace(/\.service$/, '');
		if (stem.length >= 3) out.push({ unit: u, what: `name ${stem}`, related: unitRel });
		const cn = u.kind === 'container' ? u.view.lookup('Container', 'ContainerName') : undefined;
		if (cn && cn.length >= 3 && cn !== stem) out.push({ unit: u, what: `name ${cn}`, related: unitRel });
	}
	unitServices.set(u, out);
	return out;
}

/** Host port (or range) of a PublishPort= value: [[ip:][hostPort]:]containerPort[/proto]. */
function hostPortOf(value: string): string | undefined {
	let v = value.trim().replace(/\/\w+$/, '');
	if (v.startsWith('[')) {
		const close = v.indexOf(']');
		if (close < 0) return undefined;
		v = v.slice(close + 2);
		const parts = v.split(':');
		return parts.length === 2 && /^\d+(-\d+)?$/.test(parts[0]) ? parts[0] : undefined;
	}
	const parts = v.split(':');
	const host = parts.length === 3 ? parts[1] : parts.length === 2 ? parts[0] : undefined;
	return host && /^\d+(-\d+)?$/.test(host) ? host : undefined;
}

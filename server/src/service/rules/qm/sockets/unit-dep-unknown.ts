import { resolutionDomain, type QmUnit } from '../../../qm/model';
import { dependencyWords, HARD_KEYS, providers, providersElsewhere, QUADLET_SUFFIXES, unitSuffix } from '../../../qm/sockets-index';
import { closest } from '../../../util/edit-distance';
import { isQuadletKind } from '../../../unit-path';
import { domainLabel } from '../../../qm/domain';
import { defineRule } from '../../rule';
import { knownDomain, rangeIn, relatedUnit } from './support';

/**
 * Diagnostic: qm/unit-dep-unknown
 * A [Unit] dependency names a unit that nothing in the domain produces, where the workspace
 * shows what was meant: the ContainerName= of a quadlet instead of its service name (quadlet
 * names the service after the file: gnome_mutter.container with ContainerName=mutter is
 * gnome_mutter.service, not mutter.service), a quadlet file's base name with the wrong
 * generated suffix (db.service for db.pod → db-pod.service), or a near-miss spelling of a unit
 * that exists. Names with no such evidence (distribution units the workspace does not hold,
 * e.g. dbus.socket) are not reported. Requires=/Requisite=/BindsTo= on a missing unit fail the
 * start job (error); other keys silently do nothing (warning). Quadlet file names (x.container)
 * are quadlet/unresolved-reference's finding.
 */
export default defineRule({
	id: 'qm/unit-dep-unknown',
	defaultSeverity: 'warning',
	title: 'Dependency on a unit that is not defined (e.g. the ContainerName= instead of the unit name)',
	why: 'Quadlet names the service after the file (or ServiceName=), never after ContainerName=; Requires= on a missing unit fails the start job, other dependency keys silently have no effect.',
	fix: 'Use <quadlet-basename>.service (the quick fix offers it), or set ServiceName= in the quadlet.',
	appliesTo: knownDomain,
	check(ctx) {
		const model = ctx.qm();
		const domain = ctx.domain.domain;
		const home = resolutionDomain(domain);
		let localUnits: QmUnit[] | undefined;
		// Only needed to guess a replacement, which is rare: don't scan the workspace per file.
		const local = () => (localUnits ??= model.units.filter((u) => resolutionDomain(u.domain.domain) === home));
		for (const d of dependencyWords(ctx.view)) {
			if (d.at.path !== ctx.path || d.name.includes('%')) continue;
			const suffix = unitSuffix(d.name);
			if (!suffix || (QUADLET_SUFFIXES as readonly string[]).includes(suffix)) continue;
			if (providers(model, domain, d.name).length || providersElsewhere(model, domain, d.name).length) continue;
			const guess = guessUnit(local(), d.name, suffix);
			if (!guess) continue;
			const hard = HARD_KEYS.has(d.key);
			const range = rangeIn(d.at, d.index, d.length);
			ctx.report({
				...range,
				severity: hard ? 'error' : 'warning',
				message: `${d.key}=${d.name} names a unit that no file in the ${domainLabel(domain)} defines. ${guess.why} ${hard ? `${d.key}= on a unit that does not exist fails the start job of this unit.` : `The line silently has no effect.`} Write ${d.key}=${guess.name}.`,
				related: [relatedUnit(guess.unit, `${guess.unit.fileName} provides ${guess.name}`)],
				fixes: [{ title: `Change to ${guess.name}`, edits: [{ ...range, newText: guess.name }], isPreferred: true }],
			});
		}
	},
});

interface Guess { name: string; unit: QmUnit; why: string }

function guessUnit(local: QmUnit[], name: string, suffix: string): Guess | undefined {
	const stem = name.slice(0, -suffix.length - 1);
	if (suffix === 'service') {
		for (const u of local) {
			if (!isQuadletKind(u.kind)) continue;
			const containerName = u.kind === 'container' ? u.view.lookup('Container', 'ContainerName') : undefined;
			if (containerName === stem && u.serviceName !== name) {
				return { name: u.serviceName, unit: u, why: `"${stem}" is the ContainerName= of ${u.fileName}, but quadlet names the service after the file${u.view.lookup('Container', 'ServiceName') ? ' (ServiceName=)' : ''}: its unit is ${u.serviceName}.` };
			}
		}
		for (const u of local) {
			if (!isQuadletKind(u.kind) || u.fileName.slice(0, u.fileName.lastIndexOf('.')) !== stem || u.serviceName === name) continue;
			return { name: u.serviceName, unit: u, why: `${u.fileName} generates ${u.serviceName}, not ${name}.` };
		}
	}
	const candidates = new Map<string, QmUnit>();
	for (const u of local) {
		for (const n of u.names) {
			if (!n.endsWith(`.${suffix}`) || (u.kind === 'socket' && suffix !== 'socket')) continue;
			candidates.set(n, u);
		}
	}
	const near = closest(name, [...candidates.keys()], Math.max(1, Math.min(3, Math.floor(stem.length / 4))));
	if (near && near !== name) {
		const unit = candidates.get(near) as QmUnit;
		return { name: near, unit, why: `The closest unit that exists is ${near} (${unit.fileName}).` };
	}
	return undefined;
}

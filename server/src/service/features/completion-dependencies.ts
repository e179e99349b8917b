import { resolutionDomain, type QmModel, type QmUnit } from '../qm/model';

/** A name systemd knows a unit by, as offered after `Requires=`, `After=`, `WantedBy=` … */
export class DependencyName {
	constructor(readonly name: string, readonly unit: QmUnit, readonly order: number) {}

	/** "db.container · /etc/containers/systemd/db.container" */
	get detail(): string {
		return `${this.unit.fileName} · ${this.unit.file.path}`;
	}
}

interface DomainNames {
	/** The first unit with each name, in model order. */
	first: DependencyName[];
	/** Units after the first with the same name, for when the first one is the file's own unit. */
	later: Map<string, DependencyName[]>;
}

/** Built once per model, that is per workspace generation and domain settings. */
const cache = new WeakMap<QmModel, Map<string, DomainNames>>();

function indexOf(model: QmModel): Map<string, DomainNames> {
	let byDomain = cache.get(model);
	if (byDomain) return byDomain;
	byDomain = new Map();
	const seen = new Set<string>();
	let order = 0;
	for (const u of model.units) {
		const d = resolutionDomain(u.domain.domain);
		let names = byDomain.get(d);
		if (!names) { names = { first: [], later: new Map() }; byDomain.set(d, names); }
		const add = (name: string) => {
			const entry = new DependencyName(name, u, order++);
			const key = `${d}\u0000${name}`;
			if (!seen.has(key)) { seen.add(key); names.first.push(entry); return; }
			const later = names.later.get(name);
			if (later) later.push(entry); else names.later.set(name, [entry]);
		};
		// A socket is started by its own name; the others by their service name and aliases.
		if (u.kind === 'socket') add(u.fileName);
		else {
			add(u.serviceName);
			for (const n of u.names) if (n !== u.serviceName && n !== u.fileName) add(n);
		}
	}
	cache.set(model, byDomain);
	return byDomain;
}

/**
 * The unit names the systemd of `here`'s domain knows (host or QM), each once, in model order,
 * leaving out `here` itself; a name `here` shares with a later unit is offered for that unit.
 */
export function dependencyNames(model: QmModel, here: QmUnit | undefined): DependencyName[] {
	const names = indexOf(model).get(resolutionDomain(here?.domain.domain ?? 'unknown'));
	if (!names) return [];
	if (!here) return names.first.slice();
	const out: DependencyName[] = [];
	const replacements: DependencyName[] = [];
	for (const e of names.first) {
		if (e.unit !== here) { out.push(e); continue; }
		const next = names.later.get(e.name)?.[0];
		if (next) replacements.push(next);
	}
	return replacements.length === 0 ? out : [...out, ...replacements].sort((a, b) => a.order - b.order);
}

import type { ParsedUnit } from '../parser/ast';
import type { Domain } from '../types';

/** Where the QM partition keeps its trees on the host (qm.container's ROOTFS/RWETCFS/RWVARFS). */
export interface QmPrefixes {
	rootfs: string;
	rwetcfs: string;
	rwvarfs: string;
}

export const DEFAULT_PREFIXES: QmPrefixes = { rootfs: '/usr/lib/qm/rootfs', rwetcfs: '/etc/qm', rwvarfs: '/var/qm' };

export interface DomainConfig {
	/** Settings that map globs (matched against the path) to a domain; first match wins. */
	globs?: { glob: string; domain: Exclude<Domain, 'unknown'> }[];
	prefixes?: QmPrefixes;
	/** The workspace is a containers/qm source checkout (has qm.te and rpm/qm.spec). */
	qmSourceTree?: boolean;
}

export interface DomainInfo {
	domain: Domain;
	/** Why: shown in hover and the CLI header. */
	reason: string;
	/** Under <ROOTFS>/etc|var (hidden by QM's bind mounts) or <ROOTFS>/run (hidden by its tmpfs). */
	shadowed?: boolean;
	/** A host top-level `container.d` drop-in: applies to every host container, qm.container too. */
	alsoBoundary?: boolean;
	/** User (rootless) scope: `%t` is $XDG_RUNTIME_DIR, not /run. */
	userScope?: boolean;
	/** What kind of directory the anchor says this is. */
	place?: 'quadlet-dir' | 'unit-dir' | 'dropin-dir' | 'engine-config' | 'other';
}

const DIRECTIVE = /^[#;]\s*qm-domain:\s*(qm-boundary|qm|asil)\s*$/;

/** The `# qm-domain: …` directive in the comments before the first section, if any. */
export function domainDirective(parsed: ParsedUnit): Exclude<Domain, 'unknown'> | undefined {
	const firstSection = parsed.sections[0]?.start ?? Infinity;
	for (const c of parsed.comments) {
		if (c.start > firstSection) break;
		const m = DIRECTIVE.exec(c.text);
		if (m) return m[1] as Exclude<Domain, 'unknown'>;
	}
	return undefined;
}

function segmentsOf(p: string): string[] {
	return p.split('/').filter((s) => s.length > 0 && s !== '.');
}

/** Index of the first position where `anchor` occurs as whole segments, or -1. */
function findAnchor(segs: string[], anchor: string[]): number {
	outer: for (let i = 0; i + anchor.length <= segs.length; i++) {
		for (let j = 0; j < anchor.length; j++) if (segs[i + j] !== anchor[j]) continue outer;
		return i;
	}
	return -1;
}

/** Minimal glob: `**` any path, `*` any run within a segment, `?` one character. */
export function globToRegExp(glob: string): RegExp {
	let re = '';
	for (let i = 0; i < glob.length; i++) {
		const c = glob[i];
		if (c === '*') {
			if (glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
			else re += '[^/]*';
		} else if (c === '?') re += '[^/]';
		else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`(^|/)${re}$`);
}

/**
 * Decides which systemd/podman consumes a file (qm-rules §1.3): the in-file directive, then
 * settings globs, then path anchors (anywhere in the path, so image-build trees work), then
 * content hints, else unknown.
 */
export function inferDomain(path: string, parsed: ParsedUnit | undefined, config: DomainConfig = {}): DomainInfo {
	const directive = parsed ? domainDirective(parsed) : undefined;
	if (directive) return { domain: directive, reason: `set by the "# qm-domain: ${directive}" comment` };
	for (const g of config.globs ?? []) {
		if (globToRegExp(g.glob).test(path)) return { domain: g.domain, reason: `matches the setting glob "${g.glob}"` };
	}
	const fromPath = domainFromPath(path, config);
	if (fromPath) return fromPath;
	if (parsed) {
		const hint = domainFromContent(parsed);
		if (hint) return hint;
	}
	return { domain: 'unknown', reason: 'the path is not a known quadlet or systemd directory of the host or the QM partition' };
}

export function domainFromPath(path: string, config: DomainConfig = {}): DomainInfo | undefined {
	const prefixes = config.prefixes ?? DEFAULT_PREFIXES;
	const segs = segmentsOf(path);
	const rootfs = segmentsOf(prefixes.rootfs);
	const rwetc = segmentsOf(prefixes.rwetcfs);
	const rwvar = segmentsOf(prefixes.rwvarfs);

	let i = findAnchor(segs, rootfs);
	if (i >= 0) {
		const next = segs[i + rootfs.length];
		const rest = segs.slice(i + rootfs.length);
		const isIpc = next === 'run' && rest[1] === 'ipc';
		if ((next === 'etc' || next === 'var' || next === 'run') && !isIpc) {
			return { domain: 'qm', shadowed: true, reason: `under ${prefixes.rootfs}/${next}, which the running QM partition hides (${next === 'run' ? 'a tmpfs covers /run' : `/${next} is bind-mounted from ${next === 'etc' ? prefixes.rwetcfs : prefixes.rwvarfs}`})`, place: placeOf(rest) };
		}
		return { domain: 'qm', reason: `in the QM root file system (${prefixes.rootfs})`, place: placeOf(rest) };
	}
	i = findAnchor(segs, rwetc);
	if (i >= 0) {
		const rest = ['etc', ...segs.slice(i + rwetc.length)];
		return { domain: 'qm', reason: `under ${prefixes.rwetcfs}, which is /etc inside the QM partition`, place: placeOf(rest) };
	}
	i = findAnchor(segs, rwvar);
	if (i >= 0) return { domain: 'qm', reason: `under ${prefixes.rwvarfs}, which is /var inside the QM partition`, place: 'other' };

	const qmContainer = findAnchor(segs, ['containers', 'systemd', 'qm.container']);
	const qmDropin = findAnchor(segs, ['containers', 'systemd', 'qm.container.d']);
	if (qmContainer >= 0 && qmContainer + 3 === segs.length) return { domain: 'qm-boundary', reason: 'the quadlet that defines the QM partition', place: 'quadlet-dir' };
	if (qmDropin >= 0) return { domain: 'qm-boundary', reason: 'a drop-in of qm.container, the QM partition itself', place: 'dropin-dir' };
	if (findAnchor(segs, ['systemd', 'system', 'qm.service.d']) >= 0 || findAnchor(segs, ['systemd', 'system.control', 'qm.service.d']) >= 0) {
		return { domain: 'qm-boundary', reason: 'a systemd drop-in of qm.service, the QM partition itself', place: 'dropin-dir' };
	}

	if (config.qmSourceTree) {
		const sub = findAnchor(segs, ['subsystems']);
		if (sub >= 0 && (findAnchor(segs, ['etc', 'containers', 'systemd']) > sub || findAnchor(segs, ['etc', 'systemd', 'system']) > sub)) {
			return { domain: 'qm', reason: 'a containers/qm sub-package unit, installed into the QM partition', place: 'quadlet-dir' };
		}
		if (segs.length === 1 && segs[0] === 'qm.container') return { domain: 'qm-boundary', reason: 'the containers/qm source of qm.container', place: 'quadlet-dir' };
	}

	if (findAnchor(segs, ['containers', 'systemd', 'container.d']) >= 0) {
		return { domain: 'asil', alsoBoundary: true, reason: 'a host top-level container.d drop-in: it applies to every host container, qm.container included', place: 'dropin-dir' };
	}
	if (findAnchor(segs, ['etc', 'containers', 'systemd', 'users']) >= 0 || findAnchor(segs, ['.config', 'containers', 'systemd']) >= 0) {
		return { domain: 'asil', userScope: true, reason: 'a rootless (user) quadlet directory of the host', place: 'quadlet-dir' };
	}
	for (const anchor of [['etc', 'containers', 'systemd'], ['usr', 'share', 'containers', 'systemd'], ['run', 'containers', 'systemd']]) {
		if (findAnchor(segs, anchor) >= 0) return { domain: 'asil', reason: `a host quadlet directory (/${anchor.join('/')})`, place: 'quadlet-dir' };
	}
	for (const anchor of [['etc', 'systemd', 'system'], ['usr', 'lib', 'systemd', 'system'], ['run', 'systemd', 'system']]) {
		if (findAnchor(segs, anchor) >= 0) return { domain: 'asil', reason: `a host systemd unit directory (/${anchor.join('/')})`, place: 'unit-dir' };
	}
	if (findAnchor(segs, ['etc', 'containers', 'containers.conf.d']) >= 0) return { domain: 'asil', reason: 'host container engine configuration', place: 'engine-config' };
	return undefined;
}

function placeOf(rest: string[]): DomainInfo['place'] {
	const s = rest.join('/');
	if (/^(etc|usr\/share|run)\/containers\/systemd(\/|$)/.test(s)) return 'quadlet-dir';
	if (/^(etc|usr\/lib|run)\/systemd\/system(\/|$)/.test(s)) return 'unit-dir';
	if (/^etc\/containers\/containers\.conf/.test(s)) return 'engine-config';
	return 'other';
}

function domainFromContent(parsed: ParsedUnit): DomainInfo | undefined {
	for (const e of parsed.entries) {
		const v = e.value.trim();
		if (e.key === 'SecurityLabelType' && v === 'qm_t') return { domain: 'qm-boundary', reason: 'SecurityLabelType=qm_t is the QM partition\'s own label' };
		if (e.key === 'Rootfs' && (v === '/usr/lib/qm/rootfs' || v === '${ROOTFS}')) return { domain: 'qm-boundary', reason: 'Rootfs= points at the QM root file system' };
		if (e.key === 'ContainerName' && v === 'qm') return { domain: 'qm-boundary', reason: 'ContainerName=qm' };
	}
	for (const e of parsed.entries) {
		const v = e.value.trim();
		if (e.key === 'SecurityLabelType' && v.startsWith('qm_container_')) return { domain: 'qm', reason: `SecurityLabelType=${v} is a nested QM container type` };
		if (e.key === 'SecurityLabelType' && v === 'ipc_t') return { domain: 'asil', reason: 'SecurityLabelType=ipc_t is the host side of the /run/ipc bridge' };
	}
	return undefined;
}

/** Reads ROOTFS/RWETCFS/RWVARFS from a qm.container's Environment= lines. */
export function prefixesFromQmContainer(parsed: ParsedUnit): QmPrefixes | undefined {
	const found: Partial<QmPrefixes> = {};
	for (const e of parsed.entries) {
		if (e.key !== 'Environment' || (e.section?.name !== 'Container' && e.section?.name !== 'Service')) continue;
		for (const m of e.value.matchAll(/(?:^|\s)"?(ROOTFS|RWETCFS|RWVARFS)=([^\s"]+)"?/g)) {
			const key = m[1].toLowerCase() as keyof QmPrefixes;
			found[key] = m[2].replace(/\/+$/, '');
		}
	}
	if (!found.rootfs && !found.rwetcfs && !found.rwvarfs) return undefined;
	return { ...DEFAULT_PREFIXES, ...found };
}

const LABEL: Record<Domain, string> = { qm: 'QM partition', 'qm-boundary': 'QM boundary (host)', asil: 'host (ASIL)', unknown: 'unknown domain' };

export function domainLabel(d: Domain): string {
	return LABEL[d];
}

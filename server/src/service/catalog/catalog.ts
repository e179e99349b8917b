import type { KeySpec, SectionFile, UnitKind } from './catalog-schema';
import container from '../../../../schemas/quadlet/container.json';
import pod from '../../../../schemas/quadlet/pod.json';
import kube from '../../../../schemas/quadlet/kube.json';
import volume from '../../../../schemas/quadlet/volume.json';
import network from '../../../../schemas/quadlet/network.json';
import image from '../../../../schemas/quadlet/image.json';
import build from '../../../../schemas/quadlet/build.json';
import artifact from '../../../../schemas/quadlet/artifact.json';
import quadlet from '../../../../schemas/quadlet/quadlet.json';
import unit from '../../../../schemas/systemd/unit.json';
import service from '../../../../schemas/systemd/service.json';
import install from '../../../../schemas/systemd/install.json';
import socket from '../../../../schemas/systemd/socket.json';

/** The raw data files, in the order they are indexed. */
export const CATALOG_FILES: Record<string, unknown> = {
	'quadlet/container.json': container, 'quadlet/pod.json': pod, 'quadlet/kube.json': kube,
	'quadlet/volume.json': volume, 'quadlet/network.json': network, 'quadlet/image.json': image,
	'quadlet/build.json': build, 'quadlet/artifact.json': artifact, 'quadlet/quadlet.json': quadlet,
	'systemd/unit.json': unit, 'systemd/service.json': service, 'systemd/install.json': install,
	'systemd/socket.json': socket,
};

export interface SectionSpec extends SectionFile {
	/** The data file it came from, relative to schemas/. */
	file: string;
}

export interface Catalog {
	sections: SectionSpec[];
	/** Sections expected in a file of this kind, in a natural writing order. */
	sectionsFor(kind: UnitKind): SectionSpec[];
	/** The section named `name` if it belongs to `kind`. */
	section(kind: UnitKind, name: string): SectionSpec | undefined;
	/** Any section with this name, whatever kind it belongs to. */
	anySection(name: string): SectionSpec | undefined;
	key(kind: UnitKind, section: string, key: string): KeySpec | undefined;
	/** Sections (for other kinds) in which this key exists; used for "wrong section" hints. */
	sectionsWithKey(key: string): SectionSpec[];
}

/** The primary section of each quadlet kind: the one whose unknown keys fail the generator. */
export const PRIMARY_SECTION: Partial<Record<UnitKind, string>> = {
	container: 'Container', pod: 'Pod', kube: 'Kube', volume: 'Volume', network: 'Network',
	image: 'Image', build: 'Build', artifact: 'Artifact', socket: 'Socket', service: 'Service',
};

/** First podman release that reads each unit type (the others came with quadlet itself, 4.4). */
export const UNIT_KIND_SINCE: Partial<Record<UnitKind, string>> = { image: '4.8', pod: '5.0', build: '5.2', artifact: '5.7' };

const ORDER = ['Unit', 'Container', 'Pod', 'Kube', 'Volume', 'Network', 'Image', 'Build', 'Artifact', 'Socket', 'Quadlet', 'Service', 'Install'];

let cached: Catalog | undefined;

/**
 * Indexes the catalog once. The data files are validated with zod when the bundle is built and
 * in the tests (data-files.ts), not here: zod's start-up cost would dominate a small lint.
 */
export function getCatalog(): Catalog {
	if (!cached) cached = buildCatalog(CATALOG_FILES);
	return cached;
}

export function buildCatalog(files: Record<string, unknown>): Catalog {
	const sections: SectionSpec[] = Object.entries(files).map(([file, data]) => ({ ...(data as SectionFile), file }));
	sections.sort((a, b) => ORDER.indexOf(a.section) - ORDER.indexOf(b.section));
	const byKind = new Map<UnitKind, SectionSpec[]>();
	const byName = new Map<string, SectionSpec[]>();
	const byKey = new Map<string, SectionSpec[]>();
	for (const s of sections) {
		for (const k of s.appliesTo) {
			const list = byKind.get(k) ?? [];
			list.push(s);
			byKind.set(k, list);
		}
		const named = byName.get(s.section) ?? [];
		named.push(s);
		byName.set(s.section, named);
		for (const key of Object.keys(s.keys)) {
			const list = byKey.get(key) ?? [];
			list.push(s);
			byKey.set(key, list);
		}
	}
	const section = (kind: UnitKind, name: string) => byKind.get(kind)?.find((s) => s.section === name);
	return {
		sections,
		sectionsFor: (kind) => byKind.get(kind) ?? [],
		section,
		anySection: (name) => byName.get(name)?.[0],
		key: (kind, sec, key) => {
			const s = section(kind, sec);
			return s && Object.prototype.hasOwnProperty.call(s.keys, key) ? s.keys[key] : undefined;
		},
		sectionsWithKey: (key) => byKey.get(key) ?? [],
	};
}

/** Compares podman versions "5.3" < "5.10" < "unreleased". */
export function compareVersions(a: string, b: string): number {
	if (a === b) return 0;
	if (a === 'unreleased') return 1;
	if (b === 'unreleased') return -1;
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}

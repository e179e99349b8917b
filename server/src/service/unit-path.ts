import { CONFIG_KINDS, QUADLET_KINDS, type UnitKind } from './catalog/kinds';

/** What a file is, judged from its path alone. Paths use "/" separators. */
export interface UnitFileInfo {
	/** Kind of unit the file is or extends; undefined for files we don't handle. */
	kind: UnitKind | undefined;
	/** File name, e.g. "web@.container" or "10-limits.conf". */
	fileName: string;
	/** For units: the file name. For drop-ins: the name of the drop-in directory without ".d". */
	unitName: string;
	dropIn: DropInInfo | undefined;
	/** Template parts of the unit name, e.g. web@.container → { prefix: "web", instance: "" }. */
	template: { prefix: string; instance: string } | undefined;
}

export interface DropInInfo {
	/** Directory name, e.g. "web.container.d", "web-.container.d", "container.d". */
	dirName: string;
	/**
	 * "unit": web.container.d; "truncated": web-.container.d; "template": web@.container.d;
	 * "toplevel": container.d; "stray": a .conf directly in a quadlet directory, which podman ignores.
	 */
	scope: 'unit' | 'truncated' | 'template' | 'toplevel' | 'stray';
}

const QUADLET_EXT = new Set<string>(QUADLET_KINDS);

export function baseName(path: string): string {
	const i = path.lastIndexOf('/');
	return i >= 0 ? path.slice(i + 1) : path;
}

export function dirName(path: string): string {
	const i = path.lastIndexOf('/');
	return i > 0 ? path.slice(0, i) : i === 0 ? '/' : '';
}

export function extensionOf(name: string): string {
	const i = name.lastIndexOf('.');
	return i >= 0 ? name.slice(i + 1) : '';
}

export function isQuadletKind(kind: UnitKind | undefined): boolean {
	return kind !== undefined && QUADLET_EXT.has(kind);
}

/** An engine configuration file (containers.conf, bluechi), not a unit: see CONFIG_KINDS. */
export function isConfigKind(kind: UnitKind | undefined): boolean {
	return kind !== undefined && CONFIG_KINDS.includes(kind);
}

/** A systemd/quadlet unit or drop-in (a known kind that is not a configuration file). */
export function isUnitKind(kind: UnitKind | undefined): boolean {
	return kind !== undefined && !CONFIG_KINDS.includes(kind);
}

const CONTAINERS_CONF = /(^|\/)(containers\/containers\.conf|containers\/containers\.conf\.d\/[^/]+\.conf|usr\/share\/qm\/containers\.conf)$/;
const BLUECHI_CONF = /(^|\/)bluechi\/(agent|controller)\.conf(\.d\/[^/]+)?$/;
/** Files (not ending in .conf) in a bluechi *.conf.d/ directory that are documentation or editor leftovers, not mistakes. */
const BLUECHI_NOT_CONFIG = /\/(\.[^/]*|README[^/]*|[^/]*\.(md|txt|swp)|[^/]*~)$/i;

/**
 * Engine configuration files by path: podman's `…/containers/containers.conf`,
 * `…/containers/containers.conf.d/*.conf` and QM's `/usr/share/qm/containers.conf`; bluechi's
 * `…/bluechi/{agent,controller}.conf` and every file in their `.conf.d/` directories (bluechi
 * reads only `*.conf` there; the others are kept so that qm/bluechi-file-ignored can say so).
 */
function configKindOf(path: string): UnitKind | undefined {
	if (CONTAINERS_CONF.test(path)) return 'containers-conf';
	if (BLUECHI_CONF.test(path) && (path.endsWith('.conf') || !BLUECHI_NOT_CONFIG.test(path))) return 'bluechi-conf';
	return undefined;
}

function kindFromExtension(ext: string): UnitKind | undefined {
	if (QUADLET_EXT.has(ext) || ext === 'socket' || ext === 'service') return ext as UnitKind;
	return undefined;
}

/** Classifies a path: unit file, drop-in (`*.d/*.conf`), template, or something we ignore. */
export function getUnitFileInfo(path: string): UnitFileInfo {
	const fileName = baseName(path);
	// Configuration files first: `containers.conf.d/x.conf` must not be read as a unit drop-in.
	const config = configKindOf(path);
	if (config) return { kind: config, fileName, unitName: fileName, dropIn: undefined, template: undefined };
	const ext = extensionOf(fileName);
	if (ext === 'conf') {
		const dir = baseName(dirName(path));
		if (dir.endsWith('.d')) {
			const unitName = dir.slice(0, -2);
			const kind = kindFromExtension(extensionOf(unitName)) ?? kindFromExtension(unitName);
			if (kind) {
				const stem = unitName.includes('.') ? unitName.slice(0, unitName.lastIndexOf('.')) : '';
				const scope: DropInInfo['scope'] = !unitName.includes('.') ? 'toplevel'
					: stem.endsWith('@') ? 'template'
						: stem.endsWith('-') ? 'truncated' : 'unit';
				return { kind, fileName, unitName, dropIn: { dirName: dir, scope }, template: templateParts(unitName) };
			}
		}
		// A drop-in written next to the units instead of into <unit>.d/: listed so that the one
		// finding that matters (podman never reads it) can be reported.
		if (/(^|\/)containers\/systemd(\/|$)/.test(dirName(path)) && !dir.endsWith('.d')) {
			return { kind: 'container', fileName, unitName: fileName, dropIn: { dirName: dir, scope: 'stray' }, template: undefined };
		}
		return { kind: undefined, fileName, unitName: fileName, dropIn: undefined, template: undefined };
	}
	return { kind: kindFromExtension(ext), fileName, unitName: fileName, dropIn: undefined, template: templateParts(fileName) };
}

function templateParts(unitName: string): UnitFileInfo['template'] {
	const dot = unitName.lastIndexOf('.');
	const stem = dot >= 0 ? unitName.slice(0, dot) : unitName;
	const at = stem.indexOf('@');
	if (at < 0) return undefined;
	return { prefix: stem.slice(0, at), instance: stem.slice(at + 1) };
}

const SERVICE_SUFFIX: Record<string, string> = {
	container: '', kube: '', pod: '-pod', volume: '-volume', network: '-network',
	image: '-image', build: '-build', artifact: '-artifact',
};

/**
 * The systemd service quadlet generates for a unit file name (podman's getServiceName),
 * honouring `ServiceName=` when given. Returns e.g. "web.service", "db-volume@.service".
 */
export function serviceNameFor(unitFileName: string, serviceNameKey?: string): string {
	const ext = extensionOf(unitFileName);
	if (ext === 'socket' || ext === 'service') return unitFileName.slice(0, -ext.length - 1) + '.service';
	if (serviceNameKey !== undefined) return `${serviceNameKey}.service`;
	const base = unitFileName.slice(0, unitFileName.length - ext.length - 1);
	const suffix = SERVICE_SUFFIX[ext] ?? '';
	if (base.endsWith('@')) return `${base.slice(0, -1)}${suffix}@.service`;
	return `${base}${suffix}.service`;
}

/**
 * Drop-in directory names searched for a unit, most specific first, as podman's
 * GetUnitDropinPaths builds them.
 */
export function dropInDirNames(unitFileName: string): string[] {
	const ext = extensionOf(unitFileName);
	const base = unitFileName.slice(0, unitFileName.length - ext.length - 1);
	const names = [`${unitFileName}.d`];
	const at = base.indexOf('@');
	const unit = at >= 0 ? base.slice(0, at) : base;
	const isTemplate = at >= 0;
	if (isTemplate && at < base.length - 1) names.push(`${unit}@.${ext}.d`);
	for (let i = unit.length - 1; i > 0; i--) {
		if (unit[i - 1] !== '-' || i === unit.length) continue;
		const prefix = unit.slice(0, i);
		if (isTemplate) names.push(`${prefix}@.${ext}.d`);
		names.push(`${prefix}.${ext}.d`);
	}
	names.push(`${ext}.d`);
	return names;
}

const SEARCH_ROOT = /(^|\/)(etc\/qm\/containers\/systemd|usr\/lib\/qm\/rootfs\/usr\/share\/containers\/systemd|etc\/containers\/systemd|usr\/share\/containers\/systemd|run\/containers\/systemd)(\/|$)/;

/**
 * Groups directories that podman treats as one unit search path set: every quadlet directory of
 * a domain sees every drop-in directory of that domain (host: /run, /etc, /usr/share
 * containers/systemd; QM: the same under /etc/qm and the QM rootfs). Directories outside a known
 * search root only pair with themselves.
 */
export function searchRootKey(dir: string): string {
	const m = SEARCH_ROOT.exec(dir);
	if (!m) return `dir:${dir}`;
	const prefix = dir.slice(0, m.index + m[1].length);
	const qm = m[2].startsWith('etc/qm') || m[2].startsWith('usr/lib/qm') ? 'qm' : 'host';
	return `${qm}:${prefix}`;
}

/**
 * The effective QM boundary: `qm.container` with its quadlet drop-ins (`qm.container.d/`,
 * top-level `container.d/`) and the systemd drop-ins of the generated `qm.service`, merged in
 * podman's and systemd's order (qm-rules §6.1, §7.1). When the workspace has no qm.container
 * (a tree that only ships `qm.container.d/`), the vendor file the qm RPM installs is assumed,
 * built from schemas/qm/boundary.json.
 */
import { parseUnit } from '../parser/parse-unit';
import type { ParsedUnit } from '../parser/ast';
import { UnitView, type ViewEntry, type ViewSource } from '../model/unit-view';
import { baseName, dirName, getUnitFileInfo } from '../unit-path';
import type { WorkspaceFile } from '../workspace/workspace';
import { domainFromPath } from './domain';
import type { QmModel, QmUnit } from './model';
import { boundaryData } from './qm-data';
import { capabilities, normalizeCap } from './container-settings';

/** Path of the assumed vendor file in views; never a workspace path, so never reported on. */
export const ASSUMED_VENDOR_PATH = '(vendor) /usr/share/containers/systemd/qm.container';

export interface Boundary {
	/** Base file, quadlet drop-ins, then qm.service systemd drop-ins. */
	view: UnitView;
	/** The base is the vendor file assumed from data (not in the workspace). */
	vendorAssumed: boolean;
	/** The base qm.container of the workspace, when there is one. */
	base: WorkspaceFile | undefined;
	/** Paths of the systemd drop-ins of qm.service in the view. */
	serviceDropIns: string[];
}

let vendorParsed: ParsedUnit | undefined;

/** The vendor qm.container as a parsed unit, generated from the data table. */
export function vendorUnit(): ParsedUnit {
	if (!vendorParsed) {
		const bySection = new Map<string, string[]>();
		for (const l of boundaryData().vendor) {
			const lines = bySection.get(l.section) ?? [];
			lines.push(`${l.key}=${l.value}`);
			bySection.set(l.section, lines);
		}
		vendorParsed = parseUnit([...bySection].map(([s, lines]) => `[${s}]\n${lines.join('\n')}\n`).join('\n'));
	}
	return vendorParsed;
}

/** True for the file the qm RPM installs (and for assumed vendor entries). */
export function isVendorPath(path: string): boolean {
	if (path === ASSUMED_VENDOR_PATH) return true;
	return /(^|\/)usr\/share\/containers\/systemd\/qm\.container$/.test(path) || path === '/qm.container' || path === 'qm.container';
}

/** `/etc/containers/systemd/qm.container` or `/run/…`: a full copy that replaces the vendor file. */
export function isOverrideCopy(path: string): boolean {
	return boundaryData().overrideDirs.some((d) => new RegExp(`(^|/)${d.replace(/[.]/g, '\\.')}/qm\\.container$`).test(path)) && !/(^|\/)etc\/qm\//.test(path);
}

/** Search precedence of a qm.container copy: /run, then /etc, then /usr/share. */
function precedence(path: string): number {
	if (/(^|\/)run\/containers\/systemd\//.test(path)) return 0;
	if (/(^|\/)etc\/containers\/systemd\//.test(path)) return 1;
	if (/(^|\/)usr\/share\/containers\/systemd\//.test(path)) return 2;
	return 3;
}

function boundaryUnits(model: QmModel): QmUnit[] {
	return model.resolve('qm-boundary', 'qm.container')
		.filter((u) => u.fileName === 'qm.container' && u.domain.domain === 'qm-boundary' && !u.virtual && u.kind === 'container')
		.sort((a, b) => precedence(a.file.path) - precedence(b.file.path) || (a.file.path < b.file.path ? -1 : 1));
}

const cache = new WeakMap<QmModel, Map<string, Boundary>>();

/**
 * The boundary as seen from `path`: the qm.container the file belongs to (each copy of
 * qm.container is judged on its own), otherwise the one podman would use, otherwise the vendor
 * file assumed. The checked file is always part of the view, even when podman would not read it.
 */
export function boundaryFor(model: QmModel, path = ''): Boundary {
	let perModel = cache.get(model);
	if (!perModel) { perModel = new Map(); cache.set(model, perModel); }
	const hit = perModel.get(path);
	if (hit) return hit;
	const b = build(model, path);
	perModel.set(path, b);
	return b;
}

/** The boundary nested (QM) containers live in. */
export function effectiveBoundary(model: QmModel): Boundary {
	return boundaryFor(model, '');
}

function build(model: QmModel, path: string): Boundary {
	const ws = model.workspace;
	const own = path ? model.unitOf(path) : undefined;
	const units = boundaryUnits(model);
	const base = own && own.fileName === 'qm.container' && !own.virtual && units.includes(own) ? own.file : units[0]?.file;
	let quadletDropIns: readonly WorkspaceFile[];
	if (base) {
		quadletDropIns = ws.dropInsFor(base);
	} else {
		// Place the assumed vendor file next to the boundary drop-ins of the workspace so that
		// podman's drop-in search (same search root) finds them.
		const anchor = [path, ...ws.dropInsInDir('qm.container.d').map((f) => f.path)]
			.find((p) => p && /(^|\/)qm\.container\.d\/[^/]+$/.test(p) && domainFromPath(p, model.config)?.domain === 'qm-boundary');
		const fakePath = anchor ? `${dirName(dirName(anchor))}/qm.container` : '/usr/share/containers/systemd/qm.container';
		const fake: WorkspaceFile = { path: fakePath, text: '', parsed: vendorUnit(), info: getUnitFileInfo(fakePath) };
		quadletDropIns = ws.dropInsFor(fake);
	}
	const checked = path ? ws.get(path) : undefined;
	if (checked && checked.info.dropIn && checked.info.kind === 'container' && !quadletDropIns.some((d) => d.path === path) && checked.path !== base?.path) {
		quadletDropIns = [...quadletDropIns, checked].sort((a, b) => (a.info.fileName < b.info.fileName ? -1 : a.info.fileName > b.info.fileName ? 1 : 0));
	}
	const serviceDropIns = qmServiceDropIns(model);
	const main: ViewSource = base ?? { path: ASSUMED_VENDOR_PATH, parsed: vendorUnit() };
	const view = new UnitView(main, [...quadletDropIns.filter((d) => d.path !== base?.path), ...serviceDropIns]);
	return { view, vendorAssumed: !base, base, serviceDropIns: serviceDropIns.map((f) => f.path) };
}

/** Systemd drop-ins of qm.service (`systemd/system{,.control}/qm.service.d/*.conf`), by name. */
function qmServiceDropIns(model: QmModel): WorkspaceFile[] {
	const chosen = new Map<string, WorkspaceFile>();
	const all = model.workspace.dropInsInDir('qm.service.d')
		.filter((f) => domainFromPath(f.path, model.config)?.domain === 'qm-boundary')
		// system.control (systemctl set-property) overrides a same-named file in system/.
		.sort((a, b) => Number(b.path.includes('/system.control/')) - Number(a.path.includes('/system.control/')));
	for (const f of all) if (!chosen.has(f.info.fileName)) chosen.set(f.info.fileName, f);
	return [...chosen.values()].sort((a, b) => (baseName(a.path) < baseName(b.path) ? -1 : 1));
}

/** The last empty assignment of a list key (the reset that clears everything before it). */
export function lastReset(view: UnitView, section: string, key: string): ViewEntry | undefined {
	let found: ViewEntry | undefined;
	for (const e of view.occurrences(section, key)) if (e.entry.value.trim() === '') found = e;
	return found;
}

/**
 * Capabilities the effective boundary takes away from QM's bounding set: the vendor drops
 * (DropCapability=sys_boot sys_resource) minus what drop-ins reset or add back.
 */
export function boundaryDrops(b: Boundary): { dropped: Set<string>; restoredBy: Map<string, ViewEntry> } {
	const dropped = new Set(capabilities(b.view, 'drop').map((p) => normalizeCap(p.text)));
	const restoredBy = new Map<string, ViewEntry>();
	for (const p of capabilities(b.view, 'add')) {
		const c = normalizeCap(p.text);
		// "all" keeps the drops; a cap both added and dropped makes podman refuse to start.
		if (c === 'all' || dropped.has(c)) continue;
		restoredBy.set(c, p.entry);
	}
	const reset = lastReset(b.view, 'Container', 'DropCapability');
	for (const c of boundaryData().droppedCapabilities) if (!dropped.has(c) && reset && !restoredBy.has(c)) restoredBy.set(c, reset);
	return { dropped, restoredBy };
}

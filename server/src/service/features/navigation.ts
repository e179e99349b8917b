import { getCatalog, PRIMARY_SECTION } from '../catalog/catalog';
import type { EntryNode } from '../parser/ast';
import { entryAt } from '../parser/cursor-context';
import { valueIndexToOffset } from '../parser/parse-unit';
import { getQmModel, resolutionDomain, type QmUnit } from '../qm/model';
import { isUnder } from '../qm/paths';
import type { ServiceOptions } from '../types';
import { dirName, extensionOf, isUnitKind, serviceNameFor } from '../unit-path';
import type { Workspace, WorkspaceFile } from '../workspace/workspace';
import { findUnit, referencesIn } from './references';
import { domainConfig } from './validate';

export interface Location {
	path: string;
	start: number;
	end: number;
}

/** Where a unit "is": its primary section header, or the start of the file. */
function unitLocation(f: WorkspaceFile): Location {
	const primary = f.info.kind ? PRIMARY_SECTION[f.info.kind] : undefined;
	const s = f.parsed.sections.find((x) => x.name === primary) ?? f.parsed.sections[0];
	return s ? { path: f.path, start: s.nameStart, end: s.nameEnd } : { path: f.path, start: 0, end: 0 };
}

function isReferenceKey(f: WorkspaceFile, entry: EntryNode): boolean {
	if (!f.info.kind || !entry.section) return false;
	const spec = getCatalog().key(f.info.kind, entry.section.name, entry.key);
	return spec !== undefined && (spec.references !== undefined || spec.type === 'sd-unit-list' || spec.type === 'unit-ref');
}

/**
 * Go to definition: a unit name in a reference key (Pod=, Network=, Volume=x.volume, Image=,
 * [Unit] dependencies, Sockets=, Service=) → that unit; a path in Volume=/Environment=/Exec=
 * → the socket unit listening there, or the unit that mounts it.
 */
export function findDefinition(workspace: Workspace, path: string, offset: number, options: ServiceOptions = {}): Location[] {
	const file = workspace.get(path);
	if (!file) return [];
	const entry = entryAt(file.parsed, offset);
	if (!entry || offset < entry.valueStart) return [];
	if (isReferenceKey(file, entry)) {
		const hit = referencesIn(entry).find((r) => offset >= r.start && offset <= r.end);
		if (hit) {
			const target = findUnit(workspace, file, hit.name);
			if (target) return [unitLocation(target)];
		}
	}
	// A filesystem path under the cursor.
	const model = getQmModel(workspace, domainConfig(workspace, options));
	const unit = model.unitOf(path);
	if (!unit) return [];
	const at = [...unit.mounts.map((m) => ({ path: m.source, entry: m.entry, index: m.sourceIndex, length: m.rawSource.length })), ...unit.refs.map((r) => ({ path: r.path, entry: r.entry, index: r.index, length: r.length }))]
		.find((r) => r.path && r.entry.entry === entry && r.index >= 0 && offset >= valueIndexToOffset(entry, r.index) && offset <= valueIndexToOffset(entry, r.index + r.length));
	if (!at?.path) return [];
	const p = at.path;
	const out: Location[] = [];
	for (const u of model.units) {
		if (u === unit) continue;
		for (const l of u.listens) {
			if (!l.abstract && (isUnder(l.path, p) || isUnder(p, l.path))) out.push(entryLocation(l.entry.path, l.entry.entry));
		}
	}
	if (out.length === 0) {
		for (const u of model.units) {
			if (u === unit || resolutionDomain(u.domain.domain) !== resolutionDomain(unit.domain.domain)) continue;
			for (const m of u.mounts) if (m.source && (isUnder(p, m.source) || isUnder(m.source, p))) out.push(entryLocation(m.entry.path, m.entry.entry));
		}
	}
	return out;
}

function entryLocation(path: string, e: EntryNode): Location {
	return { path, start: e.keyStart, end: e.valueEnd };
}

/** Names other files may use for a unit: its file name and its generated service name(s). */
function namesOf(model: ReturnType<typeof getQmModel>, f: WorkspaceFile): Set<string> {
	const unit = model.unitOf(f.path);
	return unit ? new Set(unit.names) : new Set([f.info.fileName, serviceNameFor(f.info.fileName)]);
}

/**
 * Find all references to the unit of `path`: every reference to its names in other files, and
 * (with `includePaths`) the mounts of other units that share its paths.
 */
export function findReferences(workspace: Workspace, path: string, options: ServiceOptions = {}, includePaths = true): Location[] {
	const file = workspace.get(path);
	if (!file?.info.kind) return [];
	const model = getQmModel(workspace, domainConfig(workspace, options));
	const target = file.info.dropIn ? undefined : file;
	const unit: QmUnit | undefined = model.unitOf(path);
	const names = target ? namesOf(model, target) : new Set<string>(unit ? [...unit.names] : []);
	const out: Location[] = [];
	for (const f of workspace.all()) {
		if (f.path === path) continue;
		for (const e of f.parsed.entries) {
			if (!isReferenceKey(f, e)) continue;
			for (const r of referencesIn(e)) {
				if (!names.has(r.name)) continue;
				// Only names that resolve to this unit from the referring file's own systemd count.
				const resolved = findUnit(workspace, f, r.name);
				if (!resolved || (resolved.path !== path && resolved.path !== unit?.file.path)) continue;
				out.push({ path: f.path, start: r.start, end: r.end });
			}
		}
	}
	if (includePaths && unit) {
		const mine = unit.mounts.map((m) => m.source).filter((s): s is string => s !== undefined && s !== '/');
		for (const u of model.units) {
			if (u === unit || resolutionDomain(u.domain.domain) !== resolutionDomain(unit.domain.domain)) continue;
			for (const m of u.mounts) {
				if (m.source && mine.some((s) => isUnder(m.source as string, s) || isUnder(s, m.source as string))) out.push(entryLocation(m.entry.path, m.entry.entry));
			}
		}
	}
	return out;
}

export interface RenameResult {
	edits: { path: string; start: number; end: number; newText: string }[];
	renames: { from: string; to: string }[];
}

/**
 * Renames a unit: the file, its drop-in directory, and every reference by file name or service
 * name in the workspace, as one edit. `newName` is the new file name or just the new stem.
 */
export function renameUnit(workspace: Workspace, path: string, newName: string): RenameResult | { error: string } {
	const file = workspace.get(path);
	if (!file?.info.kind || file.info.dropIn || !isUnitKind(file.info.kind)) return { error: 'Only unit files can be renamed (not drop-ins or config files).' };
	const ext = extensionOf(file.info.fileName);
	const newFile = newName.endsWith(`.${ext}`) ? newName : `${newName}.${ext}`;
	if (!/^[A-Za-z0-9:_.@\\-]+$/.test(newFile) || newFile.startsWith('.')) return { error: `"${newName}" is not a valid unit name.` };
	const dir = dirName(path);
	const newPath = `${dir}/${newFile}`;
	if (workspace.get(newPath)) return { error: `${newFile} already exists in ${dir}.` };
	const oldService = serviceNameFor(file.info.fileName);
	const newService = serviceNameFor(newFile);
	const map = new Map<string, string>([[file.info.fileName, newFile], [oldService, newService]]);
	const edits: RenameResult['edits'] = [];
	for (const f of workspace.all()) {
		for (const e of f.parsed.entries) {
			if (!isReferenceKey(f, e)) continue;
			for (const r of referencesIn(e)) {
				const to = map.get(r.name);
				if (!to) continue;
				const resolved = findUnit(workspace, f, r.name);
				if (!resolved || resolved.path !== path) continue;
				edits.push({ path: f.path, start: r.start, end: r.end, newText: to });
			}
		}
	}
	const renames = [{ from: path, to: newPath }];
	// The unit's own drop-in directory moves with it (a folder rename keeps every .conf inside).
	if (workspace.dropInsInDir(`${file.info.fileName}.d`).some((d) => dirName(dirName(d.path)) === dir)) {
		renames.push({ from: `${dir}/${file.info.fileName}.d`, to: `${dir}/${newFile}.d` });
	}
	return { edits, renames };
}

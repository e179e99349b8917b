import type { KeySpec } from '../catalog/catalog-schema';
import { PRIMARY_SECTION } from '../catalog/catalog';
import type { EntryNode } from '../parser/ast';
import { valueIndexToOffset } from '../parser/parse-unit';
import { dirName, searchRootKey } from '../unit-path';
import type { Workspace, WorkspaceFile } from '../workspace/workspace';

const UNIT_NAME = /[A-Za-z0-9_.@\\:-]+?\.(container|pod|kube|volume|network|image|build|artifact|socket|service|target|timer|path|mount|slice)(?=$|[\s:,])/g;

export interface ReferenceTarget {
	file: WorkspaceFile;
	/** First lines of the target's own section, for hover. */
	summary: string[];
	view: { serviceName?: string };
}

export interface Reference {
	name: string;
	start: number;
	end: number;
	target: ReferenceTarget | undefined;
}

/** Unit names written in an entry's value, with their document offsets. */
export function referencesIn(entry: EntryNode): { name: string; start: number; end: number }[] {
	const out: { name: string; start: number; end: number }[] = [];
	UNIT_NAME.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = UNIT_NAME.exec(entry.value)) !== null) {
		let name = m[0];
		let startIndex = m.index;
		// "source=x.volume" inside Mount=: the name starts after the last "=" or ",".
		const cut = Math.max(name.lastIndexOf('='), name.lastIndexOf(','), name.lastIndexOf(':'));
		if (cut >= 0) { startIndex += cut + 1; name = name.slice(cut + 1); }
		out.push({ name, start: valueIndexToOffset(entry, startIndex), end: valueIndexToOffset(entry, startIndex + name.length) });
	}
	return out;
}

/** The unit reference under `offset`, resolved in the workspace (same search root first). */
export function resolveReference(workspace: Workspace, file: WorkspaceFile, entry: EntryNode, offset: number, keySpec: KeySpec | undefined): Reference | undefined {
	const isRefKey = keySpec?.references !== undefined || keySpec?.type === 'sd-unit-list' || keySpec?.type === 'unit-ref';
	if (!isRefKey) return undefined;
	const hit = referencesIn(entry).find((r) => offset >= r.start && offset <= r.end);
	if (!hit) return undefined;
	const target = findUnit(workspace, file, hit.name);
	return { ...hit, target: target ? describeTarget(target) : undefined };
}

/** A unit file by name as the file's own systemd/podman would find it: quadlet file or generated service. */
export function findUnit(workspace: Workspace, from: WorkspaceFile, name: string): WorkspaceFile | undefined {
	const root = searchRootKey(dirName(from.path));
	const pick = (list: WorkspaceFile[]) => list.find((f) => searchRootKey(dirName(f.path)) === root) ?? (root.startsWith('dir:') ? list[0] : undefined);
	const direct = pick(workspace.unitsNamed(name));
	if (direct) return direct;
	if (name.endsWith('.service')) {
		const stem = name.slice(0, -'.service'.length);
		for (const ext of ['container', 'kube']) {
			const f = pick(workspace.unitsNamed(`${stem}.${ext}`));
			if (f) return f;
		}
		for (const ext of ['pod', 'volume', 'network', 'image', 'build', 'artifact']) {
			if (stem.endsWith(`-${ext}`)) {
				const f = pick(workspace.unitsNamed(`${stem.slice(0, -ext.length - 1)}.${ext}`));
				if (f) return f;
			}
		}
		for (const f of workspace.all()) {
			if (f.info.dropIn || !f.info.kind) continue;
			const sn = serviceNameKey(f);
			if (sn !== undefined && `${sn}.service` === name && (searchRootKey(dirName(f.path)) === root || root.startsWith('dir:'))) return f;
		}
	}
	return undefined;
}

export function serviceNameKey(f: WorkspaceFile): string | undefined {
	const primary = f.info.kind ? PRIMARY_SECTION[f.info.kind] : undefined;
	if (!primary) return undefined;
	let value: string | undefined;
	for (const s of f.parsed.sections) if (s.name === primary) for (const e of s.entries) if (e.key === 'ServiceName') value = e.value;
	return value;
}

function describeTarget(file: WorkspaceFile): ReferenceTarget {
	const primary = file.info.kind ? PRIMARY_SECTION[file.info.kind] : undefined;
	const summary: string[] = [];
	const section = file.parsed.sections.find((s) => s.name === primary);
	if (section) {
		summary.push(`[${section.name}]`);
		for (const e of section.entries.slice(0, 8)) summary.push(`${e.key}=${e.value}`);
		if (section.entries.length > 8) summary.push(`# … ${section.entries.length - 8} more`);
	}
	return { file, summary, view: { serviceName: serviceNameKey(file) } };
}

/**
 * Service and resource names (quadlet-spec §4): what a unit's service is called, and the name of
 * the podman object (container, volume, network, pod, image, artifact) other units receive when
 * they refer to it. Referenced units are found as the generator finds them: by file name.
 */
import { PRIMARY_SECTION } from '../catalog/catalog';
import type { UnitKind } from '../catalog/catalog-schema';
import { findUnit } from '../features/references';
import { UnitView } from '../model/unit-view';
import { extensionOf, serviceNameFor } from '../unit-path';
import type { Workspace, WorkspaceFile } from '../workspace/workspace';
import { Reader } from './reader';

/** File name without its extension: "web@.container" → "web@". */
export function stemOf(fileName: string): string {
	const ext = extensionOf(fileName);
	return ext ? fileName.slice(0, -ext.length - 1) : fileName;
}

/** podman's Lookup (up to 5.8.1 every surrounding quote was trimmed: `trimAll`). */
function lookup(view: UnitView, section: string, key: string, trimAll = false): string | undefined {
	return new Reader(view, section, undefined, trimAll).lookup(key);
}

function nonEmpty(view: UnitView, section: string, key: string, trimAll = false): string | undefined {
	const v = lookup(view, section, key, trimAll);
	return v ? v : undefined;
}

/** The generated service file name, e.g. "web.service", "db-volume@.service" (ServiceName= wins). */
export function serviceNameOf(fileName: string, view: UnitView, trimAll = false): string {
	const section = PRIMARY_SECTION[extensionOf(fileName) as UnitKind];
	return serviceNameFor(fileName, section ? lookup(view, section, 'ServiceName', trimAll) : undefined);
}

/** Container name before specifiers: ContainerName=, else systemd-%N (systemd-%p_%i for templates). */
export function containerNameOf(fileName: string, view: UnitView, trimAll = false): string {
	return nonEmpty(view, 'Container', 'ContainerName', trimAll) ?? (fileName.includes('@') ? 'systemd-%p_%i' : 'systemd-%N');
}

/** Volume or network name: the *Name= key, else systemd-<base> (templates: systemd-<base>-%i). */
function namedResource(fileName: string, view: UnitView, section: string, key: string, trimAll: boolean): string {
	const given = nonEmpty(view, section, key, trimAll);
	if (given) return given;
	const name = `systemd-${stemOf(fileName)}`;
	return fileName.includes('@') ? `${name.slice(0, -1)}-%i` : name;
}

/**
 * The podman resource a unit creates, as references to it see it. For containers the name is
 * returned with specifiers unexpanded (see `containerNameForNetwork`).
 */
export function resourceNameOf(fileName: string, view: UnitView, trimAll = false): string {
	switch (extensionOf(fileName)) {
		case 'container': return containerNameOf(fileName, view, trimAll);
		case 'volume': return namedResource(fileName, view, 'Volume', 'VolumeName', trimAll);
		case 'network': return namedResource(fileName, view, 'Network', 'NetworkName', trimAll);
		case 'pod': return nonEmpty(view, 'Pod', 'PodName', trimAll) ?? `systemd-${stemOf(fileName)}`;
		case 'image': return nonEmpty(view, 'Image', 'ImageTag', trimAll) ?? lookup(view, 'Image', 'Image', trimAll) ?? '';
		case 'build': return view.lookupAll('Build', 'ImageTag')[0]?.entry.value ?? '';
		case 'artifact': return lookup(view, 'Artifact', 'Artifact', trimAll) ?? '';
		default: return '';
	}
}

/**
 * podman's GetContainerResourceName: the container name with %N replaced by the service name;
 * undefined when another specifier remains (the generator cannot resolve it).
 */
export function containerNameForNetwork(fileName: string, view: UnitView, trimAll = false): string | undefined {
	const service = serviceNameOf(fileName, view, trimAll).replace(/\.service$/, '');
	const name = containerNameOf(fileName, view, trimAll).split('%N').join(service);
	return name.includes('%') ? undefined : name;
}

/** Finds referenced units and their views (drop-ins merged), caching views per file. */
export class UnitResolver {
	private readonly views = new Map<string, UnitView>();

	constructor(readonly workspace: Workspace, readonly from: WorkspaceFile, readonly trimAllQuotes = false) {}

	find(name: string): WorkspaceFile | undefined {
		const f = findUnit(this.workspace, this.from, name);
		return f && !f.info.dropIn && f.info.kind ? f : undefined;
	}

	view(file: WorkspaceFile): UnitView {
		let v = this.views.get(file.path);
		if (!v) {
			v = new UnitView(file, this.workspace.dropInsFor(file));
			this.views.set(file.path, v);
		}
		return v;
	}

	serviceName(file: WorkspaceFile): string {
		return serviceNameOf(file.info.fileName, this.view(file), this.trimAllQuotes);
	}

	resourceName(file: WorkspaceFile): string {
		return resourceNameOf(file.info.fileName, this.view(file), this.trimAllQuotes);
	}

	/** The container name another unit joins with Network=x.container (undefined: unresolvable). */
	containerNameForNetwork(file: WorkspaceFile): string | undefined {
		return containerNameForNetwork(file.info.fileName, this.view(file), this.trimAllQuotes);
	}
}

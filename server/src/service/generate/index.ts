/**
 * Preview of podman's quadlet generator: turns a quadlet unit of the workspace (with its
 * drop-ins, template instance and the units it references) into the systemd service podman
 * would write, or the reason podman would refuse it. Pure: works on the workspace only.
 */
import { compareVersions, getCatalog, PRIMARY_SECTION, UNIT_KIND_SINCE } from '../catalog/catalog';
import type { UnitKind } from '../catalog/catalog-schema';
import { UnitView } from '../model/unit-view';
import { dirName, isQuadletKind } from '../unit-path';
import type { Workspace, WorkspaceFile } from '../workspace/workspace';
import { convertArtifact } from './artifact';
import { convertBuild } from './build';
import { DEFAULT_PODMAN } from './cmdline';
import { convertContainer } from './container';
import { fail, GenerateError, TRIM_ALL_QUOTES_UNTIL, versionAtMost, type GenContext, type GenerateOptions } from './context';
import { installSymlinks, type Symlink } from './install';
import { convertImage } from './image';
import { convertKube } from './kube';
import { loadError } from './load';
import { serviceNameOf, UnitResolver } from './names';
import { convertNetwork } from './network';
import { convertPod } from './pod';
import { Reader } from './reader';
import { serviceUserWarnings } from './service-keys';
import { ServiceUnit, type UnitSections } from './unit-file';
import { addDefaultDependencies, copySources, finishUnitSection, translateDependencies } from './unit-section';
import { convertVolume } from './volume';

export type { GenerateOptions } from './context';
export type { Symlink } from './install';
export type { UnitSections } from './unit-file';

export interface GeneratedUnit {
	/** The service file name, e.g. "web.service" ("" when the file is not a quadlet unit). */
	serviceName: string;
	/** The unit as podman writes it; empty when the unit is refused. */
	text: string;
	/** The generated groups and their lines, in order. */
	sections: UnitSections;
	/** Links podman's generator creates for [Install], relative to its output directory. */
	symlinks: Symlink[];
	/** Why podman would refuse the unit (its own wording); empty when it converts. */
	errors: string[];
	/** What podman would print as warnings while converting. */
	warnings: string[];
}

const CONVERTERS: Partial<Record<UnitKind, (ctx: GenContext) => void>> = {
	container: convertContainer, pod: convertPod, kube: convertKube, volume: convertVolume,
	network: convertNetwork, image: convertImage, build: convertBuild, artifact: convertArtifact,
};

/** First podman release that reads each unit type. */

export function generateUnit(workspace: Workspace, path: string, options: GenerateOptions = {}): GeneratedUnit {
	const warnings: string[] = [];
	const refused = (serviceName: string, error: string): GeneratedUnit => ({ serviceName, text: '', sections: [], symlinks: [], errors: [error], warnings });
	const file = workspace.get(path);
	if (!file) return refused('', `${path} is not in the workspace`);
	const kind = file.info.kind;
	const primary = kind ? PRIMARY_SECTION[kind] : undefined;
	if (!kind || !primary || !isQuadletKind(kind) || file.info.dropIn) return refused('', `${file.info.fileName} is not a quadlet unit file`);
	const atMost = (version: string) => versionAtMost(options.podmanVersion, version);
	const since = UNIT_KIND_SINCE[kind];
	if (since && options.podmanVersion && compareVersions(since, options.podmanVersion.replace(/^(\d+\.\d+).*$/, '$1')) > 0) {
		return refused('', `podman ${options.podmanVersion} does not read .${kind} files (added in ${since})`);
	}
	const loadFailure = loadError(file) ?? siblingLoadError(workspace, file);
	if (loadFailure) return refused('', loadFailure);

	const dropIns = workspace.dropInsFor(file).filter((d) => {
		if (atMost('4.9') || (atMost('5.1') && d.info.dropIn?.scope !== 'unit' && d.info.dropIn?.scope !== 'template')) return false;
		const err = loadError(d);
		if (err) warnings.push(`${err} (the drop-in is ignored; podman's run exits 1)`);
		return !err;
	});
	const view = new UnitView(file, dropIns);
	const serviceName = serviceNameOf(file.info.fileName, view, atMost(TRIM_ALL_QUOTES_UNTIL));
	const warn = (m: string) => { if (!warnings.includes(m)) warnings.push(m); };
	const resolver = new UnitResolver(workspace, file, atMost(TRIM_ALL_QUOTES_UNTIL));
	const out = new ServiceUnit();
	const converted = new Map<string, boolean>();
	const ctx: GenContext = {
		workspace, file, fileName: file.info.fileName, unitDir: dirName(file.path) || '.', kind, view,
		r: new Reader(view, primary, warn, atMost(TRIM_ALL_QUOTES_UNTIL)),
		service: new Reader(view, 'Service', warn, atMost(TRIM_ALL_QUOTES_UNTIL)),
		out, resolver, serviceName,
		podman: options.podman ?? DEFAULT_PODMAN,
		options, atMost, warn,
		converts: (target: WorkspaceFile) => {
			let ok = converted.get(target.path);
			if (ok === undefined) {
				ok = target.path === file.path || generateUnit(workspace, target.path, options).errors.length === 0;
				converted.set(target.path, ok);
			}
			return ok;
		},
	};
	try {
		checkUnknownKeys(ctx, primary);
		copySources(out, [view.main, ...view.dropIns]);
		translateDependencies(ctx);
		addDefaultDependencies(ctx);
		finishUnitSection(ctx, primary);
		serviceUserWarnings(ctx);
		CONVERTERS[kind]?.(ctx);
	} catch (e) {
		if (e instanceof GenerateError) return refused(serviceName, e.message);
		throw e;
	}
	return {
		serviceName,
		text: out.render(),
		sections: out.sections(),
		symlinks: installSymlinks(view, file.info, serviceName, !atMost('5.4')),
		errors: [],
		warnings,
	};
}

/** The primary section and [Quadlet] may only hold keys podman knows (in the target version). */
function checkUnknownKeys(ctx: GenContext, primary: string): void {
	const catalog = getCatalog();
	const target = ctx.options.podmanVersion?.replace(/^(\d+\.\d+).*$/, '$1');
	for (const section of [primary, 'Quadlet']) {
		for (const { entry } of ctx.view.entries(section)) {
			const spec = catalog.key(ctx.kind, section, entry.key);
			const tooNew = spec?.since !== undefined && target !== undefined && compareVersions(spec.since, target) > 0;
			if (!spec || tooNew) fail(`unsupported key '${entry.key}' in group '${section}' in ${ctx.file.path}`);
		}
	}
}

/** podman drops every unit of a directory when one quadlet file in it does not parse. */
function siblingLoadError(workspace: Workspace, file: WorkspaceFile): string | undefined {
	const dir = dirName(file.path);
	for (const f of workspace.all()) {
		if (f === file || f.info.dropIn || !isQuadletKind(f.info.kind) || dirName(f.path) !== dir) continue;
		const err = loadError(f);
		if (err) return `${err} (podman then skips every unit in ${dir || '.'})`;
	}
	return undefined;
}

import { compareVersions, getCatalog, type SectionSpec } from '../catalog/catalog';
import type { KeySpec, UnitKind } from '../catalog/catalog-schema';
import { getSpecifiers } from '../catalog/specifiers';
import { getCursorContext } from '../parser/cursor-context';
import type { OffsetEdit, ServiceOptions } from '../types';
import { extensionOf, searchRootKey, serviceNameFor, dirName } from '../unit-path';
import type { Workspace, WorkspaceFile } from '../workspace/workspace';
import { keyDocMarkdown } from './docs';
import { NEWEST, domainConfig } from './validate';
import { getQmModel, resolutionDomain } from '../qm/model';

export type CompletionKind = 'section' | 'key' | 'value' | 'enum' | 'unit' | 'specifier' | 'snippet';

export interface Completion {
	label: string;
	kind: CompletionKind;
	detail?: string;
	documentation?: string;
	edit: OffsetEdit;
	/** newText uses snippet syntax ($1, ${1|a,b|}, $0). */
	snippet?: boolean;
	sortText?: string;
	filterText?: string;
	deprecated?: boolean;
	/** Ask the client to re-trigger completion after insertion (e.g. after "Key="). */
	retrigger?: boolean;
}

const BOOL_VALUES = ['true', 'false'];

/** Completions at `offset` of a workspace file. */
export function doComplete(workspace: Workspace, path: string, offset: number, options: ServiceOptions = {}): Completion[] {
	const file = workspace.get(path);
	const kind = file?.info.kind;
	if (!file || !kind) return [];
	const catalog = getCatalog();
	const target = options.podmanVersion ?? NEWEST;
	const ctx = getCursorContext(file.parsed, offset);
	switch (ctx.kind) {
		case 'section-name': {
			const present = new Set(file.parsed.sections.map((s) => s.name));
			return catalog.sectionsFor(kind).map((s, i) => ({
				label: `[${s.section}]`,
				kind: 'section',
				detail: s.owner === 'quadlet' ? 'podman quadlet section' : 'systemd section',
				documentation: s.doc,
				edit: { start: ctx.replaceStart, end: ctx.replaceEnd, newText: `[${s.section}]` },
				filterText: `[${s.section}]`,
				sortText: `${present.has(s.section) ? '1' : '0'}${String(i).padStart(2, '0')}`,
			}));
		}
		case 'key': {
			if (!ctx.section) {
				return catalog.sectionsFor(kind).map((s, i) => ({
					label: `[${s.section}]`, kind: 'section', documentation: s.doc,
					edit: { start: ctx.replaceStart, end: ctx.replaceEnd, newText: `[${s.section}]\n` },
					sortText: String(i).padStart(2, '0'),
				}));
			}
			const spec = catalog.section(kind, ctx.section.name);
			if (!spec) return [];
			return keyCompletions(spec, ctx.section.entries.map((e) => e.key), ctx, target);
		}
		case 'value': {
			const spec = ctx.section ? catalog.section(kind, ctx.section.name) : undefined;
			const keySpec = spec && Object.prototype.hasOwnProperty.call(spec.keys, ctx.key) ? spec.keys[ctx.key] : undefined;
			if (!keySpec) return [];
			return valueCompletions(workspace, file, keySpec, ctx, options);
		}
		case 'specifier':
			return [...getSpecifiers().values()].map((s) => ({
				label: `%${s.letter}`,
				kind: 'specifier',
				detail: `system: ${s.system} · user: ${s.user}`,
				documentation: s.meaning,
				edit: { start: ctx.replaceStart, end: ctx.replaceEnd, newText: `%${s.letter}` },
				filterText: `%${s.letter}`,
			}));
		default:
			return [];
	}
}

function keyCompletions(spec: SectionSpec, present: string[], ctx: { replaceStart: number; replaceEnd: number; prefix: string }, target: string): Completion[] {
	const used = new Set(present);
	const out: Completion[] = [];
	for (const [name, key] of Object.entries(spec.keys)) {
		if (key.since && compareVersions(key.since, target) > 0) continue;
		// A single-valued key that is already set (on another line) is not offered again.
		if (!key.repeatable && used.has(name) && !ctx.prefix.startsWith(name)) continue;
		out.push({
			label: name,
			kind: 'key',
			detail: describeType(key),
			documentation: keyDocMarkdown(spec, name, key),
			edit: { start: ctx.replaceStart, end: ctx.replaceEnd, newText: `${name}=${valueSnippet(key)}` },
			snippet: true,
			filterText: name,
			sortText: `${key.deprecated ? '9' : '0'}${name}`,
			deprecated: key.deprecated !== undefined,
			retrigger: valueSnippet(key) === '$0',
		});
	}
	return out;
}

function valueSnippet(key: KeySpec): string {
	const choices = closedValues(key);
	if (choices && choices.length > 0 && choices.every((c) => !/[|,$}\\]/.test(c))) return `\${1|${choices.join(',')}|}$0`;
	return '$0';
}

function closedValues(key: KeySpec): string[] | undefined {
	if (key.type === 'bool' || key.type === 'sd-bool') return BOOL_VALUES;
	if (key.type === 'enum' || key.type === 'bool-or-enum') {
		const vals = (key.values ?? []).filter((v) => !v.startsWith('<'));
		return key.type === 'bool-or-enum' ? [...BOOL_VALUES, ...vals.filter((v) => !BOOL_VALUES.includes(v))] : vals;
	}
	return undefined;
}

export function describeType(key: KeySpec): string {
	const parts: string[] = [key.type];
	if (key.repeatable) parts.push('repeatable');
	if (key.since) parts.push(key.since === 'unreleased' ? 'podman main' : `podman ≥ ${key.since}`);
	return parts.join(' · ');
}

/**
 * [Unit] dependencies: the names the file's own systemd knows (host or QM): generated service
 * names, socket units, aliases — never units of the other domain.
 */
function dependencyCompletions(workspace: Workspace, file: WorkspaceFile, edit: (t: string) => OffsetEdit, options: ServiceOptions): Completion[] {
	const model = getQmModel(workspace, domainConfig(workspace, options));
	const here = model.unitOf(file.path);
	const domain = here?.domain.domain ?? 'unknown';
	const out: Completion[] = [];
	const seen = new Set<string>();
	for (const u of model.units) {
		if (u === here || resolutionDomain(u.domain.domain) !== resolutionDomain(domain)) continue;
		const names = u.kind === 'socket' ? [u.fileName] : [u.serviceName, ...[...u.names].filter((n) => n !== u.serviceName && n !== u.fileName)];
		for (const name of names) {
			if (seen.has(name)) continue;
			seen.add(name);
			out.push({ label: name, kind: 'unit', detail: `${u.fileName} · ${u.file.path}`, edit: edit(name), sortText: `1${name}` });
		}
	}
	return out;
}

function valueCompletions(workspace: Workspace, file: WorkspaceFile, key: KeySpec, ctx: { replaceStart: number; replaceEnd: number; prefix: string; key: string }, options: ServiceOptions = {}): Completion[] {
	const out: Completion[] = [];
	const edit = (newText: string): OffsetEdit => ({ start: ctx.replaceStart, end: ctx.replaceEnd, newText });
	const values = closedValues(key) ?? (key.values ?? []).filter((v) => !v.startsWith('<'));
	values.forEach((v, i) => out.push({ label: v, kind: 'enum', edit: edit(v), sortText: `0${String(i).padStart(3, '0')}`, detail: key.default === v ? 'default' : undefined }));
	if (key.type === 'sd-unit-list') {
		out.push(...dependencyCompletions(workspace, file, edit, options));
	} else if (key.references) {
		for (const target of referenceTargets(workspace, file, key.references)) {
			const suffix = key.type === 'volume-spec' ? ':' : '';
			const label = target.info.fileName;
			out.push({
				label,
				kind: 'unit',
				detail: `${serviceNameFor(label)} · ${target.path}`,
				edit: edit(`${label}${suffix}`),
				sortText: `1${label}`,
			});
		}
	}
	return out;
}

/** Units of the given extensions that the file can name: same search root (domain) first. */
export function referenceTargets(workspace: Workspace, file: WorkspaceFile, extensions: string[]): WorkspaceFile[] {
	const exts = new Set(extensions.map((e) => e.slice(1)));
	const root = searchRootKey(dirName(file.path));
	const seen = new Set<string>();
	const out: WorkspaceFile[] = [];
	for (const f of workspace.all()) {
		if (f.info.dropIn || f.path === file.path || !f.info.kind) continue;
		if (!exts.has(extensionOf(f.info.fileName) as UnitKind)) continue;
		if (searchRootKey(dirName(f.path)) !== root && !root.startsWith('dir:')) continue;
		if (seen.has(f.info.fileName)) continue;
		seen.add(f.info.fileName);
		out.push(f);
	}
	return out.sort((a, b) => (a.info.fileName < b.info.fileName ? -1 : 1));
}

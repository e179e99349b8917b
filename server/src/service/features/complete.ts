import { compareVersions, getCatalog, type SectionSpec } from '../catalog/catalog';
import type { KeySpec, UnitKind } from '../catalog/catalog-schema';
import { getSpecifiers } from '../catalog/specifiers';
import { getCursorContext } from '../parser/cursor-context';
import type { OffsetEdit, ServiceOptions } from '../types';
import type { Workspace, WorkspaceFile } from '../workspace/workspace';
import { NEWEST, domainConfig } from './validate';
import { getQmModel } from '../qm/model';
import { dependencyNames, type DependencyName } from './completion-dependencies';
import { referenceTargets } from './completion-targets';
import { completionDoc, type CompletionData } from './completion-docs';
import { CompletionBudget } from './completion-limit';

export { referenceTargets, type ReferenceTarget } from './completion-targets';
export { resolveCompletion, type CompletionData } from './completion-docs';

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
	/** Finds the documentation again (resolveCompletion) when it was left out; plain JSON. */
	data?: CompletionData;
}

export interface CompleteOptions {
	/**
	 * Leave `documentation` out: editors ask for it (resolveCompletion) only for the item they
	 * show, and the ~90 key docs of [Container] would be most of a key completion's bytes.
	 */
	lazyDocumentation?: boolean;
	/**
	 * At most this many workspace units (reference and dependency candidates). A big workspace
	 * has thousands: they are cut to the best matches of the typed text and the list is flagged
	 * incomplete, so the client asks again as the user types. Catalog lists (sections, keys,
	 * values) are bounded and never cut.
	 */
	unitLimit?: number;
}

export interface CompletionList {
	items: Completion[];
	/** Items were left out: the client must ask again when the typed text changes. */
	isIncomplete: boolean;
}

const BOOL_VALUES = ['true', 'false'];

/** Completions at `offset` of a workspace file, each with its documentation. */
export function doComplete(workspace: Workspace, path: string, offset: number, options: ServiceOptions = {}): Completion[] {
	return completeList(workspace, path, offset, options).items;
}

/** Completions at `offset`, with documentation left for later and the list capped as asked. */
export function completeList(workspace: Workspace, path: string, offset: number, options: ServiceOptions = {}, how: CompleteOptions = {}): CompletionList {
	const file = workspace.get(path);
	if (!file) return { items: [], isIncomplete: false };
	const budget = how.unitLimit !== undefined ? new CompletionBudget(how.unitLimit) : undefined;
	const items = completions(workspace, file, offset, options, budget);
	if (!how.lazyDocumentation) {
		for (const c of items) {
			const doc = c.data && completionDoc(c.data);
			if (doc !== undefined) c.documentation = doc;
		}
	}
	return { items, isIncomplete: budget?.cut ?? false };
}

function completions(workspace: Workspace, file: WorkspaceFile, offset: number, options: ServiceOptions, budget: CompletionBudget | undefined): Completion[] {
	const kind = file.info.kind;
	if (!kind) return [];
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
				data: { doc: 'section', kind, section: s.section },
				edit: { start: ctx.replaceStart, end: ctx.replaceEnd, newText: `[${s.section}]` },
				filterText: `[${s.section}]`,
				sortText: `${present.has(s.section) ? '1' : '0'}${String(i).padStart(2, '0')}`,
			}));
		}
		case 'key': {
			if (!ctx.section) {
				return catalog.sectionsFor(kind).map((s, i) => ({
					label: `[${s.section}]`, kind: 'section', data: { doc: 'section', kind, section: s.section },
					edit: { start: ctx.replaceStart, end: ctx.replaceEnd, newText: `[${s.section}]\n` },
					sortText: String(i).padStart(2, '0'),
				}));
			}
			const spec = catalog.section(kind, ctx.section.name);
			if (!spec) return [];
			return keyCompletions(kind, spec, ctx.section.entries.map((e) => e.key), ctx, target);
		}
		case 'value': {
			const spec = ctx.section ? catalog.section(kind, ctx.section.name) : undefined;
			const keySpec = spec && Object.prototype.hasOwnProperty.call(spec.keys, ctx.key) ? spec.keys[ctx.key] : undefined;
			if (!keySpec) return [];
			return valueCompletions(workspace, file, keySpec, ctx, options, budget);
		}
		case 'specifier':
			return [...getSpecifiers().values()].map((s) => ({
				label: `%${s.letter}`,
				kind: 'specifier',
				detail: `system: ${s.system} · user: ${s.user}`,
				data: { doc: 'specifier', letter: s.letter },
				edit: { start: ctx.replaceStart, end: ctx.replaceEnd, newText: `%${s.letter}` },
				filterText: `%${s.letter}`,
			}));
		default:
			return [];
	}
}

function keyCompletions(kind: UnitKind, spec: SectionSpec, present: string[], ctx: { replaceStart: number; replaceEnd: number; prefix: string }, target: string): Completion[] {
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
			data: { doc: 'key', kind, section: spec.section, key: name },
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
function dependencyCompletions(workspace: Workspace, file: WorkspaceFile, options: ServiceOptions): DependencyName[] {
	const model = getQmModel(workspace, domainConfig(workspace, options));
	return dependencyNames(model, model.unitOf(file.path));
}

type ValueContext = { replaceStart: number; replaceEnd: number; prefix: string; key: string };

function valueCompletions(workspace: Workspace, file: WorkspaceFile, key: KeySpec, ctx: ValueContext, options: ServiceOptions, budget: CompletionBudget | undefined): Completion[] {
	const out: Completion[] = [];
	const edit = (newText: string): OffsetEdit => ({ start: ctx.replaceStart, end: ctx.replaceEnd, newText });
	const values = closedValues(key) ?? (key.values ?? []).filter((v) => !v.startsWith('<'));
	values.forEach((v, i) => out.push({ label: v, kind: 'enum', edit: edit(v), sortText: `0${String(i).padStart(3, '0')}`, detail: key.default === v ? 'default' : undefined }));
	// A big workspace has thousands of units: cut them to the typed text (ctx.prefix) before building items.
	const within = <T>(candidates: T[], nameOf: (c: T) => string): T[] => budget?.take(candidates, nameOf, ctx.prefix) ?? candidates;
	if (key.type === 'sd-unit-list') {
		for (const { name, detail } of within(dependencyCompletions(workspace, file, options), (d) => d.name)) {
			out.push({ label: name, kind: 'unit', detail, edit: edit(name), sortText: `1${name}` });
		}
	} else if (key.references) {
		const suffix = key.type === 'volume-spec' ? ':' : '';
		for (const target of within(referenceTargets(workspace, file, key.references), (t) => t.fileName)) {
			const label = target.fileName;
			out.push({ label, kind: 'unit', detail: target.detail, edit: edit(`${label}${suffix}`), sortText: `1${label}` });
		}
	}
	return out;
}

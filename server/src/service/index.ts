/**
 * The QM Quadlet language service: a pure, editor-agnostic facade over the parser, the key
 * catalog and the rules. Hosts (the LSP server, the CLI, tests) feed file texts into its
 * workspace and ask verb-named questions; everything is in offsets.
 */
import { completeList, doComplete, resolveCompletion, type CompleteOptions, type Completion, type CompletionList } from './features/complete';
import { doHover, type HoverResult } from './features/hover';
import { findDocumentSymbols, getFoldingRanges, getSelectionRanges, type FoldRange, type UnitSymbol } from './features/structure';
import { validateFile } from './features/validate';
import type { Diagnostic, Fix, ServiceOptions } from './types';
import { Workspace } from './workspace/workspace';
import { domainConfig } from './features/validate';
import { inferDomain } from './qm/domain';
import { findPrefixes } from './qm/model';
import { engineConfigDomain } from './qm/engine-config';
import { isConfigKind } from './unit-path';
import { findDefinition, findReferences, renameUnit, type Location, type RenameResult } from './features/navigation';
import { domainLabel, type DomainInfo } from './qm/domain';

export * from './types';
export type { Completion, CompleteOptions, CompletionList, HoverResult, FoldRange, UnitSymbol, Location, RenameResult };
export { Workspace } from './workspace/workspace';
export { parseUnit } from './parser/parse-unit';
export { getUnitFileInfo, serviceNameFor } from './unit-path';
export { ALL_RULE_METAS, getRuleMeta } from './rules/index';
export { getCatalog } from './catalog/catalog';
export { domainLabel } from './qm/domain';

export interface LanguageService {
	readonly workspace: Workspace;
	options: ServiceOptions;
	doValidation(path: string): Diagnostic[];
	/** Completions with their documentation. */
	doComplete(path: string, offset: number): Completion[];
	/** Completions for an editor: documentation on request (resolveCompletion), long lists capped. */
	getCompletionList(path: string, offset: number, how: CompleteOptions): CompletionList;
	/** The documentation of an item that getCompletionList sent without it, from the item's `data`. */
	resolveCompletion(data: unknown): string | undefined;
	doHover(path: string, offset: number): HoverResult | undefined;
	/** Quick fixes of the diagnostics that touch `[start, end]`. */
	getCodeActions(path: string, start: number, end: number): { diagnostic: Diagnostic; fix: Fix }[];
	findDocumentSymbols(path: string): UnitSymbol[];
	getFoldingRanges(path: string): FoldRange[];
	getSelectionRanges(path: string, offsets: number[]): { start: number; end: number }[][];
	/** Go to definition from a unit reference or a path in a value. */
	findDefinition(path: string, offset: number): Location[];
	/** Who references the unit of `path` (by name), and who shares its paths. */
	findReferences(path: string): Location[];
	/** Rename the unit of `path`: the file, its drop-in directory and every reference. */
	renameUnit(path: string, newName: string): RenameResult | { error: string };
	/** The QM domain of a file (qm, qm-boundary, asil, unknown) and why. */
	getDomain(path: string): DomainInfo | undefined;
}

export function createLanguageService(options: ServiceOptions = {}, workspace = new Workspace()): LanguageService {
	// Diagnostics depend on the whole workspace: the cache holds one generation (and options
	// object) and is dropped as a whole when either changes. Evicting single entries from the
	// front of a Map leaves holes that every later eviction walks past again.
	let cache = new Map<string, Diagnostic[]>();
	let cacheGeneration = -1;
	let cacheOptions: ServiceOptions | undefined;
	const service: LanguageService = {
		workspace,
		options,
		doValidation(path) {
			if (cacheGeneration !== workspace.generation || cacheOptions !== service.options) {
				cache = new Map();
				cacheGeneration = workspace.generation;
				cacheOptions = service.options;
			}
			const hit = cache.get(path);
			if (hit) return hit;
			const diagnostics = validateFile(workspace, path, service.options);
			cache.set(path, diagnostics);
			return diagnostics;
		},
		doComplete: (path, offset) => doComplete(workspace, path, offset, service.options),
		getCompletionList: (path, offset, how) => completeList(workspace, path, offset, service.options, how),
		resolveCompletion,
		doHover(path, offset) {
			const h = doHover(workspace, path, offset);
			const f = workspace.get(path);
			if (!f || f.parsed.lines.length === 0 || offset > f.parsed.lines[0].end) return h;
			// The first line also tells which systemd/podman will read the file.
			const d = service.getDomain(path);
			if (!d) return h;
			const note = `**Domain: ${domainLabel(d.domain)}** — ${d.reason}.`;
			return h ? { ...h, markdown: `${h.markdown}\n\n---\n\n${note}` } : { markdown: note, start: f.parsed.lines[0].start, end: f.parsed.lines[0].end };
		},
		getCodeActions(path, start, end) {
			const out: { diagnostic: Diagnostic; fix: Fix }[] = [];
			for (const d of service.doValidation(path)) {
				if (d.end < start || d.start > end) continue;
				for (const fix of d.fixes ?? []) out.push({ diagnostic: d, fix });
			}
			return out;
		},
		findDocumentSymbols(path) {
			const f = workspace.get(path);
			return f ? findDocumentSymbols(f.parsed) : [];
		},
		getFoldingRanges(path) {
			const f = workspace.get(path);
			return f ? getFoldingRanges(f.parsed) : [];
		},
		findDefinition: (path, offset) => findDefinition(workspace, path, offset, service.options),
		findReferences: (path) => findReferences(workspace, path, service.options),
		renameUnit: (path, newName) => renameUnit(workspace, path, newName),
		getDomain(path) {
			const f = workspace.get(path);
			if (!f) return undefined;
			const config = domainConfig(workspace, service.options);
			const d = inferDomain(f.path, f.parsed, { ...config, prefixes: config.prefixes ?? findPrefixes(workspace) });
			return isConfigKind(f.info.kind) ? engineConfigDomain(f.path, d) : d;
		},
		getSelectionRanges(path, offsets) {
			const f = workspace.get(path);
			return f ? offsets.map((o) => getSelectionRanges(f.parsed, o)) : [];
		},
	};
	return service;
}

import { getCatalog } from '../catalog/catalog';
import { UnitView, viewOf } from '../model/unit-view';
import { getRuleMeta, RULES } from '../rules/index';
import { SYNTAX_RULES } from '../rules/syntax';
import { ruleRunsOn, type Finding, type Rule, type RuleContext } from '../rules/rule';
import type { UnitKind } from '../catalog/kinds';
import { DEFAULT_MAX_DIAGNOSTICS, DEFAULT_MAX_FILE_SIZE, type Diagnostic, type ServiceOptions, type Severity } from '../types';
import { isConfigKind } from '../unit-path';
import type { Workspace, WorkspaceFile } from '../workspace/workspace';
import { unitsReadingDir } from '../workspace/dropin-targets';
import { getSuppressions } from './suppressions';
import { lineAt } from '../parser/cursor-context';
import { getQmModel, findPrefixes } from '../qm/model';
import { inferDomain, type DomainConfig } from '../qm/domain';
import { engineConfigDomain } from '../qm/engine-config';

export const NEWEST = 'unreleased';

/**
 * All diagnostics of one workspace file: the parser's syntax problems, then every rule that
 * applies, with per-rule severity settings and suppression comments applied.
 */
export function validateFile(workspace: Workspace, path: string, options: ServiceOptions = {}): Diagnostic[] {
	const file = workspace.get(path);
	// Only unit files and drop-ins are ours; anything else (e.g. containers.conf) is not parsed as a unit.
	if (!file || !file.info.kind) return [];
	const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
	if (file.text.length > maxSize) {
		return [{
			code: 'quadlet/file-too-large', severity: 'information',
			message: `This file has ${file.text.length} characters, more than the ${maxSize} analysed (setting qmQuadlet.limits.maxFileSize); it is not checked.`,
			start: 0, end: 0,
		}];
	}
	const out: Diagnostic[] = [];
	const push = (code: string, defaultSeverity: Severity, f: Finding) => {
		const setting = options.rules?.[code];
		if (setting === 'off') return;
		out.push({
			code,
			severity: setting ?? f.severity ?? defaultSeverity,
			message: f.message,
			start: f.start, end: f.end,
			...(f.related ? { related: f.related } : {}),
			...(f.fixes ? { fixes: f.fixes } : {}),
			...(f.tags ? { tags: f.tags } : {}),
		});
	};
	// Engine configuration files (containers.conf, bluechi) are not units: podman's unit-parser
	// problems do not apply to them; their own rules report their syntax.
	for (const p of isConfigKind(file.info.kind) ? [] : file.parsed.problems) {
		if (p.code === 'quadlet/syntax-bom' && (file.info.kind === 'socket' || file.info.kind === 'service')) continue;
		const fixes = p.code === 'quadlet/syntax-bom' ? [{ title: 'Remove the byte order mark', edits: [{ start: 0, end: 1, newText: '' }], isPreferred: true }] : undefined;
		push(p.code, SYNTAX_RULES[p.code].defaultSeverity, { ...p, fixes });
	}
	const ctx = createContext(workspace, file, options);
	if (ctx) {
		// One report function for all rules (not a closure per rule per file): 10,000 files × 130 rules.
		let current: Rule = RULES[0];
		ctx.report = (f) => push(current.id, current.defaultSeverity, f);
		const stray = file.info.dropIn?.scope === 'stray';
		for (const rule of rulesFor(ctx.kind)) {
			if (options.rules?.[rule.id] === 'off') continue;
			// podman never reads a stray .conf: saying so is the only useful finding.
			if (stray && rule.id !== 'qm/path-wrong-unit-dir') continue;
			if (!rule.appliesTo(ctx)) continue;
			current = rule;
			rule.check(ctx);
		}
	}
	const suppressed = getSuppressions(file.parsed);
	const kept = suppressed.none ? out : out.filter((d) => !suppressed.isSuppressed(d.code, lineAt(file.parsed, d.start)));
	kept.sort((a, b) => a.start - b.start || a.end - b.end);
	const max = options.maxDiagnosticsPerFile ?? DEFAULT_MAX_DIAGNOSTICS;
	if (kept.length > max) {
		const dropped = kept.length - max;
		kept.length = max;
		kept.push({ code: 'quadlet/too-many-diagnostics', severity: 'information', start: 0, end: 0, message: `${dropped} more problems are not shown (limit qmQuadlet.limits.maxDiagnosticsPerFile = ${max}).` });
	}
	return kept;
}


/** Builds the rule context: the file, its kind and the unit view with drop-ins merged. */
export function createContext(workspace: Workspace, file: WorkspaceFile, options: ServiceOptions): RuleContext | undefined {
	const kind = file.info.kind;
	if (!kind) return undefined;
	let unitFile: WorkspaceFile | undefined;
	if (file.info.dropIn) unitFile = findUnitForDropIn(workspace, file);
	else unitFile = file;
	const view = unitFile
		? viewOf(unitFile, workspace.dropInsFor(unitFile))
		: new UnitView(file);
	const config = domainConfig(workspace, options);
	const model = () => getQmModel(workspace, config);
	const domain = fileDomain(file, config, config.prefixes ?? findPrefixes(workspace));
	return {
		// Configuration files outside the QM anchors: /usr/share/qm/containers.conf is QM's, /etc/bluechi the host's.
		domain: isConfigKind(kind) ? engineConfigDomain(file.path, domain) : domain,
		qm: model,
		qmUnit: () => model().unitOf(file.path),
		path: file.path,
		text: file.text,
		parsed: file.parsed,
		info: file.info,
		kind,
		catalog: getCatalog(),
		podmanVersion: options.podmanVersion ?? NEWEST,
		workspace,
		view,
		viewIsComplete: unitFile !== undefined,
		unitFile,
		report: () => undefined,
	};
}

const domainCache = new WeakMap<WorkspaceFile, { config: DomainConfig; prefixes: DomainConfig['prefixes']; domain: ReturnType<typeof inferDomain> }>();

/** The file's domain, kept per file object while the settings and the partition's prefixes stay the same. */
function fileDomain(file: WorkspaceFile, config: DomainConfig, prefixes: DomainConfig['prefixes']): ReturnType<typeof inferDomain> {
	const hit = domainCache.get(file);
	if (hit && hit.config === config && hit.prefixes === prefixes) return hit.domain;
	const domain = inferDomain(file.path, file.parsed, { ...config, prefixes });
	domainCache.set(file, { config, prefixes, domain });
	return domain;
}

const rulesByKind = new Map<string, Rule[]>();

/** The rules that run on a file kind (Rule.fileKinds: unit rules never run on configuration files, and the reverse). */
function rulesFor(kind: string): Rule[] {
	let list = rulesByKind.get(kind);
	if (!list) {
		list = RULES.filter((r) => ruleRunsOn(r, kind as UnitKind));
		rulesByKind.set(kind, list);
	}
	return list;
}

const configCache = new WeakMap<ServiceOptions, DomainConfig>();

/** Domain settings as one object per options object, so the QM model cache can key on identity. */
export function domainConfig(_workspace: Workspace, options: ServiceOptions): DomainConfig {
	let c = configCache.get(options);
	if (!c) {
		c = { globs: options.domains, qmSourceTree: options.qmSourceTree };
		configCache.set(options, c);
	}
	return c;
}

/** The first unit (by path) that this drop-in applies to. */
export function findUnitForDropIn(workspace: Workspace, dropIn: WorkspaceFile): WorkspaceFile | undefined {
	const dir = dropIn.info.dropIn?.dirName;
	if (!dir) return undefined;
	const sorted = dropIn.info.dropIn?.scope === 'unit'
		? [...workspace.unitsNamed(dir.slice(0, -2))].sort((a, b) => (a.path < b.path ? -1 : 1))
		: unitsReadingDir(workspace, dropIn.info.kind ?? '', dir);
	return sorted.find((u) => workspace.dropInsFor(u).some((d) => d.path === dropIn.path));
}

export function ruleSeverity(id: string, options: ServiceOptions): Severity | 'off' | undefined {
	return options.rules?.[id] ?? getRuleMeta(id)?.defaultSeverity;
}

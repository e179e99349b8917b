/**
 * The custom requests the client sends to the language server, with the shapes it expects back.
 * Declared here again (the client imports nothing from server/): the server side is
 * server/src/lsp/preview.ts, server/src/lsp/lint-workspace.ts and server/src/service/map/types.ts.
 * Pure: no `vscode` import, so tests run in plain node.
 */
import { z } from 'zod';

export const Requests = {
	generatedUnit: 'qmQuadlet/generatedUnit',
	domainMap: 'qmQuadlet/domainMap',
	lintWorkspace: 'qmQuadlet/lintWorkspace',
	rules: 'qmQuadlet/rules',
	fileInfo: 'qmQuadlet/fileInfo',
	unitSources: 'qmQuadlet/unitSources',
} as const;

export type Domain = 'qm' | 'qm-boundary' | 'asil' | 'unknown';

export interface GeneratedUnitResult {
	serviceName: string;
	/** Empty when podman would refuse the unit. */
	text: string;
	errors: string[];
	warnings: string[];
	source: 'qm-quadlet';
}

export interface RuleInfo {
	id: string;
	defaultSeverity: 'error' | 'warning' | 'information' | 'hint';
	title: string;
	why: string;
	fix: string;
	anchor: string;
}

export interface FileInfoResult {
	domain: Domain;
	reason: string;
}

export interface UnitSourcesResult {
	/** The unit's file name. */
	unit: string;
	/** The unit and its drop-ins (`<dir>.d/<file>.conf`). */
	files: { name: string; text: string }[];
	/** Other quadlet units of the search root, for references. */
	siblings: { name: string; text: string }[];
	omitted: number;
}

const DomainSchema = z.enum(['qm', 'qm-boundary', 'asil', 'unknown']);
const Coord = z.number().finite();
const Size = z.number().finite().nonnegative();

/**
 * The domain map as the server sends it (contract: server/src/service/map/types.ts). Validated
 * before drawing: the map is laid out elsewhere, and a drawing built from a half-understood
 * answer is worse than a clear message.
 */
export const DomainMapSchema = z.object({
	version: z.literal(1),
	nodes: z.array(z.object({
		id: z.string(),
		label: z.string(),
		kind: z.string(),
		domain: DomainSchema,
		path: z.string(),
		line: z.number().int().nonnegative(),
		label_type: z.string().optional(),
		level: z.string().optional(),
		/** Only drop-ins of the unit are in the workspace; `path` is the first drop-in. */
		virtual: z.boolean().optional(),
	})),
	edges: z.array(z.object({
		from: z.string(),
		to: z.string(),
		kind: z.enum(['activation', 'dependency', 'shared-path', 'ipc']),
		crossing: z.enum(['within', 'bridge', 'illegal']).optional(),
		ruleId: z.string().optional(),
		label: z.string(),
		/** The finding names no second unit: `from === to`, drawn as a stub. */
		dangling: z.boolean().optional(),
		findings: z.array(z.object({ ruleId: z.string(), severity: z.string(), message: z.string(), path: z.string(), line: z.number() })).optional(),
	})),
	layout: z.object({
		width: Size,
		height: Size,
		regions: z.array(z.object({ domain: DomainSchema, x: Coord, y: Coord, width: Size, height: Size, title: z.string() })),
		nodes: z.record(z.string(), z.object({ x: Coord, y: Coord, width: Size, height: Size })),
	}),
	/** The install root the map was limited to. */
	scope: z.string().optional(),
	/** The node of the file the map was asked for. */
	focus: z.string().optional(),
});

export type DomainMap = z.infer<typeof DomainMapSchema>;
export type MapNode = DomainMap['nodes'][number];
export type MapEdge = DomainMap['edges'][number];

/** Short names for the status bar. */
const DOMAIN_SHORT: Record<Domain, string> = { qm: 'QM', 'qm-boundary': 'QM boundary', asil: 'host (ASIL)', unknown: 'unknown' };

export function domainShortLabel(domain: Domain | undefined): string {
	return DOMAIN_SHORT[domain ?? 'unknown'] ?? DOMAIN_SHORT.unknown;
}

/** The status bar text: the file's domain and the podman release the units target. */
export function statusText(info: FileInfoResult | null | undefined, podmanVersion: unknown): string {
	const version = typeof podmanVersion === 'string' && podmanVersion !== '' ? podmanVersion : 'latest';
	return `$(server-environment) ${domainShortLabel(info?.domain)} · podman ${version}`;
}

import { z } from 'zod';
import type { ServiceOptions } from '../service/types';

const SeveritySetting = z.enum(['error', 'warning', 'information', 'hint', 'off']);

/** The client's `qmQuadlet` settings; anything malformed falls back to defaults. */
export const SettingsSchema = z.object({
	podmanVersion: z.string().regex(/^(\d+\.\d+|latest|unreleased)$/).optional().catch(undefined),
	rules: z.record(z.string(), SeveritySetting.catch('warning')).optional().catch(undefined),
	limits: z.object({
		maxFileSize: z.number().int().positive().optional(),
		maxFiles: z.number().int().positive().optional(),
		maxDiagnosticsPerFile: z.number().int().positive().optional(),
	}).partial().optional().catch(undefined),
	domains: z.array(z.unknown()).optional().catch(undefined),
}).passthrough();

/** One `qmQuadlet.domains` entry; malformed entries are dropped, the others still apply. */
const DomainMapping = z.object({ glob: z.string().min(1), domain: z.enum(['qm', 'qm-boundary', 'asil']) });

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_MAX_FILES = 50000;

export function toServiceOptions(raw: unknown): { options: ServiceOptions; maxFiles: number } {
	const parsed = SettingsSchema.safeParse(raw ?? {});
	const s: Settings = parsed.success ? parsed.data : {};
	const version = s.podmanVersion === 'latest' ? undefined : s.podmanVersion;
	return {
		options: {
			podmanVersion: version,
			// Rule ids hold "/" but no ".", so VS Code delivers qmQuadlet.rules.<id> as one flat map.
			rules: s.rules,
			maxFileSize: s.limits?.maxFileSize,
			maxDiagnosticsPerFile: s.limits?.maxDiagnosticsPerFile,
			domains: s.domains?.flatMap((d) => { const m = DomainMapping.safeParse(d); return m.success ? [m.data] : []; }),
		},
		maxFiles: s.limits?.maxFiles ?? DEFAULT_MAX_FILES,
	};
}

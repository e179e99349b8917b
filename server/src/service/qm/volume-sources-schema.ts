/**
 * zod schema of schemas/qm/volume-sources.json. Runs at build time and in the tests
 * (see data-files.ts); the lint path only imports the types.
 */
import { z } from 'zod';

const SeveritySchema = z.enum(['error', 'warning', 'information', 'hint']);
const PatternSchema = z.string().regex(/^(\/|~$|\$\{(ROOTFS|RWETCFS|RWVARFS)\})/, 'a pattern starts with "/", "~" or a QM prefix variable');
const RuleIdSchema = z.string().regex(/^qm\/[a-z0-9-]+$/);
const FindingSchema = z.object({ rule: RuleIdSchema, severity: SeveritySchema }).strict();

const RowSchema = z.object({
	sources: z.array(PatternSchema).min(1),
	/** Absent: the source is sanctioned (no finding). */
	finding: FindingSchema.optional(),
	/** Replaces `finding` when the mount is not read-only. */
	ifWritable: FindingSchema.optional(),
	/** A read-only mount: no finding (`sanctioned`) or try the next rows (`skip`). */
	ifReadOnly: z.enum(['sanctioned', 'skip']).optional(),
	/** Severity for containers running as qm_container_wayland_t. */
	wayland: SeveritySchema.optional(),
	/** Why (completes "… because it is …" style sentences in messages). */
	reason: z.string().min(1),
	/** What to do instead. */
	advice: z.string().optional(),
}).strict();

export const VolumeSourcesSchema = z.object({
	$comment: z.string().optional(),
	bridge: z.array(PatternSchema),
	boundaryLayout: z.array(z.object({ source: PatternSchema, dest: z.string().startsWith('/') }).strict()),
	hostToQm: z.array(z.object({ host: PatternSchema, qm: z.string().startsWith('/') }).strict()),
	relabelRefused: z.array(PatternSchema),
	systemDirs: z.array(PatternSchema),
	socketSuffixes: z.array(z.string().startsWith('.')),
	wellKnownSockets: z.array(PatternSchema),
	sanctionedSocketBinds: z.object({ qm: z.array(PatternSchema).optional(), 'qm-boundary': z.array(PatternSchema).optional(), asil: z.array(PatternSchema).optional() }).strict(),
	runtimeProvided: z.array(PatternSchema),
	deviceAnnotations: z.array(z.object({ annotation: z.string().regex(/^org\.containers\.qm\.[\w.-]+=\S+$/), devices: z.array(PatternSchema).min(1) }).strict()),
	tables: z.object({ 'qm-boundary': z.array(RowSchema), qm: z.array(RowSchema), asil: z.array(RowSchema) }).strict(),
}).strict();

export type VolumeSources = z.infer<typeof VolumeSourcesSchema>;
export type VolumeSourceRow = z.infer<typeof RowSchema>;
export type VolumeTableDomain = keyof VolumeSources['tables'];


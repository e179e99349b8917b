/**
 * zod schemas of the QM data files (schemas/qm/boundary.json, devices.json, podman-flags.json).
 * They run at build time (scripts/bundle.mjs) and in the tests (see data-files.ts), never on the
 * lint path: the runtime only imports their types.
 */
import { z } from 'zod';

const Severity = z.enum(['error', 'warning', 'information', 'hint']);

const VendorLine = z.object({ section: z.string(), key: z.string(), value: z.string() }).strict();

const ResourceRule = z.object({
	key: z.string(),
	allowed: z.array(z.string()).optional(),
	forbidden: z.array(z.string()).optional(),
	maxNumber: z.number().optional(),
	/** An empty assignment (reset to systemd's default) counts as a violation. */
	resetIsViolation: z.boolean().optional(),
	severity: Severity,
	why: z.string().min(10),
}).strict();

export const BoundaryDataSchema = z.object({
	$comment: z.string().optional(),
	vendorFile: z.string().startsWith('/'),
	overrideDirs: z.array(z.string()),
	vendor: z.array(VendorLine).min(1),
	droppedCapabilities: z.array(z.string()),
	seccompProfile: z.string().startsWith('/'),
	sysctls: z.record(z.string(), z.number()),
	oom: z.object({ boundary: z.number().int(), nestedDefault: z.number().int() }).strict(),
	identity: z.object({
		scalars: z.record(z.string(), z.string()),
		environment: z.record(z.string(), z.string()),
		volumeDestinations: z.array(z.string().startsWith('/')),
	}).strict(),
	resources: z.array(ResourceRule),
	toplevelSensitiveKeys: z.array(z.string()),
	nested: z.object({
		broadCapabilities: z.array(z.string()),
		networkModesNeedingPrivateNetns: z.array(z.string()),
		sysctlPrefixes: z.array(z.string()),
		rtPodmanFlags: z.array(z.string().startsWith('--')),
		defaultNofile: z.number().int().positive(),
	}).strict(),
}).strict();
export type BoundaryData = z.infer<typeof BoundaryDataSchema>;
export type ResourceRuleData = z.infer<typeof ResourceRule>;

const regex = z.string().refine((s) => { try { new RegExp(s); return s.startsWith('^') && s.endsWith('$'); } catch { return false; } }, 'an anchored regular expression');

export const DevicesDataSchema = z.object({
	$comment: z.string().optional(),
	forbidden: z.array(z.object({ pattern: regex, name: z.string(), severity: z.enum(['error', 'warning']), why: z.string().min(10) }).strict()),
	annotations: z.array(z.object({
		key: z.string(),
		values: z.array(z.string()).optional(),
		nonEmpty: z.boolean().optional(),
		devices: regex,
		prefer: z.boolean(),
		family: z.string(),
	}).strict().refine((a) => (a.values !== undefined) !== (a.nonEmpty === true), 'either values or nonEmpty')),
	annotationPrefix: z.string(),
}).strict();
export type DevicesData = z.infer<typeof DevicesDataSchema>;
export type AnnotationSpec = DevicesData['annotations'][number];

export const PodmanFlagsDataSchema = z.object({
	$comment: z.string().optional(),
	flags: z.array(z.object({
		flags: z.array(z.string().regex(/^--?[a-z][a-z0-9-]*$/)).min(1),
		option: z.string().optional(),
		key: z.string(),
		value: z.string().optional(),
		commaList: z.boolean().optional(),
	}).strict()),
	takesValue: z.array(z.string().regex(/^--?[a-z][a-z0-9-]*$/)),
	privileged: z.object({
		anyDomain: z.array(z.string()),
		qm: z.array(z.string()),
		securityOpts: z.array(z.string()),
	}).strict(),
}).strict();
export type PodmanFlagsData = z.infer<typeof PodmanFlagsDataSchema>;
export type FlagKeySpec = PodmanFlagsData['flags'][number];


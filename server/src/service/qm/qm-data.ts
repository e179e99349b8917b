/**
 * QM language facts kept as data (schemas/qm/*.json): the vendor qm.container and its
 * invariants, the device/annotation tables and the PodmanArgs options that have a quadlet key.
 * Validated with zod at first use; a schema violation is a build bug and throws loudly.
 */
import { z } from 'zod';
import boundaryJson from '../../../../schemas/qm/boundary.json';
import devicesJson from '../../../../schemas/qm/devices.json';
import podmanFlagsJson from '../../../../schemas/qm/podman-flags.json';

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

/** The raw data files, for the schema test. */
export const QM_DATA_FILES = {
	'qm/boundary.json': { data: boundaryJson as unknown, schema: BoundaryDataSchema },
	'qm/devices.json': { data: devicesJson as unknown, schema: DevicesDataSchema },
	'qm/podman-flags.json': { data: podmanFlagsJson as unknown, schema: PodmanFlagsDataSchema },
} as const;

function load<T>(file: string, schema: z.ZodType<T>, data: unknown): T {
	const r = schema.safeParse(data);
	if (!r.success) throw new Error(`schemas/${file} is invalid: ${r.error.message}`);
	return r.data;
}

let boundary: BoundaryData | undefined;
let devices: (DevicesData & { forbiddenRe: RegExp[]; annotationRe: RegExp[] }) | undefined;
let flags: (PodmanFlagsData & { takesValueSet: Set<string> }) | undefined;

export function boundaryData(): BoundaryData {
	if (!boundary) boundary = load('qm/boundary.json', BoundaryDataSchema, boundaryJson);
	return boundary;
}

export function devicesData(): DevicesData & { forbiddenRe: RegExp[]; annotationRe: RegExp[] } {
	if (!devices) {
		const d = load('qm/devices.json', DevicesDataSchema, devicesJson);
		devices = { ...d, forbiddenRe: d.forbidden.map((f) => new RegExp(f.pattern)), annotationRe: d.annotations.map((a) => new RegExp(a.devices)) };
	}
	return devices;
}

export function podmanFlagsData(): PodmanFlagsData & { takesValueSet: Set<string> } {
	if (!flags) {
		const d = load('qm/podman-flags.json', PodmanFlagsDataSchema, podmanFlagsJson);
		flags = { ...d, takesValueSet: new Set(d.takesValue) };
	}
	return flags;
}

/** The forbidden-device entry a host device path matches, if any. */
export function forbiddenDevice(path: string): DevicesData['forbidden'][number] | undefined {
	const d = devicesData();
	const i = d.forbiddenRe.findIndex((re) => re.test(path));
	return i >= 0 ? d.forbidden[i] : undefined;
}

/** The annotations whose hook exposes this device path. */
export function annotationsCovering(path: string): AnnotationSpec[] {
	const d = devicesData();
	return d.annotations.filter((_, i) => d.annotationRe[i].test(path));
}

export function annotationSpec(key: string): AnnotationSpec | undefined {
	return devicesData().annotations.find((a) => a.key === key);
}

/** Whether a hook accepts `value` for this annotation (and so exposes its devices). */
export function annotationValueAccepted(spec: AnnotationSpec, value: string): boolean {
	if (spec.nonEmpty) return value.trim().length > 0;
	return (spec.values ?? []).includes(value);
}

/**
 * QM language facts kept as data (schemas/qm/*.json): the vendor qm.container and its
 * invariants, the device/annotation tables and the PodmanArgs options that have a quadlet key.
 * Validated with zod at build time and in the tests (qm-data-schema.ts, data-files.ts); loading
 * zod on every CLI start costs more than linting a small tree.
 */
import type { AnnotationSpec, BoundaryData, DevicesData, PodmanFlagsData } from './qm-data-schema';
import boundaryJson from '../../../../schemas/qm/boundary.json';
import devicesJson from '../../../../schemas/qm/devices.json';
import podmanFlagsJson from '../../../../schemas/qm/podman-flags.json';

export type { AnnotationSpec, BoundaryData, DevicesData, FlagKeySpec, PodmanFlagsData, ResourceRuleData } from './qm-data-schema';


let boundary: BoundaryData | undefined;
let devices: (DevicesData & { forbiddenRe: RegExp[]; annotationRe: RegExp[] }) | undefined;
let flags: (PodmanFlagsData & { takesValueSet: Set<string> }) | undefined;

export function boundaryData(): BoundaryData {
	if (!boundary) boundary = boundaryJson as BoundaryData;
	return boundary;
}

export function devicesData(): DevicesData & { forbiddenRe: RegExp[]; annotationRe: RegExp[] } {
	if (!devices) {
		const d = devicesJson as DevicesData;
		devices = { ...d, forbiddenRe: d.forbidden.map((f) => new RegExp(f.pattern)), annotationRe: d.annotations.map((a) => new RegExp(a.devices)) };
	}
	return devices;
}

export function podmanFlagsData(): PodmanFlagsData & { takesValueSet: Set<string> } {
	if (!flags) {
		const d = podmanFlagsJson as PodmanFlagsData;
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

/**
 * Which devices the effective QM boundary makes visible inside QM: AddDevice= entries (optional
 * or not; host paths as seen in QM), and the device families of accepted qm-oci-hooks
 * annotations (qm-rules §6.5).
 */
import { isUnder } from './paths';
import type { Boundary } from './boundary';
import { annotations, devices, type SettingPart } from './container-settings';
import { annotationSpec, annotationValueAccepted, devicesData, type AnnotationSpec } from './qm-data';

export interface Provision {
	/** Device paths inside QM from AddDevice= (container side). */
	paths: { path: string; part: SettingPart }[];
	/** Annotations whose hook runs for qm.container and exposes devices. */
	annotations: { spec: AnnotationSpec; part: SettingPart }[];
}

const cache = new WeakMap<Boundary, Provision>();

export function provision(b: Boundary): Provision {
	let p = cache.get(b);
	if (!p) {
		p = {
			paths: devices(b.view).map((d) => ({ path: d.container, part: d.part })),
			annotations: annotations(b.view).flatMap((a) => {
				const spec = annotationSpec(a.key);
				return spec && annotationValueAccepted(spec, a.value) ? [{ spec, part: a.part }] : [];
			}),
		};
		cache.set(b, p);
	}
	return p;
}

/** What exposes `path` inside QM, or undefined when nothing does. */
export function providedBy(p: Provision, path: string): SettingPart | undefined {
	const direct = p.paths.find((d) => d.path === path || isUnder(path, d.path) || isUnder(d.path, path));
	if (direct) return direct.part;
	const d = devicesData();
	for (const a of p.annotations) {
		const re = d.annotationRe[d.annotations.indexOf(a.spec)];
		if (re.test(path)) return a.part;
	}
	return undefined;
}

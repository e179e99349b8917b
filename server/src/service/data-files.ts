/**
 * Every data file under schemas/ with the zod schema it must satisfy. The runtime loaders trust
 * the bundled data (importing zod costs ~40 ms per CLI start); instead `scripts/bundle.mjs`
 * refuses to build, and the tests fail, when a file breaks its schema.
 */
import type { z } from 'zod';
import { CATALOG_FILES } from './catalog/catalog';
import { SectionFileSchema } from './catalog/catalog-schema';
import { SpecifierFileSchema } from './catalog/specifiers-schema';
import specifiersJson from '../../../schemas/systemd/specifiers.json';
import boundaryJson from '../../../schemas/qm/boundary.json';
import devicesJson from '../../../schemas/qm/devices.json';
import podmanFlagsJson from '../../../schemas/qm/podman-flags.json';
import volumeSourcesJson from '../../../schemas/qm/volume-sources.json';
import { BoundaryDataSchema, DevicesDataSchema, PodmanFlagsDataSchema } from './qm/qm-data-schema';
import { VolumeSourcesSchema } from './qm/volume-sources-schema';

export interface DataFile {
	/** Path relative to schemas/. */
	file: string;
	data: unknown;
	schema: z.ZodType;
}

export const DATA_FILES: readonly DataFile[] = [
	...Object.entries(CATALOG_FILES).map(([file, data]) => ({ file, data, schema: SectionFileSchema as z.ZodType })),
	{ file: 'systemd/specifiers.json', data: specifiersJson, schema: SpecifierFileSchema },
	{ file: 'qm/boundary.json', data: boundaryJson, schema: BoundaryDataSchema },
	{ file: 'qm/devices.json', data: devicesJson, schema: DevicesDataSchema },
	{ file: 'qm/podman-flags.json', data: podmanFlagsJson, schema: PodmanFlagsDataSchema },
	{ file: 'qm/volume-sources.json', data: volumeSourcesJson, schema: VolumeSourcesSchema },
];

/** One line per file that breaks its schema (`schemas/<file>: <zod message>`); empty when all pass. */
export function validateDataFiles(files: readonly DataFile[] = DATA_FILES): string[] {
	const problems: string[] = [];
	for (const { file, data, schema } of files) {
		const r = schema.safeParse(data);
		if (!r.success) problems.push(`schemas/${file}: ${r.error.message}`);
	}
	return problems;
}

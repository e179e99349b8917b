import { z } from 'zod';
import data from '../../../../schemas/systemd/specifiers.json';

const SpecifierFileSchema = z.object({
	source: z.string(),
	note: z.string(),
	specifiers: z.array(z.object({ letter: z.string().length(1), meaning: z.string(), system: z.string(), user: z.string() }).strict()),
}).strict();

export type Specifier = z.infer<typeof SpecifierFileSchema>['specifiers'][number];

let cached: Map<string, Specifier> | undefined;

/** systemd's `%x` specifiers by letter, validated on first use. */
export function getSpecifiers(): Map<string, Specifier> {
	if (!cached) cached = new Map(SpecifierFileSchema.parse(data).specifiers.map((s) => [s.letter, s]));
	return cached;
}

export function specifierNote(): string {
	return (data as { note: string }).note;
}

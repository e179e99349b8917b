/** zod schema of schemas/systemd/specifiers.json (build time and tests only; see data-files.ts). */
import { z } from 'zod';

export const SpecifierFileSchema = z.object({
	source: z.string(),
	note: z.string(),
	specifiers: z.array(z.object({ letter: z.string().length(1), meaning: z.string(), system: z.string(), user: z.string() }).strict()),
}).strict();

export type Specifier = z.infer<typeof SpecifierFileSchema>['specifiers'][number];

export type SpecifierFile = z.infer<typeof SpecifierFileSchema>;

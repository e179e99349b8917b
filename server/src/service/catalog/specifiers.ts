import data from '../../../../schemas/systemd/specifiers.json';
import type { Specifier, SpecifierFile } from './specifiers-schema';

export type { Specifier } from './specifiers-schema';

let cached: Map<string, Specifier> | undefined;

/** systemd's `%x` specifiers by letter. */
export function getSpecifiers(): Map<string, Specifier> {
	if (!cached) cached = new Map((data as SpecifierFile).specifiers.map((s) => [s.letter, s]));
	return cached;
}

export function specifierNote(): string {
	return (data as { note: string }).note;
}

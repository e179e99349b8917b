import type { KeySpec } from '../catalog-schema';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Offsets are relative to the value string. */
export interface ValueProblem {
	start: number;
	end: number;
	message: string;
	severity: Severity;
	/** A safe suggested value for the `[start, end)` span, for a quick fix. */
	replacement?: string;
}

/**
 * Checks one value. Inside this folder a checker usually receives one item of the value (a word
 * of a list, or the value with podman's quote handling applied); `checkValue` in `index.ts` does
 * that preparation and maps offsets back.
 */
export type ValueChecker = (value: string, spec: KeySpec, key: string) => ValueProblem[];

export function problem(
	severity: Severity,
	start: number,
	end: number,
	message: string,
	replacement?: string,
): ValueProblem {
	return replacement === undefined
		? { start, end, message, severity }
		: { start, end, message, severity, replacement };
}

/** Problem covering the whole item. */
export function whole(severity: Severity, value: string, message: string, replacement?: string): ValueProblem {
	return problem(severity, 0, value.length, message, replacement);
}

/** `Key=value` as users wrote it, shortened so a long command line does not drown the message. */
export function show(key: string, value: string): string {
	const text = value.length > 60 ? `${value.slice(0, 57)}...` : value;
	return `${key}=${text}`;
}

/** Moves problems found in a part of an item to the item's coordinates. */
export function shift(problems: readonly ValueProblem[], by: number): ValueProblem[] {
	return problems.map((p) => ({ ...p, start: p.start + by, end: p.end + by }));
}

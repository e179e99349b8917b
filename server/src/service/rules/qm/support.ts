import type { QmMount, QmUnit } from '../../qm/model';
import type { Domain } from '../../types';
import type { RuleContext } from '../rule';

/** QM rules run only where the domain is known (qm-rules §1.3 step 5). */
export function inDomain(ctx: RuleContext, ...domains: Domain[]): boolean {
	return domains.includes(ctx.domain.domain);
}

/** The unit of the checked file when the file is a unit or one of its drop-ins. */
export function unitHere(ctx: RuleContext): QmUnit | undefined {
	return ctx.qmUnit();
}

/** True when the view entry comes from the file being checked (findings go where the line is). */
export function isInThisFile(ctx: RuleContext, path: string): boolean {
	return path === ctx.path;
}

/** Document range of a mount's source (or of the whole value when unknown). */
export function mountSourceRange(m: QmMount): { start: number; end: number } {
	const e = m.entry.entry;
	if (m.sourceIndex < 0) return { start: e.valueStart, end: e.valueEnd };
	return offsetsInValue(e, m.sourceIndex, m.rawSource.length);
}

/** Document range of `length` characters at `index` of an entry's value. */
export function offsetsInValue(e: QmMount['entry']['entry'], index: number, length: number): { start: number; end: number } {
	// Values of single-line entries map 1:1; continued values go through the segment table.
	return { start: valueOffset(e, index), end: valueOffset(e, index + length) };
}

import { valueIndexToOffset } from '../../parser/parse-unit';
function valueOffset(e: QmMount['entry']['entry'], index: number): number {
	return valueIndexToOffset(e, index);
}

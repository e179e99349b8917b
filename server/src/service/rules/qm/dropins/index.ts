import type { Rule } from '../../rule';
import dropinConflict from './dropin-conflict';
import dropinListAppendSurprise from './dropin-list-append-surprise';
import dropinShadowed from './dropin-shadowed';

/** QM rules of this family; each rule lives in its own file next to this one. */
export const DROPINS_RULES: readonly Rule[] = [dropinConflict, dropinListAppendSurprise, dropinShadowed];

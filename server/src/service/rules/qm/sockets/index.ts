import type { Rule } from '../../rule';

/** QM rules of this family; each rule lives in its own file next to this one. */
export const SOCKETS_RULES: readonly Rule[] = [];

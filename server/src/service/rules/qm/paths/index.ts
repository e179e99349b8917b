import type { Rule } from '../../rule';
import domainUnknown from './domain-unknown';

/** QM rules of this family; each rule lives in its own file next to this one. */
export const PATHS_RULES: readonly Rule[] = [domainUnknown];

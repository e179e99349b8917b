import type { Rule, RuleMeta } from './rule';
import { SYNTAX_RULES } from './syntax';
import { LIMIT_RULES } from './limits';
import unknownSection from './unknown-section';
import sectionWrongKind from './section-wrong-kind';
import { quadletUnknownKey, systemdUnknownKey } from './unknown-key';
import duplicateKey from './duplicate-key';
import keyTooNew from './key-too-new';
import deprecatedKey from './deprecated-key';
import { quadletInvalidValue, systemdInvalidValue } from './invalid-value';
import { GENERATOR_RULES } from './quadlet/index';
import { QM_RULES } from './qm/index';

/** Every rule that runs a check, in the order findings are produced. The only registry. */
export const RULES: readonly Rule[] = [
	unknownSection,
	sectionWrongKind,
	quadletUnknownKey,
	systemdUnknownKey,
	duplicateKey,
	keyTooNew,
	deprecatedKey,
	quadletInvalidValue,
	systemdInvalidValue,
	...GENERATOR_RULES,
	...QM_RULES,
];

/** Every rule id with its metadata: checks plus the parser's syntax problems. */
export const ALL_RULE_METAS: readonly RuleMeta[] = [...Object.values(SYNTAX_RULES), ...LIMIT_RULES, ...RULES];

const byId = new Map(ALL_RULE_METAS.map((r) => [r.id, r]));

export function getRuleMeta(id: string): RuleMeta | undefined {
	return byId.get(id);
}

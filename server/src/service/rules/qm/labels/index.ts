import type { Rule } from '../../rule';
import boundarySecurityOverride from './boundary-security-override';
import labelDisable from './label-disable';
import labelFiletype from './label-filetype';
import labelLevelCategoryRange from './label-level-category-range';
import labelLevelNoncanonical from './label-level-noncanonical';
import labelLevelPeerMismatch from './label-level-peer-mismatch';
import labelLevelSensitivity from './label-level-sensitivity';
import labelLevelSharedUnrelated from './label-level-shared-unrelated';
import labelLevelSyntax from './label-level-syntax';
import labelLevelTooBroad from './label-level-too-broad';
import labelLevelWeak from './label-level-weak';
import labelNestedInQm from './label-nested-in-qm';
import labelTypeInvalidInQm from './label-type-invalid-in-qm';
import labelTypeIpcWithoutBridge from './label-type-ipc-without-bridge';
import labelTypeQmOnHost from './label-type-qm-on-host';
import labelTypeRedundant from './label-type-redundant';
import labelTypeWaylandBroad from './label-type-wayland-broad';

/** QM rules of this family; each rule lives in its own file next to this one. */
export const LABELS_RULES: readonly Rule[] = [
	labelLevelSyntax,
	labelLevelSensitivity,
	labelLevelCategoryRange,
	labelLevelTooBroad,
	labelLevelWeak,
	labelLevelNoncanonical,
	labelLevelPeerMismatch,
	labelLevelSharedUnrelated,
	labelTypeInvalidInQm,
	labelTypeQmOnHost,
	labelTypeIpcWithoutBridge,
	labelTypeWaylandBroad,
	labelTypeRedundant,
	labelFiletype,
	labelDisable,
	labelNestedInQm,
	boundarySecurityOverride,
];

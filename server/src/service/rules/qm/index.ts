import type { Rule } from '../rule';
import { PATHS_RULES } from './paths/index';
import { LABELS_RULES } from './labels/index';
import { SOCKETS_RULES } from './sockets/index';
import { VOLUMES_RULES } from './volumes/index';
import { IPC_RULES } from './ipc/index';
import { SYSTEM_RULES } from './system/index';
import { DROPINS_RULES } from './dropins/index';
import { CONFIG_RULES } from './config/index';

/** The QM rulebook (qm-rules.md), one family per folder. */
export const QM_RULES: readonly Rule[] = [
	...PATHS_RULES,
	...LABELS_RULES,
	...SOCKETS_RULES,
	...VOLUMES_RULES,
	...IPC_RULES,
	...SYSTEM_RULES,
	...DROPINS_RULES,
	...CONFIG_RULES,
];

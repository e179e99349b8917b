import type { Rule } from '../../rule';
import containersConfFormat from './containers-conf-format';
import containersConfArrayOverride from './containers-conf-array-override';
import containersConfQmValues from './containers-conf-qm-values';
import bluechiNodename from './bluechi-nodename';
import bluechiAllowedNodes from './bluechi-allowed-nodes';
import bluechiControllerUnreachable from './bluechi-controller-unreachable';
import bluechiDeprecatedKeys from './bluechi-deprecated-keys';
import bluechiFileIgnored from './bluechi-file-ignored';

export { containersConfDeviceBinds } from './device-binds';

/**
 * QM rules for engine configuration files (qm-rules §7.2 containers.conf, §7.3 bluechi); each
 * rule lives in its own file next to this one and lists its file kinds in `fileKinds`.
 */
export const CONFIG_RULES: readonly Rule[] = [
	containersConfFormat,
	containersConfArrayOverride,
	containersConfQmValues,
	bluechiNodename,
	bluechiAllowedNodes,
	bluechiControllerUnreachable,
	bluechiDeprecatedKeys,
	bluechiFileIgnored,
];

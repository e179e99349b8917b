import type { Rule } from '../../rule';
import socketActivationMissingRequires from './socket-activation-missing-requires';
import socketServiceUnresolved from './socket-service-unresolved';
import socketAcceptNontemplate from './socket-accept-nontemplate';
import socketListenPath from './socket-listen-path';
import socketQmInBridge from './socket-qm-in-bridge';
import socketQmNestedClient from './socket-qm-nested-client';
import unitDepCrossDomain from './unit-dep-cross-domain';
import unitDepMissingSuffix from './unit-dep-missing-suffix';
import unitDepUnknown from './unit-dep-unknown';
import boundaryHardDependency from './boundary-hard-dependency';
import socketBridgeRuntimeDirectory from './socket-bridge-runtime-directory';
import socketContextfromnetNoop from './socket-contextfromnet-noop';
import socketNotEnabled from './socket-not-enabled';
import serviceTypeInvalid from './service-type-invalid';
import serviceTypeRedundant from './service-type-redundant';
import serviceUserGroup from './service-user-group';

/** QM rules of this family (qm-rules §3.2); each rule lives in its own file next to this one. */
export const SOCKETS_RULES: readonly Rule[] = [
	socketActivationMissingRequires,
	socketServiceUnresolved,
	socketAcceptNontemplate,
	socketListenPath,
	socketQmInBridge,
	socketQmNestedClient,
	unitDepCrossDomain,
	unitDepMissingSuffix,
	unitDepUnknown,
	boundaryHardDependency,
	socketBridgeRuntimeDirectory,
	socketContextfromnetNoop,
	socketNotEnabled,
	serviceTypeInvalid,
	serviceTypeRedundant,
	serviceUserGroup,
];

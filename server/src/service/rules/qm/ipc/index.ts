import type { Rule } from '../../rule';
import ipcAsilQmOutsideBridge from './ipc-asil-qm-outside-bridge';
import ipcBridgeNotMountedIntoQm from './ipc-bridge-not-mounted-into-qm';
import ipcClientType from './ipc-client-type';
import ipcServerType from './ipc-server-type';
import ipcServerLevel from './ipc-server-level';
import ipcQmQmInBridge from './ipc-qm-qm-in-bridge';
import ipcPathNotMounted from './ipc-path-not-mounted';
import ipcLocalhostCrossing from './ipc-localhost-crossing';
import ipcNamespaceSharedHost from './ipc-namespace-shared-host';

/** QM rules of this family; each rule lives in its own file next to this one. */
export const IPC_RULES: readonly Rule[] = [
	ipcAsilQmOutsideBridge,
	ipcBridgeNotMountedIntoQm,
	ipcClientType,
	ipcServerType,
	ipcServerLevel,
	ipcQmQmInBridge,
	ipcPathNotMounted,
	ipcLocalhostCrossing,
	ipcNamespaceSharedHost,
];

import type { Rule } from '../../rule';
import volumeForbiddenSource from './volume-forbidden-source';
import volumeBroadRun from './volume-broad-run';
import volumeSocketFileBind from './volume-socket-file-bind';
import volumeRelabelShared from './volume-relabel-shared';
import volumeRelabelSystemDir from './volume-relabel-system-dir';
import volumeDeviceNode from './volume-device-node';
import volumeHostPathInQm from './volume-host-path-in-qm';
import volumeQmPathInAsil from './volume-qm-path-in-asil';
import volumeBoundaryRw from './volume-boundary-rw';
import volumePropagation from './volume-propagation';
import volumeChown from './volume-chown';
import volumeSourceMissing from './volume-source-missing';
import volumeRoClientHint from './volume-ro-client-hint';

/** QM rules of this family; each rule lives in its own file next to this one. */
export const VOLUMES_RULES: readonly Rule[] = [
	volumeForbiddenSource,
	volumeBroadRun,
	volumeSocketFileBind,
	volumeRelabelShared,
	volumeRelabelSystemDir,
	volumeDeviceNode,
	volumeHostPathInQm,
	volumeQmPathInAsil,
	volumeBoundaryRw,
	volumePropagation,
	volumeChown,
	volumeSourceMissing,
	volumeRoClientHint,
];

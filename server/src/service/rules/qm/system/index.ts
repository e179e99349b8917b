import type { Rule } from '../../rule';
import boundaryReadonly from './boundary-readonly';
import boundaryIdentity from './boundary-identity';
import boundaryResources from './boundary-resources';
import boundaryNetwork from './boundary-network';
import oomInvalid from './oom-invalid';
import oomBoundary from './oom-boundary';
import oomNestedBelowFloor from './oom-nested-below-floor';
import oomNestedBelowDefault from './oom-nested-below-default';
import oomAsilOrder from './oom-asil-order';
import networkNestedPrivate from './network-nested-private';
import networkNestedHostInfo from './network-nested-host-info';
import networkPublishIgnored from './network-publish-ignored';
import capNestedBroad from './cap-nested-broad';
import capNestedUnavailable from './cap-nested-unavailable';
import capBoundaryRestore from './cap-boundary-restore';
import privileged from './privileged';
import podmanargsBypass from './podmanargs-bypass';
import deviceForbidden from './device-forbidden';
import deviceBoundaryMandatory from './device-boundary-mandatory';
import deviceNotProvided from './device-not-provided';
import devicePreferAnnotation from './device-prefer-annotation';
import annotationInvalid from './annotation-invalid';
import seccompOverride from './seccomp-override';
import rtScheduling from './rt-scheduling';
import unmask from './unmask';
import sysctl from './sysctl';
import ulimitNested from './ulimit-nested';

/** QM rules of this family; each rule lives in its own file next to this one. */
export const SYSTEM_RULES: readonly Rule[] = [
	boundaryReadonly, boundaryIdentity, boundaryResources, boundaryNetwork,
	oomInvalid, oomBoundary, oomNestedBelowFloor, oomNestedBelowDefault, oomAsilOrder,
	networkNestedPrivate, networkNestedHostInfo, networkPublishIgnored,
	capNestedBroad, capNestedUnavailable, capBoundaryRestore, privileged, podmanargsBypass,
	deviceForbidden, deviceBoundaryMandatory, deviceNotProvided, devicePreferAnnotation, annotationInvalid,
	seccompOverride, rtScheduling, unmask, sysctl, ulimitNested,
];

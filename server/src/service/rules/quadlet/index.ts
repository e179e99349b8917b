import type { Rule } from '../rule';
import buildWorkingDirectory from './build-working-directory';
import conflictingKeys from './conflicting-keys';
import escapeSequence from './escape-sequence';
import keyRequiresKey from './key-requires-key';
import killMode from './kill-mode';
import kubeWorkingDirectory from './kube-working-directory';
import missingRequiredKey from './missing-required-key';
import mountFormat from './mount-format';
import networkContainerOptions from './network-container-options';
import podReference from './pod-reference';
import remapUsersValue from './remap-users-value';
import serviceType from './service-type';
import serviceUserGroup from './service-user-group';
import shortImageName from './short-image-name';
import unresolvedReference from './unresolved-reference';
import unresolvedResourceName from './unresolved-resource-name';

/** Rules that mirror the quadlet generator's refusals and warnings (quadlet-spec §8). */
export const GENERATOR_RULES: readonly Rule[] = [
	missingRequiredKey,
	conflictingKeys,
	keyRequiresKey,
	remapUsersValue,
	serviceType,
	killMode,
	unresolvedReference,
	podReference,
	networkContainerOptions,
	mountFormat,
	kubeWorkingDirectory,
	buildWorkingDirectory,
	unresolvedResourceName,
	serviceUserGroup,
	shortImageName,
	escapeSequence,
];

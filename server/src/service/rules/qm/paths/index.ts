import type { Rule } from '../../rule';
import domainUnknown from './domain-unknown';
import pathShadowedRootfs from './path-shadowed-rootfs';
import pathWrongUnitDir from './path-wrong-unit-dir';
import pathDropinNotSearched from './path-dropin-not-searched';
import boundaryShadowed from './boundary-shadowed';
import toplevelDropinAffectsQm from './toplevel-dropin-affects-qm';
import serviceDropinContainerSection from './service-dropin-container-section';

/** QM rules of this family; each rule lives in its own file next to this one. */
export const PATHS_RULES: readonly Rule[] = [
	domainUnknown, pathShadowedRootfs, pathWrongUnitDir, pathDropinNotSearched, boundaryShadowed,
	toplevelDropinAffectsQm, serviceDropinContainerSection,
];

import { hasExpansion } from './expansion';
import { show, whole, type ValueChecker } from './problem';

/**
 * `unit-ref` (Pod=): names another quadlet unit by file name. Quadlet rejects a name without one
 * of the allowed extensions ("pod x is not Quadlet based"); whether the file exists is another
 * rule's business.
 */
export const checkUnitRef: ValueChecker = (value, spec, key) => {
	const extensions = spec.references ?? [];
	if (value === '' || extensions.length === 0 || hasExpansion(value)) return [];
	if (extensions.some((ext) => value.endsWith(ext))) return [];
	// For quadlet keys (Pod=) the rule quadlet/pod-reference reports the generator's refusal.
	if (spec.lookup !== undefined) return [];
	const bySuffix = extensions.length === 1 ? `${value.replace(/\.[A-Za-z]+$/, '')}${extensions[0]}` : undefined;
	const generatorChecks = spec.lookup !== undefined;
	return [whole(generatorChecks ? 'error' : 'warning', value,
		`${show(key, value)} must name a quadlet unit file ending in ${extensions.join(' or ')}${generatorChecks ? '; the generator refuses the unit otherwise' : ''}.${bySuffix ? ` Did you mean ${bySuffix}?` : ''}`,
		bySuffix)];
};

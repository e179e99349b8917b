import { hasExpansion } from './expansion';
import { problem, show, whole, type ValueChecker } from './problem';

const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/**
 * `network-spec` (Network=): `MODE[:OPTIONS]`, `NAME.network[:OPTIONS]` or `NAME.container`.
 * Quadlet splits at the first colon; the `.container` form with options is a generator error.
 */
export const checkNetworkSpec: ValueChecker = (value, _spec, key) => {
	if (value === '' || hasExpansion(value)) return [];
	const colon = value.indexOf(':');
	const name = colon < 0 ? value : value.slice(0, colon);
	const options = colon < 0 ? undefined : value.slice(colon + 1);
	if (name.endsWith('.container')) {
		// Options here are the generator's refusal, reported by quadlet/network-container-options.
		return [];
	}
	if (name.endsWith('.network')) return [];
	switch (name) {
		case 'none':
		case 'host':
		case 'private':
			if (options !== undefined) {
				return [problem('warning', colon, value.length, `${show(key, value)}: network mode ${name} takes no options; podman will reject them.`, '')];
			}
			return [];
		case 'bridge':
		case 'slirp4netns':
		case 'pasta':
			return [];
		case 'container':
			return options ? [] : [whole('warning', value, `${show(key, value)}: container: needs the name or ID of a container, e.g. container:db. To join a quadlet container write ${key}=NAME.container.`)];
		case 'ns':
			return options?.startsWith('/') ? [] : [whole('warning', value, `${show(key, value)}: ns: needs the absolute path of a network namespace, e.g. ns:/run/netns/blue.`)];
		default:
			if (NETWORK_NAME.test(name)) return [];
			return [problem('warning', 0, name.length,
				`${show(key, value)}: "${name}" is neither a network mode nor a valid network name (letters, digits, _, . and -); podman will reject it.`)];
	}
};

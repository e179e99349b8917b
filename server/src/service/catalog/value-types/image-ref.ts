import { hasExpansion } from './expansion';
import { problem, show, type ValueChecker, type ValueProblem } from './problem';

/** containers/image transports that podman accepts in front of a reference. */
const TRANSPORTS = ['docker://', 'docker-archive:', 'oci-archive:', 'oci:', 'dir:', 'containers-storage:', 'docker-daemon:', 'sif:', 'ostree:'];

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::\\d+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

/**
 * The registry part, as distribution/reference decides it: the first component counts as a
 * domain when it has a dot or colon, is `localhost`, or has upper-case letters.
 */
function splitDomain(name: string): { domain?: string; path: string } {
	const slash = name.indexOf('/');
	if (slash < 0) return { path: name };
	const first = name.slice(0, slash);
	if (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase()) {
		return { domain: first, path: name.slice(slash + 1) };
	}
	return { path: name };
}

/**
 * `image-ref` / `artifact-ref`: `[REGISTRY/]PATH[:TAG][@DIGEST]`, an image ID, a transport
 * reference, or a quadlet `.image`/`.build` unit (resolved by another rule).
 */
export const checkImageRef: ValueChecker = (value, _spec, key) => {
	if (value === '' || hasExpansion(value)) return [];
	if (/\.(image|build)$/.test(value) || TRANSPORTS.some((t) => value.startsWith(t))) return [];
	if (/^(?:sha256:)?[a-f0-9]{64}$/.test(value)) return [];
	const shown = show(key, value);
	const space = value.search(/\s/);
	if (space >= 0) {
		return [problem('warning', space, space + 1, `${shown}: an image reference cannot contain spaces; podman will reject it.`)];
	}
	const at = value.indexOf('@');
	const nameAndTag = at < 0 ? value : value.slice(0, at);
	if (at >= 0 && !DIGEST.test(value.slice(at + 1))) {
		return [problem('warning', at + 1, value.length, `${shown}: "${value.slice(at + 1)}" is not a digest (ALGORITHM:HEX, e.g. sha256:...); podman will reject the reference.`)];
	}
	const lastSlash = nameAndTag.lastIndexOf('/');
	const colon = nameAndTag.indexOf(':', lastSlash + 1);
	const name = colon < 0 ? nameAndTag : nameAndTag.slice(0, colon);
	const out: ValueProblem[] = [];
	if (colon >= 0 && !TAG.test(nameAndTag.slice(colon + 1))) {
		out.push(problem('warning', colon + 1, nameAndTag.length,
			`${shown}: "${nameAndTag.slice(colon + 1)}" is not a valid tag (letters, digits, _, . and -, at most 128, not starting with . or -).`));
	}
	const { domain, path } = splitDomain(name);
	if (domain !== undefined && !DOMAIN.test(domain)) {
		out.push(problem('warning', 0, domain.length, `${shown}: "${domain}" is not a valid registry host name.`));
	}
	const pathStart = domain === undefined ? 0 : domain.length + 1;
	const components = path.split('/');
	if (path === '' || components.some((c) => !PATH_COMPONENT.test(c))) {
		const lowered = path.toLowerCase();
		const fixable = path !== lowered && lowered.split('/').every((c) => PATH_COMPONENT.test(c));
		out.push(problem('warning', pathStart, pathStart + path.length,
			fixable
				? `${shown}: repository names must be lower case; podman will reject "${path}".`
				: `${shown}: "${path}" is not a valid repository path (lower-case letters and digits, separated by ., _, __ or -, in /-separated parts).`,
			fixable ? lowered : undefined));
	}
	return out;
};

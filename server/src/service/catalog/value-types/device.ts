import { hasExpansion, startsWithExpansion } from './expansion';
import { problem, show, type ValueChecker, type ValueProblem } from './problem';

/** CDI device names: `vendor.com/class=name`. */
const CDI = /^[a-zA-Z0-9][a-zA-Z0-9._-]*\/[a-zA-Z0-9][a-zA-Z0-9._-]*=[a-zA-Z0-9_.:-]+$/;

/**
 * `device` (AddDevice=): `[-]HOST[:CONTAINER][:PERMISSIONS]` or a CDI name. The leading `-` is
 * quadlet's own ("only if the device exists"); PERMISSIONS is a combination of r, w and m.
 */
export const checkDevice: ValueChecker = (value, _spec, key) => {
	if (value === '') return [];
	const offset = value.startsWith('-') ? 1 : 0;
	const text = value.slice(offset);
	if (CDI.test(text) || startsWithExpansion(text)) return [];
	const parts = text.split(':');
	const out: ValueProblem[] = [];
	const shown = show(key, value);
	if (parts.length > 3) {
		return [problem('warning', 0, value.length, `${shown} has too many colons; write HOST_DEVICE[:CONTAINER_DEVICE][:PERMISSIONS].`)];
	}
	const [host = '', ...rest] = parts;
	if (!host.startsWith('/')) {
		out.push(problem('warning', offset, offset + host.length, `${shown}: the host device must be an absolute path such as /dev/fuse (or a CDI name such as nvidia.com/gpu=all); podman will reject it.`));
	}
	let at = offset + host.length + 1;
	for (const [i, p] of rest.entries()) {
		const isPerm = /^[rwm]+$/.test(p);
		const last = i === rest.length - 1;
		if (!(p.startsWith('/') || (last && isPerm)) && !hasExpansion(p)) {
			out.push(problem('warning', at, at + p.length, last
				? `${shown}: "${p}" is neither a container path nor permissions (a combination of r, w and m).`
				: `${shown}: the container device "${p}" must be an absolute path.`));
		}
		at += p.length + 1;
	}
	return out;
};

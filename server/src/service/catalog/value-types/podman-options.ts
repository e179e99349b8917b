import { closest } from '../../util/edit-distance';
import { hasExpansion, startsWithExpansion } from './expansion';
import { problem, show, whole, type ValueChecker, type ValueProblem } from './problem';

const SECRET_OPTIONS = ['type', 'target', 'uid', 'gid', 'mode', 'id', 'src', 'env', 'required'];

/** `secret-spec` (Secret=): `NAME[,OPTION=VALUE...]`, or `id=ID,src=PATH` for builds. */
export const checkSecretSpec: ValueChecker = (value, _spec, key) => {
	if (value === '' || hasExpansion(value)) return [];
	const out: ValueProblem[] = [];
	const shown = show(key, value);
	let at = 0;
	value.split(',').forEach((part, i) => {
		const eq = part.indexOf('=');
		const name = eq < 0 ? part : part.slice(0, eq);
		const span = (message: string, replacement?: string): void => {
			out.push(problem('warning', at, at + part.length, `${shown}: ${message}`, replacement));
		};
		if (i === 0 && eq < 0) {
			if (part === '') span('the secret name is missing; podman will reject it.');
		} else if (eq < 0) {
			span(`"${part}" is not OPTION=VALUE; podman will reject it.`);
		} else if (!SECRET_OPTIONS.includes(name)) {
			const guess = closest(name, SECRET_OPTIONS);
			span(`"${name}" is not a secret option podman knows (${SECRET_OPTIONS.join(', ')}).${guess ? ` Did you mean ${guess}?` : ''}`);
		} else if (name === 'type' && !['mount', 'env'].includes(part.slice(eq + 1))) {
			span('type= must be mount or env.');
		}
		at += part.length + 1;
	});
	return out;
};

/** `tmpfs-spec` (Tmpfs=): `CONTAINER_DIR[:OPTIONS]`, the directory absolute. */
export const checkTmpfsSpec: ValueChecker = (value, _spec, key) => {
	if (value === '') return [];
	const colon = value.indexOf(':');
	const dir = colon < 0 ? value : value.slice(0, colon);
	if (dir.startsWith('/') || startsWithExpansion(dir)) return [];
	return [problem('warning', 0, dir.length, `${show(key, value)}: the tmpfs mount point "${dir}" must be an absolute path inside the container; podman will reject it.`,
		dir === '' ? undefined : `/${dir}`)];
};

const USERNS_MODES = ['auto', 'host', 'keep-id', 'nomap', 'ns', 'container', 'private'];
const USERNS_OPTIONS: Readonly<Record<string, readonly string[]>> = {
	auto: ['uidmapping', 'gidmapping', 'size'],
	'keep-id': ['uid', 'gid', 'size'],
};

/** `userns-mode` (UserNS=): `MODE[:OPTIONS]`. */
export const checkUsernsMode: ValueChecker = (value, _spec, key) => {
	if (value === '' || hasExpansion(value)) return [];
	const colon = value.indexOf(':');
	const mode = colon < 0 ? value : value.slice(0, colon);
	const options = colon < 0 ? undefined : value.slice(colon + 1);
	const shown = show(key, value);
	if (!USERNS_MODES.includes(mode)) {
		const guess = closest(mode, USERNS_MODES);
		return [problem('warning', 0, mode.length,
			`${shown}: "${mode}" is not a user namespace mode podman knows; it will refuse to start the container. Write one of ${USERNS_MODES.join(', ')}.${guess ? ` Did you mean ${guess}?` : ''}`,
			guess)];
	}
	if ((mode === 'ns' || mode === 'container') && !options) {
		return [whole('warning', value, `${shown}: ${mode}: needs ${mode === 'ns' ? 'the path of a user namespace' : 'a container name or ID'} after the colon.`)];
	}
	const allowed = USERNS_OPTIONS[mode];
	if (options === undefined || mode === 'ns' || mode === 'container') return [];
	if (!allowed) return [problem('warning', colon, value.length, `${shown}: mode ${mode} takes no options; podman will reject them.`, '')];
	const out: ValueProblem[] = [];
	let at = colon + 1;
	for (const opt of options.split(',')) {
		const name = opt.split('=')[0] ?? '';
		if (!opt.includes('=') || !allowed.includes(name)) {
			out.push(problem('warning', at, at + opt.length, `${shown}: "${opt}" is not an option of ${mode}; podman accepts ${allowed.map((a) => `${a}=...`).join(', ')}.`));
		}
		at += opt.length + 1;
	}
	return out;
};

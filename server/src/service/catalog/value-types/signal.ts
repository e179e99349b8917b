import { closest } from '../../util/edit-distance';
import { show, whole, type ValueChecker } from './problem';

/** The names in podman's signal table (containers/common `signal.SignalMap`), without `SIG`. */
const SIGNALS = [
	'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL',
	'PIPE', 'POLL', 'PROF', 'PWR', 'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP',
	'TTIN', 'TTOU', 'URG', 'USR1', 'USR2', 'VTALRM', 'WINCH', 'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
];

function isRealtime(name: string): boolean {
	const m = /^RT(MIN\+|MAX-)(\d+)$/.exec(name);
	return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 15;
}

/** `signal`: a number 1-64 or a name, with or without `SIG`, in any case (podman upper-cases it). */
export const checkSignal: ValueChecker = (value, _spec, key) => {
	if (value === '') return [];
	if (/^\+?\d+$/.test(value)) {
		const n = Number(value);
		return n >= 1 && n <= 64 ? [] : [whole('warning', value, `${show(key, value)}: signal numbers go from 1 to 64; podman will reject ${value}.`)];
	}
	const name = value.toUpperCase().replace(/^SIG/, '');
	if (SIGNALS.includes(name) || isRealtime(name)) return [];
	const guess = closest(name, SIGNALS);
	const fix = guess !== undefined ? `SIG${guess}` : undefined;
	const hint = fix !== undefined ? ` Did you mean ${fix}?` : '';
	return [whole('warning', value, `${show(key, value)} is not a signal podman knows; it will be rejected. Write a name such as SIGTERM or SIGHUP, or a number.${hint}`, fix)];
};

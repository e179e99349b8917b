import { startsWithExpansion } from './expansion';
import { parseIPv4, parseIPv6 } from './net';
import { show, whole, type ValueChecker, type ValueProblem } from './problem';

const IGNORED = 'systemd ignores this line (a socket unit left with no Listen line fails to start)';

/** Listen keys that take a file-system path rather than a socket address. */
const PATH_KEYS = new Set(['ListenFIFO', 'ListenSpecial', 'ListenUSBFunction']);

function portOk(text: string): boolean {
	return /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 65535;
}

/** Why `text` is not an address systemd's `socket_address_parse` takes, or undefined if it is. */
function addressProblem(text: string): { why: string; fix?: string } | undefined {
	if (text.startsWith('/') || text.startsWith('@') || startsWithExpansion(text)) {
		return text.length > 108 ? { why: 'a socket path is limited to 108 bytes' } : undefined;
	}
	if (/^\d+$/.test(text)) return portOk(text) ? undefined : { why: 'port numbers go from 1 to 65535' };
	const vsock = /^vsock:(\d*):(\d+)$/.exec(text);
	if (vsock) return undefined;
	const v6 = /^\[([^\]%]+)(?:%[^\]]+)?\]:(\d+)$/.exec(text);
	if (v6) {
		const [, address = '', port = ''] = v6;
		if (!parseIPv6(address)) return { why: `"${address}" is not an IPv6 address` };
		return portOk(port) ? undefined : { why: 'port numbers go from 1 to 65535' };
	}
	const v4 = /^([^:%\s]+)(?:%[^:\s]+)?:(\d+)$/.exec(text);
	if (v4) {
		const [, host = '', port = ''] = v4;
		if (parseIPv4(host)) return portOk(port) ? undefined : { why: 'port numbers go from 1 to 65535' };
		if (host === 'localhost') return { why: 'systemd does not resolve host names', fix: `127.0.0.1:${port}` };
		return { why: `"${host}" is not an IP address (systemd does not resolve host names)` };
	}
	if (/^[^/\s]+\/[^\s]*$/.test(text) || /^\.\.?\//.test(text)) {
		return { why: 'a socket path must be absolute (%t/... is fine for the runtime directory)' };
	}
	return { why: 'expected a port, IP:PORT, [IPv6]:PORT, an absolute socket path, @abstract or vsock:CID:PORT' };
}

/**
 * `sd-listen` (ListenStream=, ListenDatagram=, ...): a socket address, or a path for the
 * FIFO/special-file keys. Empty resets the list.
 */
export const checkListen: ValueChecker = (value, _spec, key): ValueProblem[] => {
	if (value === '') return [];
	if (key === 'ListenNetlink') return [];
	if (PATH_KEYS.has(key) || key === 'ListenMessageQueue') {
		if (value.startsWith('/') || startsWithExpansion(value)) return [];
		return [whole('warning', value, `${show(key, value)}: ${key}= needs an absolute path; ${IGNORED}.`)];
	}
	const bad = addressProblem(value);
	if (!bad) return [];
	const hint = bad.fix ? ` Did you mean ${bad.fix}?` : '';
	return [whole('warning', value, `${show(key, value)} is not a listen address systemd accepts: ${bad.why}; ${IGNORED}.${hint}`, bad.fix)];
};

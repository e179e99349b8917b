import { show, whole, problem, type ValueChecker, type ValueProblem } from './problem';
import { findKeyword } from './spec-values';

export type IpFamily = 4 | 6;

export interface ParsedIp {
	family: IpFamily;
	/** 4 or 16 bytes, network order. */
	bytes: number[];
}

/** Dotted quad as Go's `net.ParseIP` takes it (no leading zeros since Go 1.17). */
export function parseIPv4(text: string): ParsedIp | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	const bytes: number[] = [];
	for (const part of parts) {
		if (!/^(?:0|[1-9]\d{0,2})$/.test(part)) return undefined;
		const n = Number(part);
		if (n > 255) return undefined;
		bytes.push(n);
	}
	return { family: 4, bytes };
}

/** The 16-bit group starting at byte `i`. */
function word(ip: ParsedIp, i: number): number {
	return (ip.bytes[i] ?? 0) * 256 + (ip.bytes[i + 1] ?? 0);
}

function parseGroups(text: string): number[] | undefined {
	if (text === '') return [];
	const groups = text.split(':');
	const out: number[] = [];
	for (const [i, g] of groups.entries()) {
		if (i === groups.length - 1 && g.includes('.')) {
			const v4 = parseIPv4(g);
			if (!v4) return undefined;
			out.push(word(v4, 0), word(v4, 2));
			continue;
		}
		if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
		out.push(parseInt(g, 16));
	}
	return out;
}

/** RFC 4291 text form, with an optional embedded IPv4 tail; zones (`%eth0`) are not addresses. */
export function parseIPv6(text: string): ParsedIp | undefined {
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const head = parseGroups(halves[0] ?? '');
	const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
	if (!head || !tail) return undefined;
	const missing = 8 - head.length - tail.length;
	if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
	const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
	return { family: 6, bytes: groups.flatMap((g) => [g >> 8, g & 0xff]) };
}

export function parseIP(text: string): ParsedIp | undefined {
	return text.includes(':') ? parseIPv6(text) : parseIPv4(text);
}

function formatIp(ip: ParsedIp): string {
	if (ip.family === 4) return ip.bytes.join('.');
	const groups: number[] = [];
	for (let i = 0; i < 16; i += 2) groups.push(word(ip, i));
	// Compress the longest run of two or more zero groups, as RFC 5952 asks.
	let best = -1;
	let bestLen = 1;
	for (let i = 0; i < 8;) {
		let j = i;
		while (j < 8 && groups[j] === 0) j++;
		if (j - i > bestLen) {
			best = i;
			bestLen = j - i;
		}
		i = j === i ? i + 1 : j;
	}
	const hex = groups.map((g) => g.toString(16));
	if (best < 0) return hex.join(':');
	return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

function compareIps(a: ParsedIp, b: ParsedIp): number {
	for (const [i, byte] of a.bytes.entries()) {
		const other = b.bytes[i] ?? 0;
		if (byte !== other) return byte - other;
	}
	return 0;
}

function notAnIp(value: string, key: string, family?: IpFamily): ValueProblem {
	const what = family === 4 ? 'an IPv4 address' : family === 6 ? 'an IPv6 address' : 'an IP address';
	const example = family === 6 ? 'fd00::10' : family === 4 ? '10.88.0.10' : '10.88.0.10 or fd00::10';
	return whole('warning', value, `${show(key, value)} is not ${what}; podman will reject it. Write e.g. ${example}.`);
}

/** `ip`: either family (DNS=, Gateway=), or a listed keyword such as `none`. */
export const checkIp: ValueChecker = (value, spec, key) => {
	if (value === '' || findKeyword(value, spec) !== undefined || parseIP(value)) return [];
	return [notAnIp(value, key)];
};

export const checkIPv4: ValueChecker = (value, spec, key) => {
	if (value === '' || findKeyword(value, spec) !== undefined || parseIPv4(value)) return [];
	if (parseIPv6(value)) {
		return [whole('warning', value, `${show(key, value)} is an IPv6 address, but ${key}= takes IPv4; podman will reject it. Put IPv6 addresses in ${key}6=.`)];
	}
	return [notAnIp(value, key, 4)];
};

export const checkIPv6: ValueChecker = (value, spec, key) => {
	if (value === '' || findKeyword(value, spec) !== undefined || parseIPv6(value)) return [];
	if (parseIPv4(value)) {
		const v4Key = key.endsWith('6') ? key.slice(0, -1) : 'the IPv4 key';
		return [whole('warning', value, `${show(key, value)} is an IPv4 address, but ${key}= takes IPv6; podman will reject it. Put IPv4 addresses in ${v4Key}=.`)];
	}
	return [notAnIp(value, key, 6)];
};

export interface ParsedCidr {
	ip: ParsedIp;
	prefix: number;
}

export function parseCidr(text: string): ParsedCidr | undefined {
	const slash = text.indexOf('/');
	if (slash < 0) return undefined;
	const ip = parseIP(text.slice(0, slash));
	const bits = text.slice(slash + 1);
	if (!ip || !/^(?:0|[1-9]\d{0,2})$/.test(bits)) return undefined;
	const prefix = Number(bits);
	if (prefix > (ip.family === 4 ? 32 : 128)) return undefined;
	return { ip, prefix };
}

function networkOf(cidr: ParsedCidr): ParsedIp {
	const bytes = cidr.ip.bytes.map((b, i) => {
		const keep = Math.max(0, Math.min(8, cidr.prefix - i * 8));
		return b & ((0xff << (8 - keep)) & 0xff);
	});
	return { family: cidr.ip.family, bytes };
}

/** `cidr`: `ADDRESS/PREFIX` (Subnet=). */
export const checkCidr: ValueChecker = (value, _spec, key) => {
	if (value === '') return [];
	const cidr = parseCidr(value);
	if (!cidr) {
		const hint = parseIP(value) ? ' The prefix length is missing.' : '';
		return [whole('warning', value, `${show(key, value)} is not a subnet in CIDR notation; podman will reject it. Write e.g. 10.89.0.0/24 or fd00:1::/64.${hint}`)];
	}
	const network = networkOf(cidr);
	if (compareIps(network, cidr.ip) !== 0) {
		const fixed = `${formatIp(network)}/${cidr.prefix}`;
		return [whole('hint', value, `${show(key, value)} has host bits set; the subnet it describes is ${fixed}. Writing that makes the intent clear.`, fixed)];
	}
	return [];
};

/** `ip-range`: a CIDR, or `START-END` of one family with START <= END (IPRange=). */
export const checkIpRange: ValueChecker = (value, _spec, key) => {
	if (value === '' || parseCidr(value)) return [];
	const dash = value.indexOf('-');
	if (dash > 0) {
		const from = parseIP(value.slice(0, dash));
		const to = parseIP(value.slice(dash + 1));
		if (from && to) {
			if (from.family !== to.family) {
				return [whole('warning', value, `${show(key, value)} mixes IPv4 and IPv6; podman will reject the range.`)];
			}
			if (compareIps(from, to) > 0) {
				return [whole('warning', value, `${show(key, value)}: the range ends before it starts; podman will reject it. Write the lower address first.`)];
			}
			return [];
		}
	}
	return [whole('warning', value, `${show(key, value)} is not an address range; podman will reject it. Write a CIDR such as 10.89.0.128/25, or FIRST-LAST such as 10.89.0.100-10.89.0.200.`)];
};

/** `host-ip` (AddHost=): `NAME[;NAME...]:IP` (or `NAME=IP`), IP may be `host-gateway`. */
export const checkHostIp: ValueChecker = (value, _spec, key) => {
	if (value === '') return [];
	const sep = value.search(/[:=]/);
	if (sep <= 0) {
		return [whole('warning', value, `${show(key, value)} is not HOSTNAME:IP; podman will reject it. Write e.g. ${key}=db.local:10.0.0.5.`)];
	}
	let ip = value.slice(sep + 1);
	const ipStart = sep + 1;
	if (ip === 'host-gateway') return [];
	if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
	if (parseIP(ip)) return [];
	return [problem('warning', ipStart, value.length, `${show(key, value)}: "${value.slice(ipStart)}" is not an IP address (or host-gateway); podman will reject it.`)];
};

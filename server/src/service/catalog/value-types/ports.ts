import { firstExpansion, hasExpansion } from './expansion';
import { parseIP } from './net';
import { problem, show, whole, type ValueChecker, type ValueProblem } from './problem';

/** Quadlet's `isPortRange`: Go `MatchString`, anchored only at the end. */
const QUADLET_EXPOSE = /\d+(-\d+)?(\/udp|\/tcp)?$/;

interface PortRange {
	first: number;
	last: number;
}

/** `N` or `N-M` with 1 <= N <= M <= 65535 (podman's `parseAndValidateRange`). */
function parseRange(text: string): PortRange | string {
	const m = /^(\d+)(?:-(\d+))?$/.exec(text);
	if (!m) return `"${text}" is not a port number or range`;
	const first = Number(m[1]);
	const last = m[2] === undefined ? first : Number(m[2]);
	if (first < 1 || first > 65535 || last < 1 || last > 65535) return `port numbers go from 1 to 65535`;
	if (last < first) return `the range ${text} ends before it starts`;
	return { first, last };
}

/**
 * `port-expose` (ExposeHostPort=). The generator trims the value and rejects it unless its tail
 * matches `\d+(-\d+)?(/udp|/tcp)?$`; podman then parses the whole text again when it starts.
 */
export const checkPortExpose: ValueChecker = (value, _spec, key) => {
	const lead = value.length - value.trimStart().length;
	const text = value.trim();
	if (text === '') return [];
	if (!QUADLET_EXPOSE.test(text)) {
		const expansion = firstExpansion(text);
		const why = expansion
			? ` Quadlet checks the text before systemd expands ${expansion.token}, so write the port literally.`
			: /\/sctp$/i.test(text)
				? ' Quadlet accepts only /tcp or /udp here; for SCTP use PodmanArgs=--expose=PORT/sctp.'
				: '';
		return [problem('error', lead, lead + text.length,
			`${show(key, value)} is rejected by the quadlet generator ("invalid port format"): the value must be PORT or FIRST-LAST, optionally followed by /tcp or /udp.${why}`)];
	}
	const m = /^(.*?)(?:\/(tcp|udp))?$/.exec(text);
	const range = parseRange(m?.[1] ?? text);
	if (typeof range === 'string') {
		const tailOnly = /\d+(-\d+)?(\/udp|\/tcp)?$/.exec(text);
		// Offer the tail only when what precedes it is clearly junk, not part of a number.
		const fix = tailOnly && tailOnly.index > 0 && /^[^\d-]+$/.test(text.slice(0, tailOnly.index)) ? tailOnly[0] : undefined;
		const extra = fix !== undefined ? ` Quadlet only checks the end of the value, so the unit converts, but podman will reject it when the container starts. Did you mean ${fix}?` : ' Podman will reject it when the container starts.';
		return [problem('warning', lead, lead + text.length, `${show(key, value)}: ${range}.${extra}`, fix)];
	}
	return [];
};

interface Field {
	text: string;
	start: number;
}

function fieldProblem(f: Field, message: string, replacement?: string): ValueProblem {
	return problem('warning', f.start, f.start + f.text.length, message, replacement);
}

/** Checks a port or range unless it holds a specifier or variable. */
function checkPortField(f: Field, label: string, value: string, key: string, allowEmpty: boolean): ValueProblem[] {
	if (hasExpansion(f.text)) return [];
	if (f.text === '') {
		return allowEmpty ? [] : [fieldProblem(f, `${show(key, value)}: the ${label} is missing; podman will reject it.`)];
	}
	const r = parseRange(f.text);
	return typeof r === 'string' ? [fieldProblem(f, `${show(key, value)}: ${r} (${label}); podman will reject it.`)] : [];
}

function rangeLength(text: string): number | undefined {
	if (hasExpansion(text)) return undefined;
	const r = parseRange(text);
	return typeof r === 'string' ? undefined : r.last - r.first + 1;
}

/**
 * `port-publish` (PublishPort=): `[[IP:][HOSTPORT]:]CONTAINERPORT[/PROTO]`, IPv6 in brackets.
 * Follows podman's `CreatePortBindings`: split the protocol at `/`, the bracketed IPv6 at `]`,
 * the rest at `:`. Parts holding `%x` or `${VAR}` are taken on trust.
 */
export const checkPortPublish: ValueChecker = (value, _spec, key) => {
	if (value === '') return [];
	const bad = (message: string): ValueProblem[] =>
		hasExpansion(value) ? [] : [whole('warning', value, `${show(key, value)}: ${message}; podman will reject it. Write [[IP:][HOST_PORT]:]CONTAINER_PORT[/tcp|/udp|/sctp], e.g. 127.0.0.1:8080:80.`)];
	const slashes = value.split('/');
	if (slashes.length > 2) return bad('the protocol can only be given once');
	const [rest = '', protocols] = slashes;
	const out: ValueProblem[] = [];
	if (protocols !== undefined) {
		const proto: Field = { text: protocols, start: rest.length + 1 };
		let at = proto.start;
		for (const p of proto.text.split(',')) {
			if (!['tcp', 'udp', 'sctp'].includes(p) && !hasExpansion(p)) {
				const lower = p.toLowerCase();
				const fix = ['tcp', 'udp', 'sctp'].includes(lower) ? lower : undefined;
				out.push(fieldProblem({ text: p, start: at }, `${show(key, value)}: "${p}" is not a protocol podman knows; write tcp, udp or sctp.`, fix));
			}
			at += p.length + 1;
		}
	}
	let ip: Field | undefined;
	let remainder: Field = { text: rest, start: 0 };
	const brackets = rest.split(']');
	if (brackets.length > 2) return bad('only one IPv6 address may be given');
	const [bracketed = '', afterBracket] = brackets;
	if (afterBracket !== undefined) {
		if (!bracketed.startsWith('[')) return bad('an IPv6 address must be enclosed in [ ]');
		if (!afterBracket.startsWith(':')) return bad('the IPv6 address must be followed by a colon');
		ip = { text: bracketed.slice(1), start: 1 };
		remainder = { text: afterBracket.slice(1), start: bracketed.length + 2 };
	}
	const parts = remainder.text.split(':');
	const fields: Field[] = [];
	let at = remainder.start;
	for (const p of parts) {
		fields.push({ text: p, start: at });
		at += p.length + 1;
	}
	let hostPort: Field | undefined;
	let containerPort: Field | undefined;
	if (fields.length === 1) {
		if (ip) return bad('with an IP address, both the host and the container port are needed');
		[containerPort] = fields;
	} else if (fields.length === 2) {
		[hostPort, containerPort] = fields;
	} else if (fields.length === 3 && !ip) {
		[ip, hostPort, containerPort] = fields;
	}
	if (!containerPort) {
		return bad(ip ? 'with an IPv6 address the form is [IPV6]:HOST_PORT:CONTAINER_PORT' : 'there are too many colons (IPv6 addresses need [ ])');
	}
	if (ip && ip.text !== '' && !hasExpansion(ip.text) && !parseIP(ip.text)) {
		out.push(fieldProblem(ip, `${show(key, value)}: "${ip.text}" is not an IP address; podman will reject it.`));
	}
	if (hostPort) out.push(...checkPortField(hostPort, 'host port', value, key, true));
	out.push(...checkPortField(containerPort, 'container port', value, key, false));
	if (hostPort && hostPort.text !== '') {
		const hostLen = rangeLength(hostPort.text);
		const ctrLen = rangeLength(containerPort.text);
		if (hostLen !== undefined && ctrLen !== undefined && hostLen !== ctrLen) {
			out.push(fieldProblem(hostPort, `${show(key, value)}: the host range has ${hostLen} port(s) but the container range has ${ctrLen}; podman will reject it.`));
		}
	}
	return out;
};

import fc from 'fast-check';

/** Line fragments that stress the unit-file grammar: headers, keys, continuations, quotes, specifiers. */
const FRAGMENTS = [
	'[Container]', '[Unit]', '[Service]', '[Install]', '[Socket]', '[Pod]', '[', ']', '[X-A]', '[]',
	'Image=quay.io/a/b:1', 'Image=', 'Volume=/run/ipc/:/run/ipc/:z', 'Volume=data.volume:/d', 'Pod=p.pod',
	'SecurityLabelLevel=s0:c1,c2', 'SecurityLabelType=qm_container_ipc_t', 'Requires=a.socket', 'After=a.socket',
	'Exec=/bin/sh -c "x"', 'Environment=A=1 "B=2 3"', 'ListenStream=%t/ipc/a.sock', 'PodmanArgs=--security-opt label=level:s0',
	'Mount=type=bind,src=/a,dst=/b', 'Network=x.container:opt', 'ReadOnly=maybe', 'Notify=healthy',
	'\\', ' \\', '#', ';', '## assert-key-is Unit X y', '%', '%%', '%t', '"', '\'', '=', '==', 'key', ' ', '\t',
	'\u0000', '\ufeff', '\ud800', '\ud83d\ude00', '\r', 'é', '\\x41', '\\q',
];

/** A random unit text made of the fragments above, joined by LF or CRLF. */
export const unitText = fc.array(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 4 }).map((parts) => parts.join('')), { maxLength: 40 })
	.chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

/** Any string, including lone surrogates and control characters. */
export const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 400 }), unitText);

/** Mutations of a real unit text: drop, duplicate or swap lines, cut at an offset, inject junk. */
export function mutated(base: string): fc.Arbitrary<string> {
	const lines = base.split('\n');
	return fc.array(fc.tuple(fc.nat(lines.length), fc.nat(lines.length), fc.constantFrom('drop', 'dup', 'swap', 'cut', 'inject')), { maxLength: 6 })
		.chain((ops) => fc.constantFrom(...FRAGMENTS).map((junk) => {
			const out = [...lines];
			for (const [i, j, op] of ops) {
				const a = i % Math.max(out.length, 1);
				const b = j % Math.max(out.length, 1);
				if (op === 'drop') out.splice(a, 1);
				else if (op === 'dup') out.splice(a, 0, out[a] ?? '');
				else if (op === 'swap') [out[a], out[b]] = [out[b] ?? '', out[a] ?? ''];
				else if (op === 'cut') out[a] = (out[a] ?? '').slice(0, b);
				else out.splice(a, 0, junk);
			}
			return out.join('\n');
		}));
}

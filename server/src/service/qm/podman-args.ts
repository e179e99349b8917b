/** Splitting of `PodmanArgs=` and `Mount=` values, keeping positions for precise ranges. */

export interface PodmanArg {
	flag: string;
	value: string;
	/** Index of the value in the original string. */
	valueIndex: number;
}

const TAKES_VALUE = new Set(['-v', '--volume', '--mount', '--security-opt', '--device', '--cap-add', '--cap-drop', '--network', '--net', '--ipc', '--pid', '--uts', '--cgroupns', '--userns', '--oom-score-adj', '--sysctl', '--ulimit', '--annotation', '--tmpfs', '--memory', '--device-cgroup-rule', '--label', '-e', '--env']);

interface Word { text: string; index: number }

/** Words of an exec-style value: whitespace separated, quotes removed (positions of the raw word). */
function words(value: string): Word[] {
	const out: Word[] = [];
	const re = /("[^"]*"|'[^']*'|\\.|[^\s"'\\])+/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(value)) !== null) out.push({ text: m[0].replace(/["']/g, ''), index: m.index });
	return out;
}

/** `--flag value`, `--flag=value` and boolean flags, in order. */
export function parsePodmanArgs(value: string): PodmanArg[] {
	const ws = words(value);
	const out: PodmanArg[] = [];
	for (let i = 0; i < ws.length; i++) {
		const w = ws[i];
		if (!w.text.startsWith('-')) continue;
		const eq = w.text.indexOf('=');
		if (eq > 0 && w.text.startsWith('--')) {
			out.push({ flag: w.text.slice(0, eq), value: w.text.slice(eq + 1), valueIndex: w.index + eq + 1 });
		} else if (TAKES_VALUE.has(w.text) && i + 1 < ws.length) {
			out.push({ flag: w.text, value: ws[i + 1].text, valueIndex: ws[i + 1].index });
			i++;
		} else {
			out.push({ flag: w.text, value: '', valueIndex: w.index + w.text.length });
		}
	}
	return out;
}

/** `type=bind,source=/a,destination=/b,ro` → field map with value positions. */
export function parseMountOptions(value: string): Map<string, { value: string; valueIndex: number }> {
	const out = new Map<string, { value: string; valueIndex: number }>();
	let index = 0;
	for (const part of value.split(',')) {
		const eq = part.indexOf('=');
		const key = (eq >= 0 ? part.slice(0, eq) : part).trim();
		if (key) out.set(key, { value: eq >= 0 ? part.slice(eq + 1) : '', valueIndex: index + (eq >= 0 ? eq + 1 : part.length) });
		index += part.length + 1;
	}
	return out;
}

/**
 * The `## assert-…` language of podman's quadlet e2e corpus (quadlet-spec §11.2): a parser
 * (shell words as go-shellwords splits them, `\n`/`\t` turned into newline/tab, `!` negation)
 * and an evaluator against a generated unit, the generator's messages and its symlinks.
 */
import { PODMAN_ARGS, splitWords } from '../../server/src/service/catalog/value-types/words';
import { UnitView } from '../../server/src/service/model/unit-view';
import { parseUnit } from '../../server/src/service/parser/parse-unit';

export interface Assertion {
	/** The line as written, without the leading "##". */
	source: string;
	negate: boolean;
	op: string;
	args: string[];
}

export interface AssertTarget {
	/** The generated unit text; undefined when the generator refused the unit. */
	text: string | undefined;
	/** Everything the generator printed (errors and warnings). */
	stderr: string;
	symlinks: readonly { link: string; target: string }[];
}

export interface Verdict {
	ok: boolean;
	/** Why it failed (for reports). */
	detail?: string;
}

/**
 * go-shellwords' Parse with default options: blanks separate words, '…' keeps everything,
 * "…" and bare text take `\x` as x, and an unquoted ; & | < > ends the line.
 */
export function shellWords(line: string): string[] {
	const words: string[] = [];
	let buf = '';
	let have = false;
	let escaped = false;
	let single = false;
	let double = false;
	for (const c of line) {
		if (escaped) { buf += c; escaped = false; have = true; continue; }
		if (c === '\\') {
			if (single) buf += c;
			else escaped = true;
			continue;
		}
		if (/\s/.test(c)) {
			if (single || double) buf += c;
			else if (have) { words.push(buf); buf = ''; have = false; }
			continue;
		}
		if (c === '"' && !single) { double = !double; have = true; continue; }
		if (c === "'" && !double) { single = !single; have = true; continue; }
		if (';&|<>'.includes(c) && !single && !double) break;
		buf += c;
		have = true;
	}
	if (have) words.push(buf);
	return words;
}

/** A `##` line as an assertion; undefined for lines that are not checks. */
export function parseAssertion(line: string): Assertion | undefined {
	const trimmed = line.trim();
	if (!trimmed.startsWith('##')) return undefined;
	const source = trimmed.slice(2).trim();
	const words = shellWords(source).map((w) => w.replace(/\\n/g, '\n').replace(/\\t/g, '\t'));
	if (words.length === 0) return undefined;
	let op = words[0];
	const negate = op.startsWith('!');
	if (negate) op = op.slice(1);
	return { source, negate, op, args: words.slice(1) };
}

/** Every assertion of a corpus file, in order. */
export function assertionsOf(text: string): Assertion[] {
	return text.split('\n').map(parseAssertion).filter((a): a is Assertion => a !== undefined);
}

const EXEC_KEYS: Record<string, string> = { '': 'ExecStart', 'pre-': 'ExecStartPre', 'stop-': 'ExecStop', 'stop-post-': 'ExecStopPost', 'reload-': 'ExecReload' };
const PODMAN_OP = /^assert-podman-(pre-|stop-post-|stop-|reload-)?(args|args-regex|global-args|global-args-regex|args-key-val|args-key-val-regex|global-args-key-val|global-args-key-val-regex|final-args|final-args-regex)$/;

export function evaluate(a: Assertion, t: AssertTarget): Verdict {
	const v = evaluateOp(a, t);
	if (!a.negate) return v;
	return v.ok ? { ok: false, detail: 'negated check holds' } : { ok: true };
}

function evaluateOp(a: Assertion, t: AssertTarget): Verdict {
	if (a.op === 'assert-failed') return { ok: true };
	if (a.op === 'assert-stderr-contains') return check(t.stderr.includes(a.args[0] ?? ''), `stderr: ${JSON.stringify(t.stderr)}`);
	if (a.op === 'assert-symlink') {
		const [link, target] = a.args;
		const found = t.symlinks.find((s) => s.link === link);
		return check(found?.target === target, found ? `links to ${found.target}` : `no link ${link}; have ${t.symlinks.map((s) => s.link).join(', ')}`);
	}
	if (t.text === undefined) return { ok: false, detail: 'no unit was generated' };
	const view = new UnitView({ path: 'generated.service', parsed: parseUnit(t.text) });
	const podman = PODMAN_OP.exec(a.op);
	if (podman) {
		const key = EXEC_KEYS[podman[1] ?? ''];
		const last = view.last('Service', key)?.entry.value;
		const args = last === undefined ? [] : splitWords(last, PODMAN_ARGS).words.map((w) => w.text);
		return podmanArgs(podman[2], a.args, args, `${key}=${last ?? '(none)'}`);
	}
	const [group, key, ...rest] = a.args;
	const all = view.lookupAll(group ?? '', key ?? '').map((e) => e.entry.value);
	const lastValue = view.last(group ?? '', key ?? '')?.entry.value;
	const detail = `${group} ${key} = ${JSON.stringify(all)}`;
	switch (a.op) {
		case 'assert-key-is': return check(sameList(all, rest), detail);
		case 'assert-key-is-regex': return check(all.length === rest.length && rest.every((r, i) => matches(r, all[i])), detail);
		case 'assert-key-is-empty': return check(all.length === 0, detail);
		case 'assert-has-key': return check(all.includes(rest[0]), detail);
		case 'assert-key-contains': return check(all.some((v) => v.includes(rest[0])), detail);
		case 'assert-key-not-contains': return check(!all.some((v) => v.includes(rest[0])), detail);
		case 'assert-last-key-contains': return check(lastValue !== undefined && lastValue.includes(rest[0]), `${group} ${key} last = ${JSON.stringify(lastValue)}`);
		case 'assert-last-key-not-contains': return check(lastValue === undefined || !lastValue.includes(rest[0]), `${group} ${key} last = ${JSON.stringify(lastValue)}`);
		case 'assert-last-key-is-regex': return check(lastValue !== undefined && matches(rest[0], lastValue), `${group} ${key} last = ${JSON.stringify(lastValue)}`);
		default: return { ok: false, detail: `Unsupported assertion ${a.op}` };
	}
}

function podmanArgs(kind: string, expected: string[], args: string[], detail: string): Verdict {
	const regex = kind.endsWith('-regex');
	const eq = (want: string, have: string) => (regex ? matches(want, have) : want === have);
	switch (kind.replace(/-regex$/, '')) {
		case 'args': return check(hasSublist(args, expected, eq), detail);
		case 'final-args': return check(expected.length <= args.length && expected.every((w, i) => eq(w, args[args.length - expected.length + i])), detail);
		case 'global-args': {
			const [sub, ...want] = expected;
			return check(hasSublist(globalPart(args, sub), want, eq), detail);
		}
		case 'args-key-val': return check(hasKeyVal(args, expected[0], expected[1], expected[2], regex), detail);
		case 'global-args-key-val': {
			const [sub, flag, sep, kv] = expected;
			return check(hasKeyVal(globalPart(args, sub), flag, sep, kv, regex), detail);
		}
		default: return { ok: false, detail: `Unsupported assertion ${kind}` };
	}
}

function check(ok: boolean, detail: string): Verdict {
	return ok ? { ok } : { ok, detail };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Go's regexp.MatchString (unanchored); a pattern JavaScript cannot compile never matches. */
function matches(pattern: string, value: string | undefined): boolean {
	if (value === undefined) return false;
	try {
		return new RegExp(pattern).test(value);
	} catch {
		return false;
	}
}

function hasSublist(list: readonly string[], sub: readonly string[], eq: (want: string, have: string) => boolean): boolean {
	if (sub.length === 0) return true;
	for (let i = 0; i + sub.length <= list.length; i++) if (sub.every((w, j) => eq(w, list[i + j]))) return true;
	return false;
}

/** The arguments before the first one equal to the subcommand. */
function globalPart(args: readonly string[], sub: string | undefined): string[] {
	const i = args.indexOf(sub ?? '');
	return i < 0 ? [...args] : args.slice(0, i);
}

function hasKeyVal(args: readonly string[], flag: string | undefined, sep: string | undefined, expected: string | undefined, regex: boolean): boolean {
	const want = keyValMap(expected ?? '', sep ?? ',');
	if (!want) return false;
	for (let i = 0; i + 1 < args.length; i++) {
		if (args[i] !== flag) continue;
		const have = keyValMap(args[i + 1], sep ?? ',');
		if (!have || have.size !== want.size) continue;
		if ([...want].every(([k, v]) => have.has(k) && (regex ? matches(v, have.get(k)) : have.get(k) === v))) return true;
	}
	return false;
}

/** One CSV record (Go's encoding/csv with the given separator) as key → value. */
export function keyValMap(text: string, sep: string): Map<string, string> | undefined {
	const fields = csvRecord(text, sep);
	if (!fields) return undefined;
	const map = new Map<string, string>();
	for (const f of fields) {
		const eq = f.indexOf('=');
		map.set(eq < 0 ? f : f.slice(0, eq), eq < 0 ? '' : f.slice(eq + 1));
	}
	return map;
}

function csvRecord(text: string, sep: string): string[] | undefined {
	const fields: string[] = [];
	let i = 0;
	for (;;) {
		let field = '';
		if (text[i] === '"') {
			i++;
			for (;;) {
				if (i >= text.length) return undefined;
				if (text[i] === '"') {
					if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
					i++;
					break;
				}
				field += text[i++];
			}
			if (i < text.length && text[i] !== sep) return undefined;
		} else {
			const end = text.indexOf(sep, i);
			field = text.slice(i, end < 0 ? text.length : end);
			if (field.includes('"')) return undefined;
			i = end < 0 ? text.length : end;
		}
		fields.push(field);
		if (i >= text.length) return fields;
		i++;
	}
}

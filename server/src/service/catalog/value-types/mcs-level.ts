import { hasExpansion } from './expansion';
import { problem, show, type ValueChecker, type ValueProblem } from './problem';

/** The targeted policy (and podman's category allocator) know categories c0..c1023 only. */
export const MCS_CATEGORY_MAX = 1023;

/** One side of a level: a sensitivity and a category set (sorted, no duplicates). */
export interface McsLevel {
	sensitivity: number;
	categories: number[];
}

export type McsIssueKind = 'syntax' | 'sensitivity' | 'category-range' | 'dominance';

export interface McsIssue {
	kind: McsIssueKind;
	/** Offsets into the parsed text. */
	start: number;
	end: number;
	message: string;
	/** Text that fixes `[start, end)`, when there is an obvious one. */
	replacement?: string;
}

export interface ParsedMcsLevel {
	/** The text follows `sens[:cats][-sens[:cats]]`; semantic issues may still exist. */
	wellFormed: boolean;
	low?: McsLevel;
	/** Only for a `low-high` range. */
	high?: McsLevel;
	issues: McsIssue[];
	/** The go-selinux spelling of the same level, when well formed. */
	canonical?: string;
}

class Scanner {
	pos = 0;
	constructor(readonly text: string, readonly base: number) {}
	peek(): string {
		return this.text[this.pos] ?? '';
	}
	number(): { value: number; start: number; end: number } | undefined {
		const m = /^(?:0|[1-9]\d*)/.exec(this.text.slice(this.pos));
		if (!m) return undefined;
		const start = this.base + this.pos;
		this.pos += m[0].length;
		// A leading zero followed by more digits is not a name the policy defines.
		if (/^\d/.test(this.peek())) return undefined;
		return { value: Number(m[0]), start, end: start + m[0].length };
	}
}

function parseSide(text: string, base: number, issues: McsIssue[]): McsLevel | undefined {
	const s = new Scanner(text, base);
	if (s.peek() !== 's') return undefined;
	s.pos++;
	const sens = s.number();
	if (!sens) return undefined;
	if (sens.value !== 0) {
		issues.push({
			kind: 'sensitivity', start: sens.start - 1, end: sens.end, replacement: 's0',
			message: `the targeted SELinux policy defines only sensitivity s0, not s${sens.value}`,
		});
	}
	const cats = new Set<number>();
	if (s.peek() === ':') {
		s.pos++;
		for (;;) {
			if (s.peek() !== 'c') return undefined;
			const itemStart = base + s.pos;
			s.pos++;
			const first = s.number();
			if (!first) return undefined;
			let last = first;
			if (s.peek() === '.') {
				s.pos++;
				if (s.peek() !== 'c') return undefined;
				s.pos++;
				const second = s.number();
				if (!second) return undefined;
				last = second;
			}
			const itemEnd = base + s.pos;
			for (const n of last === first ? [first] : [first, last]) {
				if (n.value > MCS_CATEGORY_MAX) {
					issues.push({
						kind: 'category-range', start: n.start - 1, end: n.end,
						message: `category c${n.value} does not exist; categories go from c0 to c${MCS_CATEGORY_MAX}`,
					});
				}
			}
			if (last !== first && first.value >= last.value) {
				const fixed = first.value === last.value ? `c${first.value}` : `c${last.value}.c${first.value}`;
				issues.push({
					kind: 'category-range', start: itemStart, end: itemEnd, replacement: fixed,
					message: `the category range c${first.value}.c${last.value} must go from low to high; the kernel rejects it`,
				});
			}
			const lo = Math.min(first.value, last.value);
			const hi = Math.min(Math.max(first.value, last.value), MCS_CATEGORY_MAX);
			for (let n = lo; n <= hi; n++) cats.add(n);
			if (s.peek() !== ',') break;
			s.pos++;
		}
	}
	if (s.pos !== text.length) return undefined;
	return { sensitivity: sens.value, categories: [...cats].sort((a, b) => a - b) };
}

/** go-selinux `bitsetToStr`: runs of three or more become `cN.cM`, pairs stay `cN,cM`. */
function formatCategories(categories: readonly number[]): string {
	const out: string[] = [];
	for (let i = 0; i < categories.length;) {
		let j = i;
		while (j + 1 < categories.length && categories[j + 1] === (categories[j] ?? -2) + 1) j++;
		if (j - i >= 2) out.push(`c${categories[i]}.c${categories[j]}`);
		else for (let k = i; k <= j; k++) out.push(`c${categories[k]}`);
		i = j + 1;
	}
	return out.join(',');
}

export function formatMcsLevel(level: McsLevel): string {
	return level.categories.length === 0
		? `s${level.sensitivity}`
		: `s${level.sensitivity}:${formatCategories(level.categories)}`;
}

/** `a` dominates `b`: sensitivity at least as high and a superset of the categories. */
export function mcsDominates(a: McsLevel, b: McsLevel): boolean {
	if (a.sensitivity < b.sensitivity) return false;
	const have = new Set(a.categories);
	return b.categories.every((c) => have.has(c));
}

function sameLevel(a: McsLevel, b: McsLevel): boolean {
	return mcsDominates(a, b) && mcsDominates(b, a);
}

/** Parses an MCS level or `low-high` range, collecting syntax and policy issues with offsets. */
export function parseMcsLevel(value: string): ParsedMcsLevel {
	const issues: McsIssue[] = [];
	const dash = value.indexOf('-');
	const lowText = dash < 0 ? value : value.slice(0, dash);
	const low = parseSide(lowText, 0, issues);
	const high = dash < 0 ? undefined : parseSide(value.slice(dash + 1), dash + 1, issues);
	if (!low || (dash >= 0 && !high)) {
		return {
			wellFormed: false,
			issues: [{ kind: 'syntax', start: 0, end: value.length, message: 'this is not an MCS level (expected s0, s0:c1,c2 or s0:c0.c1023)' }],
		};
	}
	if (high && !mcsDominates(high, low)) {
		issues.push({
			kind: 'dominance', start: 0, end: value.length,
			message: `in a range the high level must include the low one, but ${formatMcsLevel(high)} does not include ${formatMcsLevel(low)}`,
		});
	}
	const canonical = high && !sameLevel(low, high)
		? `${formatMcsLevel(low)}-${formatMcsLevel(high)}`
		: formatMcsLevel(low);
	return high ? { wellFormed: true, low, high, issues, canonical } : { wellFormed: true, low, issues, canonical };
}

/** The canonical spelling of a well-formed level; undefined when the text is not a level. */
export function canonicalMcsLevel(value: string): string | undefined {
	return parseMcsLevel(value).canonical;
}

const WHY = 'the container will not start with this label';

/** `mcs-level` (SecurityLabelLevel=): podman passes it through unchecked, so we check it. */
export const checkMcsLevel: ValueChecker = (value, _spec, key) => {
	if (value === '' || hasExpansion(value)) return [];
	const parsed = parseMcsLevel(value);
	if (!parsed.wellFormed) {
		const lowered = canonicalMcsLevel(value.toLowerCase().replace(/\s+/g, ''));
		const hint = lowered !== undefined ? ` Did you mean ${lowered}?` : '';
		return [problem('warning', 0, value.length,
			`${show(key, value)} is not an SELinux MCS level, so ${WHY}. Write s0, or s0 with categories such as s0:c1,c2.${hint}`, lowered)];
	}
	if (parsed.issues.length > 0) {
		return parsed.issues.map((i): ValueProblem =>
			problem('warning', i.start, i.end, `${show(key, value)}: ${i.message}, so ${WHY}.`, i.replacement));
	}
	if (parsed.canonical !== undefined && parsed.canonical !== value) {
		return [problem('hint', 0, value.length,
			`${show(key, value)} is usually written ${parsed.canonical} (sorted, no duplicates, ranges for three or more categories); the same spelling everywhere makes peers easy to compare.`,
			parsed.canonical)];
	}
	return [];
};

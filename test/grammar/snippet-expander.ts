/**
 * A small expander for VS Code snippet bodies (TextMate snippet syntax), enough to turn a snippet
 * into the text a user gets when accepting every default: `${1:default}` (nested), `${1|a,b|}`
 * (first choice), `$1`/`${1}` (the value given to placeholder 1 elsewhere), `$0`, variables
 * `$NAME` / `${NAME:default}`, and the escapes `\$`, `\}`, `\\`.
 */
export interface ExpandOptions {
	/** Values of snippet variables such as TM_FILENAME_BASE. Unknown variables use their default. */
	variables?: Record<string, string>;
}

type Node =
	| { kind: 'text'; text: string }
	| { kind: 'tabstop'; index: number; children?: Node[]; choices?: string[] }
	| { kind: 'variable'; name: string; children?: Node[] };

class Parser {
	private i = 0;
	constructor(private readonly s: string) {}

	parse(until?: string): Node[] {
		const out: Node[] = [];
		let text = '';
		const flush = () => { if (text) { out.push({ kind: 'text', text }); text = ''; } };
		while (this.i < this.s.length) {
			const c = this.s[this.i];
			if (until && c === until) break;
			if (c === '\\' && this.i + 1 < this.s.length && '$}\\'.includes(this.s[this.i + 1])) {
				text += this.s[this.i + 1];
				this.i += 2;
				continue;
			}
			if (c === '$') {
				const node = this.dollar();
				if (node) { flush(); out.push(node); continue; }
			}
			text += c;
			this.i++;
		}
		flush();
		return out;
	}

	private dollar(): Node | undefined {
		const rest = this.s.slice(this.i);
		let m = /^\$(\d+)/.exec(rest);
		if (m) { this.i += m[0].length; return { kind: 'tabstop', index: Number(m[1]) }; }
		m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
		if (m) { this.i += m[0].length; return { kind: 'variable', name: m[1] }; }
		m = /^\$\{(\d+)\}/.exec(rest);
		if (m) { this.i += m[0].length; return { kind: 'tabstop', index: Number(m[1]) }; }
		m = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(rest);
		if (m) {
			this.i += m[0].length;
			const choices = m[2].split(/(?<!\\),/).map((c) => c.replace(/\\(.)/g, '$1'));
			return { kind: 'tabstop', index: Number(m[1]), choices };
		}
		m = /^\$\{(\d+):/.exec(rest);
		if (m) {
			this.i += m[0].length;
			const children = this.parse('}');
			this.expect('}');
			return { kind: 'tabstop', index: Number(m[1]), children };
		}
		m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
		if (m) { this.i += m[0].length; return { kind: 'variable', name: m[1] }; }
		m = /^\$\{([A-Za-z_][A-Za-z0-9_]*):/.exec(rest);
		if (m) {
			this.i += m[0].length;
			const children = this.parse('}');
			this.expect('}');
			return { kind: 'variable', name: m[1], children };
		}
		return undefined;
	}

	private expect(c: string): void {
		if (this.s[this.i] !== c) throw new Error(`snippet syntax: expected "${c}" at ${this.i} in ${JSON.stringify(this.s)}`);
		this.i++;
	}
}

/** Parses a snippet body; throws on unbalanced `${…}`. */
export function parseSnippet(body: string): Node[] {
	return new Parser(body).parse();
}

/** Expands a snippet body (string or array of lines) with every placeholder at its default. */
export function expandSnippet(body: string | string[], options: ExpandOptions = {}): string {
	const nodes = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
	const values = new Map<number, string>();
	const render = (list: Node[]): string => list.map((n) => {
		if (n.kind === 'text') return n.text;
		if (n.kind === 'variable') {
			const v = options.variables?.[n.name];
			return v ?? (n.children ? render(n.children) : '');
		}
		if (n.index === 0) return n.children ? render(n.children) : '';
		if (n.choices) { const v = n.choices[0] ?? ''; if (!values.has(n.index)) values.set(n.index, v); return v; }
		if (n.children) { const v = render(n.children); if (!values.has(n.index)) values.set(n.index, v); return v; }
		return values.get(n.index) ?? `\u0000${n.index}\u0000`;
	}).join('');
	// Mirrors ($1) may appear before the placeholder that gives them a value: fill them in after.
	return render(nodes).replace(/\u0000(\d+)\u0000/g, (_, i: string) => values.get(Number(i)) ?? '');
}

/** Tab stop indexes and the placeholders that carry a default, for structural checks. */
export function tabstopsOf(body: string | string[]): { indexes: Set<number>; withDefault: Set<number> } {
	const indexes = new Set<number>();
	const withDefault = new Set<number>();
	const walk = (list: Node[]) => {
		for (const n of list) {
			if (n.kind === 'tabstop') {
				indexes.add(n.index);
				if (n.children || n.choices) withDefault.add(n.index);
			}
			if ('children' in n && n.children) walk(n.children);
		}
	};
	walk(parseSnippet(Array.isArray(body) ? body.join('\n') : body));
	return { indexes, withDefault };
}

/**
 * The generated service as podman's generator builds it: groups in stored order, lines in order
 * (comments kept), with the few edit operations quadlet uses (add, set, prepend, unset, rename).
 * Rendered the way podman writes a unit (quadlet-spec §2.5).
 */
import { escapeWords } from './cmdline';

export type UnitLine = { key: string; value: string } | { comment: string };

export interface UnitGroup {
	name: string;
	lines: UnitLine[];
}

/** Ordered `[group, [key, value][]][]`, the structured form of a generated unit. */
export type UnitSections = [string, [string, string][]][];

export class ServiceUnit {
	/** Comment lines before the first group. */
	readonly preamble: string[] = [];
	readonly groups: UnitGroup[] = [];

	group(name: string): UnitGroup {
		let g = this.groups.find((x) => x.name === name);
		if (!g) {
			g = { name, lines: [] };
			this.groups.push(g);
		}
		return g;
	}

	findGroup(name: string): UnitGroup | undefined {
		return this.groups.find((x) => x.name === name);
	}

	add(group: string, key: string, value: string): void {
		this.group(group).lines.push({ key, value });
	}

	/** A podman command line, each word quoted as systemd needs it. */
	addCmdline(group: string, key: string, args: readonly string[]): void {
		this.add(group, key, escapeWords(args));
	}

	/** Inserts before every other line of the group. */
	prepend(group: string, key: string, value: string): void {
		this.group(group).lines.unshift({ key, value });
	}

	/** Replaces the value of the last occurrence, or appends the key. */
	set(group: string, key: string, value: string): void {
		const lines = this.group(group).lines;
		for (let i = lines.length - 1; i >= 0; i--) {
			const l = lines[i];
			if ('key' in l && l.key === key) {
				lines[i] = { key, value };
				return;
			}
		}
		lines.push({ key, value });
	}

	unset(group: string, key: string): void {
		const g = this.findGroup(group);
		if (g) g.lines = g.lines.filter((l) => !('key' in l) || l.key !== key);
	}

	has(group: string, key: string): boolean {
		return this.values(group, key).length > 0;
	}

	/** Every value of the key, raw and in order (no reset semantics). */
	values(group: string, key: string): string[] {
		const g = this.findGroup(group);
		if (!g) return [];
		const out: string[] = [];
		for (const l of g.lines) if ('key' in l && l.key === key) out.push(l.value);
		return out;
	}

	last(group: string, key: string): string | undefined {
		const v = this.values(group, key);
		return v.length ? v[v.length - 1] : undefined;
	}

	/** Renames a group; merged into an existing group of the new name. */
	rename(from: string, to: string): void {
		const g = this.findGroup(from);
		if (!g) return;
		const target = this.findGroup(to);
		if (target && target !== g) {
			target.lines.push(...g.lines);
			this.groups.splice(this.groups.indexOf(g), 1);
		} else {
			g.name = to;
		}
	}

	sections(): UnitSections {
		return this.groups.map((g) => [g.name, g.lines.flatMap((l): [string, string][] => ('key' in l ? [[l.key, l.value]] : []))]);
	}

	/** The unit text: comments before the first group, then groups separated by a blank line. */
	render(): string {
		const parts: string[] = [];
		if (this.preamble.length) parts.push(this.preamble.join('\n'));
		for (const g of this.groups) {
			const body = g.lines.map((l) => ('key' in l ? `${l.key}=${l.value}` : l.comment));
			parts.push([`[${g.name}]`, ...body].join('\n'));
		}
		return parts.length ? `${parts.join('\n\n')}\n` : '';
	}
}

/**
 * The part of the conversion every unit type shares (quadlet-spec §5): copy every section of
 * the unit (drop-ins merged), rewrite [Unit] dependencies on quadlet files to service names,
 * add the default network dependency, SourcePath= and RequiresMountsFor=, and rename the
 * primary section to X-<Group>.
 */
import { PODMAN_STRV, splitWords } from '../catalog/value-types/words';
import type { ViewSource } from '../model/unit-view';
import { DEPENDENCY_KEYS } from '../rules/quadlet/unit-refs';
import { extensionOf, isQuadletKind } from '../unit-path';
import type { UnitKind } from '../catalog/catalog-schema';
import { fail, type GenContext } from './context';
import { Reader } from './reader';
import type { ServiceUnit } from './unit-file';

/**
 * Copies groups and lines in podman's order: the main file, then each drop-in appended. Comments
 * are kept where they stand (comments before the first group only from the main file); comment
 * lines inside a continued value are dropped as podman drops them.
 */
export function copySources(out: ServiceUnit, sources: readonly ViewSource[]): void {
	sources.forEach((src, index) => {
		const { parsed } = src;
		const comments = parsed.comments.filter((c) => !c.insideContinuation);
		const firstSection = parsed.sections[0]?.start ?? Infinity;
		if (index === 0) for (const c of comments) if (c.start < firstSection) out.preamble.push(c.text);
		for (const section of parsed.sections) {
			const group = out.group(section.name);
			const items: { at: number; line: ServiceUnit['groups'][number]['lines'][number] }[] = [];
			for (const e of section.entries) items.push({ at: e.start, line: { key: e.key, value: e.value } });
			for (const c of comments) if (c.start > section.end && c.start < section.bodyEnd) items.push({ at: c.start, line: { comment: c.text } });
			items.sort((a, b) => a.at - b.at);
			for (const it of items) group.lines.push(it.line);
		}
	});
}

/**
 * [Unit] dependency keys: every word naming a quadlet file becomes that unit's service; when a
 * key had such a word, its lines are replaced by one line with the rewritten list.
 */
export function translateDependencies(ctx: GenContext): void {
	for (const key of DEPENDENCY_KEYS) {
		const values = ctx.out.values('Unit', key);
		if (values.length === 0) continue;
		let words: string[] = [];
		for (const v of values) {
			if (v === '') words = [];
			else words.push(...splitWords(v, PODMAN_STRV).words.map((w) => w.text));
		}
		let changed = false;
		const rewritten = words.map((w) => {
			if (!isQuadletKind(extensionOf(w.slice(w.lastIndexOf('/') + 1)) as UnitKind)) return w;
			const target = ctx.resolver.find(w);
			if (!target) fail(`unable to translate dependency for ${w}`);
			changed = true;
			return ctx.resolver.serviceName(target);
		});
		if (!changed) continue;
		ctx.out.unset('Unit', key);
		ctx.out.add('Unit', key, rewritten.join(' '));
	}
}

/** Wants=/After= the network-online target (root) or podman's user wait service (rootless). */
export function addDefaultDependencies(ctx: GenContext): void {
	if (new Reader(ctx.view, 'Quadlet').bool('DefaultDependencies') === false) return;
	const target = ctx.options.user ? 'podman-user-wait-network-online.service' : 'network-online.target';
	ctx.out.prepend('Unit', 'After', target);
	ctx.out.prepend('Unit', 'Wants', target);
}

/** SourcePath= and RequiresMountsFor=%t/containers, then [X-<Group>] and [X-Quadlet]. */
export function finishUnitSection(ctx: GenContext, primary: string): void {
	ctx.out.add('Unit', 'SourcePath', ctx.file.path);
	ctx.out.add('Unit', 'RequiresMountsFor', '%t/containers');
	ctx.out.rename(primary, `X-${primary}`);
	ctx.out.rename('Quadlet', 'X-Quadlet');
}

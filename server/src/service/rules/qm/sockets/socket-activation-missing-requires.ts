import type { Fix } from '../../../types';
import { deniedNestedUses, dependencyWords, PULL_KEYS, socketNames, socketTarget, type DepWord } from '../../../qm/sockets-index';
import { inherit, type QmModel, type QmUnit } from '../../../qm/model';
import { sameItems } from '../../../util/same-items';
import { defineRule, type RuleContext } from '../../rule';
import { entryRange, eolOf, headerIn, knownDomain, rangeIn, relatedUnit } from './support';

/**
 * Diagnostic: qm/socket-activation-missing-requires
 * A socket unit activates this container's service, but the container does not pull the socket
 * in (Requires=/Wants=/BindsTo= or [Service] Sockets=). Started directly (at boot through
 * [Install], or with systemctl start) while the socket is not listening, the container gets no
 * file descriptors: the server then creates its own socket with the container's label and level,
 * or fails. This is the "container started before its socket" problem of qm-rules §3.2. A
 * missing After= alone is only a hint: systemd orders a socket before the service it activates.
 */
export default defineRule({
	id: 'qm/socket-activation-missing-requires',
	defaultSeverity: 'warning',
	title: 'Socket-activated container does not require its socket',
	why: 'Started without its socket (boot via [Install], systemctl start), the container receives no socket: the application creates its own socket with the wrong label/level or fails. Podman\'s socket-activation tutorial and the QM docs pair Requires= with After=.',
	fix: 'Add Requires=<name>.socket and After=<name>.socket to [Unit] (the quick fix does it), or claim the socket with [Service] Sockets=.',
	appliesTo: (ctx) => knownDomain(ctx) && (ctx.kind === 'container' || ctx.kind === 'kube'),
	check(ctx) {
		const unit = ctx.qmUnit();
		if (!unit || unit.file.path !== ctx.path) return;
		const model = ctx.qm();
		const deps = dependencyWords(unit.view);
		for (const { socket, target } of socketsTargeting(model).get(unit) ?? []) {
			if (target.accept) continue;
			const names = socketNames(socket);
			if (unit.claimsSockets.some((s) => names.includes(s))) continue;
			const pulls = deps.filter((d) => PULL_KEYS.has(d.key) && names.includes(d.name));
			const after = deps.filter((d) => d.key === 'After' && names.includes(d.name));
			if (pulls.length && after.length) continue;
			// A QM socket that nested clients may not use is to be deleted (qm/socket-qm-nested-client).
			if (deniedNestedUses(model, socket).length) continue;
			report(ctx, unit, socket, target.name, pulls, after);
		}
	},
});

const targetingCache = new WeakMap<QmModel, Map<QmUnit, { socket: QmUnit; target: ReturnType<typeof socketTarget> }[]>>();

/** For each unit, the sockets that activate it: computed once per model instead of per file. */
function socketsTargeting(model: QmModel): Map<QmUnit, { socket: QmUnit; target: ReturnType<typeof socketTarget> }[]> {
	let map = targetingCache.get(model);
	if (map) return map;
	// Typing in a container does not change which sockets activate what: carry the map over and
	// put the edited units in place of their predecessors.
	map = inherit(model, targetingCache, (a, b) => a.kind !== 'socket' && b.kind !== 'socket' && sameItems(a.claimsSockets, b.claimsSockets));
	if (map) {
		for (const [before, after] of model.delta!.swaps) {
			const list = map.get(before);
			if (!list) continue;
			map.delete(before);
			map.set(after, list);
			for (const { target } of list) target.units = target.units.map((u) => (u === before ? after : u));
		}
		targetingCache.set(model, map);
		return map;
	}
	map = new Map();
	for (const socket of model.units) {
		if (socket.kind !== 'socket') continue;
		const target = socketTarget(model, socket);
		for (const u of target.units) {
			const list = map.get(u) ?? [];
			list.push({ socket, target });
			map.set(u, list);
		}
	}
	targetingCache.set(model, map);
	return map;
}

function report(ctx: RuleContext, unit: QmUnit, socket: QmUnit, service: string, pulls: DepWord[], after: DepWord[]): void {
	const s = socket.fileName;
	const related = [relatedUnit(socket, `${s} activates ${service}, the service of ${unit.fileName}`, 'Socket')];
	if (!pulls.length) {
		const missing = after.length ? [`Requires=${s}`] : [`Requires=${s}`, `After=${s}`];
		const here = after.find((d) => d.at.path === ctx.path);
		const range = here ? rangeIn(here.at, here.index, here.length) : headerIn(ctx, 'Unit');
		ctx.report({
			...range,
			message: `${s} starts ${service} when a client connects, but ${unit.fileName} does not require the socket (no Requires=, Wants= or BindsTo= on ${s}, and no [Service] Sockets=${s}). When the container is started on its own, at boot through [Install] or with systemctl start, while ${s} is not listening, systemd hands it no socket: the server then creates the socket itself, with the container's SELinux label and level instead of the socket unit's, or fails. Add ${missing.join(' and ')} to [Unit].`,
			related,
			fixes: [addUnitLines(ctx, missing)],
		});
		return;
	}
	const here = pulls.find((d) => d.at.path === ctx.path);
	const range = here ? { ...entryRange(here.at) } : headerIn(ctx, 'Unit');
	ctx.report({
		...range,
		severity: 'hint',
		message: `${unit.fileName} requires ${s} (${pulls[0].key}=) but has no After=${s}. systemd already starts a socket before the service it activates, so this only makes the order explicit, as podman's socket-activation tutorial does: add After=${s}.`,
		related,
		fixes: [addUnitLines(ctx, [`After=${s}`])],
	});
}

/**
 * Adds lines at the end of the file's [Unit] section, or a new [Unit] section before the first
 * section when the file has none (after the file's leading comments, before the comments that
 * belong to the first section).
 */
export function addUnitLines(ctx: RuleContext, lines: string[]): Fix {
	const eol = eolOf(ctx.text);
	const title = `Add ${lines.join(' and ')} to [Unit]`;
	const units = ctx.parsed.sections.filter((x) => x.name === 'Unit');
	const unitSection = units[units.length - 1];
	if (unitSection) {
		const lastEntry = unitSection.entries[unitSection.entries.length - 1];
		const after = ctx.parsed.lines[lastEntry ? lastEntry.lastLine : unitSection.line];
		const body = lines.join(eol);
		const edit = after.next > after.end
			? { start: after.next, end: after.next, newText: `${body}${eol}` }
			: { start: after.end, end: after.end, newText: `${eol}${body}` };
		return { title, edits: [edit], isPreferred: true };
	}
	const first = ctx.parsed.sections[0];
	const block = ['[Unit]', ...lines].join(eol) + eol;
	if (!first) {
		const text = ctx.text;
		const sep = text.length === 0 || /\n\s*\n$/.test(text) ? '' : text.endsWith('\n') ? eol : eol + eol;
		return { title, edits: [{ start: text.length, end: text.length, newText: sep + block }], isPreferred: true };
	}
	// Comment lines glued to the first header describe that section: keep them with it, unless
	// they start the file (a file header or the "# qm-domain:" directive stays on top).
	let line = first.line;
	while (line > 0 && ctx.parsed.lines[line - 1].kind === 'comment') line--;
	if (line === 0) line = first.line;
	const at = ctx.parsed.lines[line].start;
	return { title, edits: [{ start: at, end: at, newText: block + eol }], isPreferred: true };
}

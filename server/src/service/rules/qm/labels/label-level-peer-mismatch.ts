import { categoriesInUse, effectiveOccurrence, hasExpansion, sameLevel, STACK_TYPES, unusedPair } from '../../../qm/labels';
import type { QmUnit } from '../../../qm/model';
import { peersOf, type PeerEvidence, type PeerLink } from '../../../qm/peers';
import type { Fix, RelatedLocation } from '../../../types';
import { defineRule, type RuleContext } from '../../rule';
import { inDomain } from '../support';
import { fileNameOf, insertInContainer, replaceValueFix, setLevelEdits, setLevelFix } from './support';

/**
 * Diagnostic: qm/label-level-peer-mismatch
 * Two nested QM containers talk over a shared socket or file (see qm/peers.ts) but do not run at
 * the same SELinux level. Nested QM types are MCS-constrained: a process can only connect to a
 * socket or write a file whose level it dominates, so peers with different (or random) category
 * pairs cannot reach each other. QM's own IPC example gives both sides SecurityLabelLevel=s0:c1,c2.
 */
export default defineRule({
	id: 'qm/label-level-peer-mismatch',
	defaultSeverity: 'error',
	title: 'IPC peers in QM run at different SELinux levels',
	why: 'Nested QM container types are MCS-constrained: connecting to a socket or writing a file needs a level that dominates it. Peers with different levels — or without SecurityLabelLevel=, which gives each a random pair — cannot talk (podman#8216); QM\'s IPC example sets the same level on both sides.',
	fix: 'Set the same SecurityLabelLevel=s0:cN,cM on both containers (the quick fix copies the peer\'s value or picks an unused pair), or put both in one pod with Pod=.',
	appliesTo: (ctx) => inDomain(ctx, 'qm') && ctx.kind === 'container',
	check(ctx) {
		const unit = ctx.qmUnit();
		if (!unit || unit.kind !== 'container') return;
		const model = ctx.qm();
		const mine = levelOf(unit);
		if (mine === null) return;
		const bad = peersOf(model, unit).filter((l) => l.evidence.length > 0 && !l.sameLabel && !bothStack(l) && mismatch(mine, levelOf(l.peer)));
		if (bad.length === 0) return;

		// The line that must change: the effective level, or the [Container] header when there is none.
		const eff = effectiveOccurrence(unit, 'level');
		let start: number;
		let end: number;
		if (eff) {
			if (eff.path !== ctx.path) return;
			start = eff.start; end = eff.end;
			if (end === start) { start = eff.entry.keyStart; end = eff.entry.valueEnd; }
		} else {
			if (unit.file.path !== ctx.path) return;
			const header = [...ctx.parsed.sections].reverse().find((s) => s.name === 'Container');
			if (!header) return;
			start = header.start; end = header.end;
		}

		const related: RelatedLocation[] = [];
		const parts: string[] = [];
		for (const l of bad) {
			const peerLevel = levelOf(l.peer);
			const ev = l.evidence[0];
			parts.push(`${l.peer.fileName} (${describe(ev)}) ${peerLevel ? `runs at ${peerLevel}` : 'has no SecurityLabelLevel= either'}`);
			const peerEff = effectiveOccurrence(l.peer, 'level');
			related.push(peerEff
				? { path: peerEff.path, start: peerEff.start, end: Math.max(peerEff.end, peerEff.start), message: `the level of ${l.peer.fileName}` }
				: { path: ev.there.path, start: ev.there.start, end: ev.there.end, message: `${l.peer.fileName} shares ${ev.shared} here and has no SecurityLabelLevel=` });
			if (ev.here.path !== ctx.path || ev.here.start !== start) related.push({ path: ev.here.path, start: ev.here.start, end: ev.here.end, message: `this container shares ${ev.shared} with ${l.peer.fileName}` });
		}
		const peers = bad.length > 1 ? 'its IPC peers' : 'its IPC peer';
		const message = (mine
			? `SecurityLabelLevel=${mine} is not the level of ${peers}: ${parts.join('; ')}.`
			: `This container has no SecurityLabelLevel=, so podman gives it a random category pair that ${peers} cannot match: ${parts.join('; ')}.`)
			+ ' Nested QM types are MCS-constrained: a container can only connect to sockets and write files at levels it dominates, so these containers cannot talk. Give them the same SecurityLabelLevel=s0:cN,cM, or put them in one pod (Pod=).';

		ctx.report({ start, end, message, related, fixes: fixesFor(ctx, unit, bad, mine) });
	},
});

/** Effective explicit level (trimmed), undefined when absent/empty, null when not literal. */
function levelOf(u: QmUnit): string | undefined | null {
	const v = u.label.level?.value.trim();
	if (!v) return undefined;
	return hasExpansion(v) ? null : v;
}

function mismatch(a: string | undefined, b: string | undefined | null): boolean {
	if (b === null) return false;
	return a === undefined || b === undefined || !sameLevel(a, b);
}

/** Both run a GUI/VM stack type: they talk through QM systemd sockets, created by qm_t at s0. */
function bothStack(l: PeerLink): boolean {
	const t = (u: QmUnit) => u.label.type?.value.trim() ?? '';
	return STACK_TYPES.has(t(l.unit)) && STACK_TYPES.has(t(l.peer));
}

function describe(ev: PeerEvidence): string {
	switch (ev.reason) {
		case 'socket-path': return `both use the socket ${ev.shared}`;
		case 'run-mount': return `both mount ${ev.shared}`;
		case 'named-volume': return `both mount the volume ${ev.shared}`;
		case 'dependency-mount': return `depends on it and both mount ${ev.shared}`;
	}
}

function fixesFor(ctx: RuleContext, unit: QmUnit, bad: PeerLink[], mine: string | undefined): Fix[] {
	const fixes: Fix[] = [];
	const seen = new Set<string>();
	// Copy a peer's level here.
	for (const l of bad) {
		const peerLevel = levelOf(l.peer);
		if (!peerLevel || seen.has(peerLevel)) continue;
		seen.add(peerLevel);
		const eff = effectiveOccurrence(unit, 'level');
		if (eff && eff.path === ctx.path) fixes.push(replaceValueFix(eff, peerLevel, `Use ${fileNameOf(l.peer.file.path)}'s level ${peerLevel}`, fixes.length === 0));
		else if (!eff && unit.file.path === ctx.path) {
			fixes.push({ title: `Add SecurityLabelLevel=${peerLevel} (the level of ${l.peer.fileName})`, edits: [insertInContainer(ctx.parsed, `SecurityLabelLevel=${peerLevel}`)], isPreferred: fixes.length === 0 });
		}
	}
	// This container has a level, peers without one: give them ours.
	const without = bad.filter((l) => levelOf(l.peer) === undefined).map((l) => l.peer);
	if (mine && without.length) {
		const otherFiles = without.map((p) => setLevelEdits(p, mine));
		fixes.push({ title: `Add SecurityLabelLevel=${mine} to ${without.map((p) => p.fileName).join(', ')}`, edits: [], otherFiles, isPreferred: fixes.length === 0 });
	}
	// Nobody has a level: one unused pair for all of them.
	if (!mine && without.length === bad.length) {
		const domainUnits = ctx.qm().units.filter((u) => u.domain.domain === 'qm' && u.kind === 'container');
		const pair = unusedPair(categoriesInUse(domainUnits));
		fixes.push(setLevelFix(ctx, [unit, ...without], pair, `Set the unused pair SecurityLabelLevel=${pair} here and in ${without.map((p) => p.fileName).join(', ')}`, fixes.length === 0));
	}
	return fixes;
}

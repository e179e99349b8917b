import { isTrue } from '../../../model/unit-view';
import { hasExpansion, levelInfo, unitLabelOccurrences, type LabelOccurrence } from '../../../qm/labels';
import type { QmUnit } from '../../../qm/model';
import type { Finding } from '../../rule';
import { defineRule } from '../../rule';
import { insertInContainer, keyOf, removeFix, replaceValueFix, shown } from './support';

/**
 * Diagnostic: qm/boundary-security-override
 * The effective qm.container (vendor file + drop-ins) does not carry QM's SELinux binding:
 * SecurityLabelType=qm_t, SecurityLabelFileType=qm_file_t, SecurityLabelLevel=s0 and
 * SecurityLabelNested=true. Those four keys tie the partition to QM's policy (qm.te, qm.if).
 * SecurityLabelDisable=true on the boundary is reported by qm/label-disable.
 */
export default defineRule({
	id: 'qm/boundary-security-override',
	defaultSeverity: 'error',
	title: 'QM partition SELinux binding overridden or missing',
	why: 'qm.container binds the partition to QM\'s policy with SecurityLabelType=qm_t, SecurityLabelFileType=qm_file_t, SecurityLabelLevel=s0 and SecurityLabelNested=true; changing them breaks the confinement or the labelling of nested containers. A missing or false SecurityLabelNested is only a warning, because QM\'s setup removes it on CentOS Stream 9 and older where podman lacks it.',
	fix: 'Delete the overriding line from the drop-in (or restore the value in qm.container).',
	appliesTo: (ctx) => (ctx.domain.domain === 'qm-boundary' || ctx.domain.alsoBoundary === true) && ctx.kind === 'container',
	check(ctx) {
		const model = ctx.qm();
		const units = model.units.filter((u) => u.fileName === 'qm.container' && u.domain.domain === 'qm-boundary'
			&& [u.view.main.path, ...u.view.dropIns.map((d) => d.path)].includes(ctx.path));
		const seen = new Set<string>();
		for (const unit of units) {
			for (const f of findings(unit, ctx.path)) {
				const key = `${f.start}:${f.end}:${f.message}`;
				if (seen.has(key)) continue;
				seen.add(key);
				ctx.report(f);
			}
		}
	},
});

const EXPECTED: Record<'type' | 'filetype' | 'level' | 'nested', string> = { type: 'qm_t', filetype: 'qm_file_t', level: 's0', nested: 'true' };

const ROLE: Record<'type' | 'filetype' | 'level' | 'nested', string> = {
	type: 'the partition\'s process type, which QM\'s policy (qm.te) confines',
	filetype: 'the type of the partition\'s files (QM\'s rootfs, /etc/qm, /var/qm)',
	level: 'the partition\'s level, under which its nested containers get their own category pairs',
	nested: 'what lets QM\'s podman label its nested containers',
};

function findings(unit: QmUnit, path: string): Finding[] {
	const out: Finding[] = [];
	const all = unitLabelOccurrences(unit);
	const podmanArgsEntries = new Set(unit.view.lookupAll('Container', 'PodmanArgs').map((e) => e.entry));
	for (const field of ['type', 'filetype', 'level', 'nested'] as const) {
		const keyed = all.filter((o) => o.field === field && !o.fromPodmanArgs);
		const effective = keyed[keyed.length - 1];
		const fromArgs = all.filter((o) => o.field === field && o.fromPodmanArgs && podmanArgsEntries.has(o.entry));
		const candidates = [...(effective ? [effective] : []), ...fromArgs];
		const severity = field === 'nested' ? 'warning' as const : undefined;
		if (candidates.length === 0) {
			if (unit.virtual || unit.file.path !== path) continue;
			const header = [...unit.file.parsed.sections].reverse().find((s) => s.name === 'Container');
			const line = `${keyOf(field)}=${EXPECTED[field]}`;
			out.push({
				start: header?.start ?? 0, end: header?.end ?? 0, severity,
				message: `qm.container has no ${keyOf(field)}=, but ${line} is ${ROLE[field]}. Add ${line}.`,
				fixes: [{ title: `Add ${line}`, edits: [insertInContainer(unit.file.parsed, line)], isPreferred: true }],
			});
			continue;
		}
		for (const o of candidates) {
			if (o.path !== path || acceptable(field, o)) continue;
			const inDropIn = unit.virtual || o.path !== unit.file.path;
			const line = `${keyOf(field)}=${EXPECTED[field]}`;
			const unset = !o.fromPodmanArgs && o.value.trim() === '';
			const what = unset ? `${keyOf(field)}= (empty) removes ${line}` : `${shown(o)} overrides ${line}`;
			out.push({
				start: unset ? o.entry.keyStart : o.start, end: unset ? o.entry.valueEnd : o.end, severity,
				message: `${what}, ${ROLE[field]}; QM's SELinux binding of the partition depends on it. ${inDropIn ? 'Delete this line from the drop-in.' : `Restore ${line}.`}`,
				fixes: inDropIn || o.fromPodmanArgs ? removeFix(o) : [replaceValueFix(o, EXPECTED[field], `Restore ${line}`)],
			});
		}
	}
	return out;
}

function acceptable(field: 'type' | 'filetype' | 'level' | 'nested', o: LabelOccurrence): boolean {
	const v = o.value.trim();
	if (hasExpansion(v)) return true;
	if (field === 'nested') return o.fromPodmanArgs || isTrue(v);
	if (field !== 'level') return v === EXPECTED[field];
	if (v === '') return false;
	const info = levelInfo(v);
	// Malformed or overly broad levels already get an error from the label-level rules on this span.
	if (!info.parsed.wellFormed || info.parsed.issues.length > 0 || info.broad) return true;
	return info.canonical === 's0';
}



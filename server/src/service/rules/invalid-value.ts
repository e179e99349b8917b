import { checkValue } from '../catalog/value-types/index';
import type { KeySpec } from '../catalog/catalog-schema';
import type { ValueProblem } from '../catalog/value-types/problem';
import { valueIndexToOffset } from '../parser/parse-unit';
import { defineRule, type RuleContext } from './rule';
import { knownEntries } from './section-lookup';
import { qmOwnsMcsLevel } from '../qm/labels';

/**
 * Diagnostic: quadlet/invalid-value
 * A value that doesn't fit the key's grammar in a podman section: a bool podman would read as
 * false, an enum podman rejects, a malformed port, duration, size, address or MCS level.
 * Errors only where the generator itself refuses the unit.
 */
export const quadletInvalidValue = defineRule({
	id: 'quadlet/invalid-value',
	defaultSeverity: 'warning',
	title: 'Value does not fit the key',
	why: 'podman reads many values silently (a misspelt bool becomes false) or rejects them only when the service starts.',
	fix: 'Write a value of the documented form; the message names it, and the quick fix offers the nearest valid value where there is one.',
	appliesTo: () => true,
	check(ctx) { checkValues(ctx, 'quadlet'); },
});

/**
 * Diagnostic: systemd/invalid-value
 * A value systemd will not accept for a [Unit], [Service], [Install] or [Socket] key.
 */
export const systemdInvalidValue = defineRule({
	id: 'systemd/invalid-value',
	defaultSeverity: 'warning',
	title: 'Value systemd will not accept',
	why: 'systemd ignores assignments it cannot parse, leaving the default in place without telling you at edit time.',
	fix: 'Write a value of the documented form.',
	appliesTo: () => true,
	check(ctx) { checkValues(ctx, 'systemd'); },
});

function checkValues(ctx: RuleContext, owner: 'quadlet' | 'systemd'): void {
	for (const { entry, spec } of knownEntries(ctx)) {
		if (spec.owner !== owner || !Object.prototype.hasOwnProperty.call(spec.keys, entry.key)) continue;
		const keySpec = spec.keys[entry.key];
		// In a known QM domain the qm/label-level-* rules report levels, with QM severities.
		if (keySpec.type === 'mcs-level' && qmOwnsMcsLevel(ctx.domain.domain)) continue;
		for (const p of checkValueMemo(entry.value, keySpec, entry.key)) {
			const start = valueIndexToOffset(entry, p.start);
			const end = Math.max(valueIndexToOffset(entry, p.end), start);
			ctx.report({
				start: end > start ? start : entry.keyStart, end: end > start ? end : entry.valueEnd,
				message: p.message,
				severity: p.severity,
				fixes: p.replacement !== undefined && end >= start
					? [{ title: `Change to "${p.replacement}"`, edits: [{ start, end, newText: p.replacement }], isPreferred: true }]
					: undefined,
			});
		}
	}
}

const memo = new WeakMap<KeySpec, Map<string, Map<string, readonly ValueProblem[]>>>();
const MEMO_LIMIT = 4096;

/**
 * checkValue is a pure function of (value, key); real trees repeat most values (Restart=always,
 * WantedBy=default.target, the same Image= in every file), so answers are kept per key spec.
 * Two map levels rather than a joined key: the value strings come from the parse tree and keep
 * their hash, a concatenation would be hashed anew on every look-up.
 */
function checkValueMemo(value: string, spec: KeySpec, key: string): readonly ValueProblem[] {
	let byKey = memo.get(spec);
	if (!byKey) { byKey = new Map(); memo.set(spec, byKey); }
	let byValue = byKey.get(key);
	if (!byValue) { byValue = new Map(); byKey.set(key, byValue); }
	let problems = byValue.get(value);
	if (problems === undefined) {
		if (byValue.size >= MEMO_LIMIT) byValue.clear();
		problems = checkValue(value, spec, key);
		byValue.set(value, problems);
	}
	return problems;
}

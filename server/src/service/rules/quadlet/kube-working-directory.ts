import { closest } from '../../util/edit-distance';
import { defineRule } from '../rule';
import { lookupText, replaceFix, targetAtMost, valueSpan } from './support';

/**
 * Diagnostic: quadlet/kube-working-directory
 * A [Kube] SetWorkingDirectory= the generator refuses: "yaml" with several Yaml= files (which
 * directory?), "file" (a .build option), or any other word than yaml or unit.
 */
export default defineRule({
	id: 'quadlet/kube-working-directory',
	defaultSeverity: 'error',
	title: 'SetWorkingDirectory= value the generator refuses in a .kube unit',
	why: 'In a .kube unit SetWorkingDirectory= accepts only yaml (with exactly one Yaml=) or unit; podman\'s generator refuses the unit for anything else.',
	fix: 'Write SetWorkingDirectory=unit, or yaml with a single Yaml= file.',
	appliesTo: (ctx) => ctx.kind === 'kube',
	check(ctx) {
		const last = ctx.view.last('Kube', 'SetWorkingDirectory');
		if (!last || last.path !== ctx.path) return;
		const { text, index } = lookupText(last.entry);
		if (text === '') return;
		const lower = text.toLowerCase();
		const span = valueSpan(last.entry, index, index + text.length);
		if (lower === 'unit') return;
		if (lower === 'yaml') {
			const yamls = ctx.view.lookupWords('Kube', 'Yaml').length;
			// No Yaml at all is missing-required-key; before 5.7 only the last Yaml= counted.
			if (yamls <= 1 || !ctx.viewIsComplete || targetAtMost(ctx, '5.6')) return;
			ctx.report({
				...span,
				message: `SetWorkingDirectory=${text} uses the directory of the YAML file, but this unit plays ${yamls} Yaml= files, and podman's generator refuses it ("SetWorkingDirectory=yaml is only supported when a single Yaml key is provided"). Write SetWorkingDirectory=unit, or keep a single Yaml=.`,
				fixes: [replaceFix('Change to SetWorkingDirectory=unit', span.start, span.end, 'unit')],
			});
			return;
		}
		if (lower === 'file') {
			ctx.report({
				...span,
				message: `SetWorkingDirectory=${text} exists only for .build units (the directory of File=), and podman's generator refuses it here ("SetWorkingDirectory=${text} is only supported in .build files"). Write SetWorkingDirectory=yaml or unit.`,
				fixes: [replaceFix('Change to SetWorkingDirectory=yaml', span.start, span.end, 'yaml'), replaceFix('Change to SetWorkingDirectory=unit', span.start, span.end, 'unit', false)],
			});
			return;
		}
		const guess = closest(text, ['yaml', 'unit'], 2);
		ctx.report({
			...span,
			message: `SetWorkingDirectory=${text} is not yaml or unit, the only values a .kube unit accepts, and podman's generator refuses the unit ("unsupported value for WorkingDirectory: ${text}").${guess ? ` Did you mean ${guess}?` : ' Paths work only in .build units; use [Service] WorkingDirectory= for a fixed directory.'}`,
			fixes: (guess ? [guess] : ['yaml', 'unit']).map((v, i) => replaceFix(`Change to SetWorkingDirectory=${v}`, span.start, span.end, v, i === 0 && guess !== undefined)),
		});
	},
});

import { defineRule } from '../rule';
import { lookupText, replaceFix, valueSpan } from './support';

/**
 * Diagnostic: quadlet/build-working-directory
 * SetWorkingDirectory=yaml in a .build unit. "yaml" means "the directory of the Kubernetes YAML"
 * and exists only for .kube units; the generator refuses it in a build.
 */
export default defineRule({
	id: 'quadlet/build-working-directory',
	defaultSeverity: 'error',
	title: 'SetWorkingDirectory=yaml in a .build unit',
	why: 'A .build unit has no Yaml=; podman\'s generator refuses SetWorkingDirectory=yaml there.',
	fix: 'Write SetWorkingDirectory=unit (the unit\'s directory), file (the directory of File=), or a build context path or URL.',
	appliesTo: (ctx) => ctx.kind === 'build',
	check(ctx) {
		const last = ctx.view.last('Build', 'SetWorkingDirectory');
		if (!last || last.path !== ctx.path) return;
		const { text, index } = lookupText(last.entry);
		if (text.toLowerCase() !== 'yaml') return;
		const span = valueSpan(last.entry, index, index + text.length);
		ctx.report({
			...span,
			message: `SetWorkingDirectory=${text} refers to the Kubernetes YAML of a .kube unit; a .build unit has none, and podman's generator refuses this unit ("SetWorkingDirectory=${text} is only supported in .kube files"). Write SetWorkingDirectory=unit, file, or a context path or URL.`,
			fixes: [replaceFix('Change to SetWorkingDirectory=unit', span.start, span.end, 'unit'), replaceFix('Change to SetWorkingDirectory=file', span.start, span.end, 'file', false)],
		});
	},
});

import { viewOf, unquoteValue, type UnitView } from '../../model/unit-view';
import { extensionOf, serviceNameFor } from '../../unit-path';
import type { WorkspaceFile } from '../../workspace/workspace';
import { defineRule } from '../rule';
import { resolveUnit } from './support';
import { networkRefs } from './unit-refs';

/**
 * Diagnostic: quadlet/unresolved-resource-name
 * Network=x.container where the generator cannot compute x's container name: it replaces only
 * %N in the name, so a template container (default name systemd-%p_%i) or a ContainerName= with
 * another specifier leaves a "%" it cannot resolve. The generator refuses the unit. Also
 * Network=x.network when x.network itself is refused (it then has no network name).
 */
export default defineRule({
	id: 'quadlet/unresolved-resource-name',
	defaultSeverity: 'error',
	title: 'Referenced unit has no name the generator can resolve',
	why: 'To join a container\'s network the generator needs its final name; it expands only %N, so template containers and names with other specifiers make it refuse the unit.',
	fix: 'Give the referenced container a fixed ContainerName= (or one using only %N), or refer to a non-template container.',
	appliesTo: (ctx) => ['container', 'pod', 'kube', 'build'].includes(ctx.kind),
	check(ctx) {
		for (const ref of networkRefs(ctx)) {
			if (ref.at.path !== ctx.path) continue;
			const target = resolveUnit(ctx, ref.name);
			if (!target) continue; // unresolved-reference
			const view = viewOf(target, ctx.workspace.dropInsFor(target));
			const problem = ref.name.endsWith('.container') ? containerNameProblem(target, view) : networkProblem(view);
			if (!problem) continue;
			ctx.report({
				start: ref.start, end: ref.end,
				message: `Network=${ref.name}: ${problem.why}, so podman's generator refuses this unit ("cannot get the resource name of ${ref.name}"). ${problem.fix}`,
				related: problem.related ? [{ path: target.path, ...problem.related, message: problem.relatedMessage ?? 'defined here' }] : undefined,
			});
		}
	},
});

interface Problem {
	why: string;
	fix: string;
	related?: { start: number; end: number };
	relatedMessage?: string;
}

/** podman's GetContainerResourceName: ContainerName= or the default, with only %N expanded. */
function containerNameProblem(target: WorkspaceFile, view: UnitView): Problem | undefined {
	const fileName = target.info.fileName;
	const nameEntry = view.last('Container', 'ContainerName');
	const given = nameEntry ? unquoteValue(nameEntry.entry.value) : '';
	const name = given !== '' ? given : fileName.includes('@') ? 'systemd-%p_%i' : 'systemd-%N';
	const serviceEntry = view.last('Container', 'ServiceName');
	const service = serviceNameFor(fileName, serviceEntry ? unquoteValue(serviceEntry.entry.value) : undefined).replace(/\.service$/, '');
	const resolved = name.split('%N').join(service);
	if (!resolved.includes('%')) return undefined;
	if (given === '') {
		return {
			why: `${fileName} is a template, so its default container name ${name} depends on the instance`,
			fix: `Set a fixed ContainerName= in ${fileName} (specifiers other than %N are not allowed), or join a non-template container.`,
		};
	}
	return {
		why: `the container name "${given}" of ${fileName} uses a specifier other than %N, which only systemd can expand`,
		fix: `Use a ContainerName= without specifiers (or with %N only) in ${fileName}.`,
		related: nameEntry && nameEntry.path === target.path ? { start: nameEntry.entry.keyStart, end: nameEntry.entry.valueEnd } : undefined,
		relatedMessage: 'the container name',
	};
}

/** A .network the generator refuses has no name for others to use (checks of quadlet-spec §7.5). */
function networkProblem(view: UnitView): Problem | undefined {
	if (extensionOf(view.main.path) !== 'network') return undefined;
	const subnets = view.lookupAll('Network', 'Subnet').length;
	const gateways = view.lookupAll('Network', 'Gateway').length;
	const ranges = view.lookupAll('Network', 'IPRange').length;
	const broken = subnets === 0 ? gateways + ranges > 0 : gateways > subnets || ranges > subnets;
	if (!broken) return undefined;
	return {
		why: 'that network unit is itself refused by the generator (its Gateway=/IPRange= values do not match its Subnet= values), so it has no network name',
		fix: 'Fix the network unit first (see its diagnostics).',
	};
}


import { BLUECHI_AGENT_SECTION, bluechiSetting, hostCounterpart } from '../../../qm/engine-config';
import { defineRule } from '../../rule';
import { BLUECHI_CONF, anchorOf, bluechiSetHere, configOf, insertBluechiLine, lastValueRange } from './support';

/**
 * Diagnostic: qm/bluechi-nodename
 * The bluechi agent inside QM has the host agent's node name (error), a name without the "qm."
 * prefix QM's setup gives it (warning), or no NodeName at all, so bluechi falls back to the
 * hostname, which the host agent uses too (information).
 */
export default defineRule({
	id: 'qm/bluechi-nodename',
	defaultSeverity: 'error',
	fileKinds: BLUECHI_CONF,
	title: 'QM bluechi agent node name clashes with the host\'s',
	why: 'The bluechi controller identifies agents by NodeName; QM\'s setup names the agent inside QM "qm.<host node name>". With the host\'s name (or the hostname default) the two agents fight over one node.',
	fix: 'NodeName=qm.<host node name> in /etc/qm/bluechi/agent.conf.d/.',
	appliesTo: (ctx) => ctx.domain.domain === 'qm',
	check(ctx) {
		const set = bluechiSetHere(ctx);
		if (!set || set.engine !== 'qm' || set.role !== 'agent') return;
		const host = hostCounterpart(ctx.workspace, set, 'agent', configOf(ctx));
		const hostName = host ? bluechiSetting(host, 'NodeName') : undefined;
		const hostValue = hostName?.value.trim() || undefined;
		const own = bluechiSetting(set, 'NodeName');
		const value = own?.value.trim() ?? '';
		const suggestion = hostValue ? `qm.${hostValue.replace(/^qm\./, '')}` : undefined;
		if (!own || value === '') {
			// Report once: on the empty assignment, else on the first file of the set.
			const here = own ? own.file.file.path === ctx.path : set.members[0].file.path === ctx.path;
			if (!here) return;
			const b = own ? own.file : set.members[0];
			const range = own ? { start: own.entries[own.entries.length - 1].keyStart, end: own.entries[own.entries.length - 1].end } : anchorOf(b, BLUECHI_AGENT_SECTION);
			ctx.report({
				...range, severity: 'information',
				message: `The bluechi agent inside QM has no NodeName, so it uses the hostname, which is also the host agent's default: the controller sees one node twice. QM's setup writes NodeName=${suggestion ?? 'qm.<host node name>'}.`,
				fixes: suggestion && !own ? [{ title: `Add NodeName=${suggestion}`, edits: [insertBluechiLine(b, BLUECHI_AGENT_SECTION, `NodeName=${suggestion}`)], isPreferred: true }] : undefined,
			});
			return;
		}
		if (own.file.file.path !== ctx.path) return;
		const range = lastValueRange(own.entries);
		const single = own.entries.length === 1;
		if (hostValue && value === hostValue) {
			ctx.report({
				...range,
				message: `NodeName=${value} is the host agent's node name too: the controller cannot tell the agent inside QM from the host's agent. Use NodeName=${suggestion}, as QM's setup does.`,
				related: hostName ? [{ path: hostName.file.file.path, start: hostName.entries[0].keyStart, end: hostName.entries[hostName.entries.length - 1].end, message: 'the host agent\'s NodeName' }] : undefined,
				fixes: single && suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ ...range, newText: suggestion }], isPreferred: true }] : undefined,
			});
		} else if (!value.startsWith('qm.')) {
			ctx.report({
				...range, severity: 'warning',
				message: `NodeName=${value} lacks the "qm." prefix QM's setup gives the agent inside QM (qm.<host node name>); the controller's AllowedNodeNames and tooling expect it.`,
				fixes: single ? [{ title: `Change to qm.${value}`, edits: [{ ...range, newText: `qm.${value}` }], isPreferred: true }] : undefined,
			});
		}
	},
});

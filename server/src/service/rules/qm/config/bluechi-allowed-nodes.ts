import { BLUECHI_CONTROLLER_SECTION, bluechiSetting, hostCounterpart, qmAgentSets } from '../../../qm/engine-config';
import { defineRule } from '../../rule';
import { BLUECHI_CONF, anchorOf, bluechiSetHere, configOf, insertBluechiLine, lastValueRange } from './support';

/**
 * Diagnostic: qm/bluechi-allowed-nodes
 * The host's bluechi controller does not list the node name of the agent inside QM in
 * AllowedNodeNames, so it rejects that agent. Reported on the controller configuration.
 */
export default defineRule({
	id: 'qm/bluechi-allowed-nodes',
	defaultSeverity: 'warning',
	fileKinds: BLUECHI_CONF,
	title: 'Host bluechi controller does not allow the QM agent',
	why: 'bluechi-controller accepts only agents named in AllowedNodeNames; QM\'s agent registers as qm.<host node name> (QM\'s tests configure AllowedNodeNames=qm.X,X).',
	fix: 'Append the QM agent\'s NodeName (qm.<name>) to AllowedNodeNames.',
	appliesTo: (ctx) => ctx.domain.domain === 'asil',
	check(ctx) {
		const set = bluechiSetHere(ctx);
		if (!set || set.engine !== 'host' || set.role !== 'controller') return;
		const config = configOf(ctx);
		for (const agent of qmAgentSets(ctx.workspace, config)) {
			if (hostCounterpart(ctx.workspace, agent, 'controller', config) !== set) continue;
			const node = bluechiSetting(agent, 'NodeName');
			const name = node?.value.trim();
			if (!node || !name) continue;
			const allowed = bluechiSetting(set, 'AllowedNodeNames');
			const names = (allowed?.value ?? '').split(',').map((n) => n.trim()).filter(Boolean);
			if (names.includes(name)) continue;
			const related = [{ path: node.file.file.path, start: node.entries[0].keyStart, end: node.entries[node.entries.length - 1].end, message: 'the node name of the bluechi agent inside QM' }];
			if (allowed) {
				if (allowed.file.file.path !== ctx.path) continue;
				const range = lastValueRange(allowed.entries);
				const last = allowed.entries[allowed.entries.length - 1];
				const end = last.end;
				ctx.report({
					...range,
					message: `AllowedNodeNames does not list ${name}, the node name of the bluechi agent inside QM: the controller rejects that agent. Append ${name}.`,
					related,
					fixes: [{ title: `Append ${name}`, edits: [{ start: end, end, newText: `${last.valueEnd > last.valueStart ? ',' : ''}${name}` }], isPreferred: true }],
				});
			} else {
				if (set.members[0].file.path !== ctx.path) continue;
				const b = set.members[0];
				ctx.report({
					...anchorOf(b, BLUECHI_CONTROLLER_SECTION),
					message: `The controller has no AllowedNodeNames, so it accepts no agent, and not ${name}, the bluechi agent inside QM. Add AllowedNodeNames=${name},<host node name>.`,
					related,
					fixes: [{ title: `Add AllowedNodeNames=${name}`, edits: [insertBluechiLine(b, BLUECHI_CONTROLLER_SECTION, `AllowedNodeNames=${name}`)] }],
				});
			}
		}
	},
});

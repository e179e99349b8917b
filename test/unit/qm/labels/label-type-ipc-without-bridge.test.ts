import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { allFindings, files, findings, HOST, QM } from './support';

const RULE = 'label-type-ipc-without-bridge';

test('qm/label-type-ipc-without-bridge: bridge types without /run/ipc warn in QM and on the host', () => {
	assert.deepEqual(allFindings(RULE, 'bad'), [
		`${HOST}/ota-agent.container: ipc_t`,
		`${QM}/weather-widget.container: qm_container_ipc_t`,
	]);
	const path = `${HOST}/ota-agent.container`;
	const text = files(RULE, 'bad')[path];
	const [d] = findings(RULE, 'bad', path);
	assert.equal(d.severity, 'warning');
	assert.match(d.message, /ipc_t is unconfined/);
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelType=ipc_t\n', ''));
});

test('qm/label-type-ipc-without-bridge: a client that mounts /run/ipc is silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

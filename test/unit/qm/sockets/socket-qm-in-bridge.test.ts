import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/socket-qm-in-bridge';
const RULE = 'socket-qm-in-bridge';
const S = '/etc/qm/systemd/system/radio.socket';

test('socket-qm-in-bridge: a QM socket unit in /run/ipc (fixture)', () => {
	const files = tree(RULE, 'bad');
	const d = one(files, S, CODE);
	assert.equal(d.severity, 'error');
	assert.equal(covered(files, S, d), '%t/ipc/radio.sock');
	assert.match(d.message, /qm_t and may only list and mount on ipc_var_run_t/);
	assert.match(d.message, /\/etc\/systemd\/system\//);
	assert.deepEqual(everywhere(files, 'qm/socket-qm-nested-client'), [], 'the bridge rule explains it alone');
});

test('socket-qm-in-bridge: the host end of the bridge and other QM paths are fine (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('socket-qm-in-bridge: /var/run/ipc is /run/ipc too', () => {
	assert.equal(findings({ [S]: '[Socket]\nListenStream=/var/run/ipc/radio.sock\n' }, S, CODE).length, 1);
	assert.deepEqual(findings({ [S]: '[Socket]\nListenStream=/run/ipcx/radio.sock\n' }, S, CODE), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/socket-bridge-runtime-directory';
const RULE = 'socket-bridge-runtime-directory';
const S = '/etc/systemd/system/cluster.socket';

test('socket-bridge-runtime-directory: RuntimeDirectory=ipc on the bridge socket (fixture)', () => {
	const files = tree(RULE, 'bad');
	const d = one(files, S, CODE);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(files, S, d), 'ipc');
	assert.match(d.message, /systemd deletes whenever the socket stops/);
	assert.match(d.message, /QM partition keeps its bind mount of the old \/run\/ipc/);
	assert.equal(applied(files[S], d.fixes?.[0]), files[S].replace('RuntimeDirectory=ipc\n', 'RuntimeDirectory=ipc\nRuntimeDirectoryPreserve=yes\n'));
});

test('socket-bridge-runtime-directory: RuntimeDirectoryPreserve=yes keeps the bridge (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('socket-bridge-runtime-directory: Preserve=restart is changed to yes; other directories and QM sockets are not checked', () => {
	const text = '[Socket]\nListenStream=%t/ipc/c.sock\nRuntimeDirectory=ipc\nRuntimeDirectoryPreserve=restart\n';
	const d = one({ [S]: text }, S, CODE);
	assert.equal(applied(text, d.fixes?.[0]), text.replace('=restart', '=yes'));
	assert.deepEqual(findings({ [S]: '[Socket]\nListenStream=%t/ipc/c.sock\nRuntimeDirectory=cluster\n' }, S, CODE), []);
	assert.deepEqual(findings({ [S]: '[Socket]\nListenStream=%t/cluster/c.sock\nRuntimeDirectory=cluster\n' }, S, CODE), []);
	const lastLine = '[Socket]\nListenStream=%t/ipc/c.sock\nRuntimeDirectory=ipc';
	assert.equal(applied(lastLine, one({ [S]: lastLine }, S, CODE).fixes?.[0]), `${lastLine}\nRuntimeDirectoryPreserve=yes`);
});

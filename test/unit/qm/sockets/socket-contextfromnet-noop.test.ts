import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/socket-contextfromnet-noop';
const RULE = 'socket-contextfromnet-noop';
const S = '/etc/systemd/system/navdata.socket';

test('socket-contextfromnet-noop: SELinuxContextFromNet=yes on a socket that activates a container (fixture)', () => {
	const files = tree(RULE, 'bad');
	const d = one(files, S, CODE);
	assert.equal(d.severity, 'information');
	assert.equal(covered(files, S, d), 'SELinuxContextFromNet=yes');
	assert.match(d.message, /passes its listening socket \(Accept=no\) to navdata\.container/);
	assert.deepEqual(d.tags, ['unnecessary']);
	assert.equal(applied(files[S], d.fixes?.[0]), files[S].replace('SELinuxContextFromNet=yes\n', ''));
});

test('socket-contextfromnet-noop: with Accept=yes the level is taken from the peer (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('socket-contextfromnet-noop: no container behind the socket, or the setting off', () => {
	const text = '[Socket]\nListenStream=%t/ipc/navdata.sock\nSELinuxContextFromNet=yes\n';
	assert.deepEqual(findings({ [S]: text, '/etc/systemd/system/navdata.service': '[Service]\nExecStart=/usr/bin/navdata\n' }, S, CODE), []);
	const files = tree(RULE, 'bad');
	assert.deepEqual(findings({ ...files, [S]: files[S].replace('=yes', '=no') }, S, CODE), []);
});

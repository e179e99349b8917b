import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree } from './helpers';

const CODE = 'qm/volume-socket-file-bind';
const BAD = tree('volume-socket-file-bind', 'bad');
const UI = '/etc/qm/containers/systemd/media-ui.container';
const AGENT = '/etc/containers/systemd/metrics-agent.container';

test('fires on a .sock file and on a path a host .socket unit listens on', () => {
	assert.deepEqual(everywhere(BAD, CODE), [
		`${AGENT}: /run/metrics/collector (warning)`,
		`${UI}: /run/media/player.sock (warning)`,
	]);
	const d = at(BAD, AGENT, CODE, '/run/metrics/collector');
	assert.match(d.message, /metrics\.socket listens on it/);
	assert.equal(d.related?.[0].path, '/etc/systemd/system/metrics.socket');
	assert.equal(BAD['/etc/systemd/system/metrics.socket'].slice(d.related![0].start, d.related![0].end), '/run/metrics/collector');
});

test('fix: bind the socket\'s directory instead (whole text)', () => {
	const d = at(BAD, UI, CODE, '/run/media/player.sock');
	assert.equal(applied(BAD, UI, fixOf(d, 'Bind the directory /run/media/')), `[Container]
Image=registry.example.com/hmi/media-ui:5
# the player's control socket
Volume=/run/media/:/run/media/
SecurityLabelLevel=s0:c7,c8
`);
});

test('no directory fix when the socket sits directly in /run', () => {
	const files = { [UI]: '[Container]\nImage=x\nVolume=/run/ipc.socket:/run/ipc.socket\n' };
	const d = at(files, UI, CODE, '/run/ipc.socket');
	assert.equal(d.fixes, undefined);
	assert.match(d.message, /\/run\/myapp\//);
});

test('silent: a directory bind, and the documented bluechi socket on the boundary', () => {
	assert.deepEqual(everywhere(tree('volume-socket-file-bind', 'good'), CODE), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree } from './helpers';

const CODE = 'qm/volume-chown';
const BAD = tree('volume-chown', 'bad');
const AGENT = '/etc/qm/containers/systemd/fleet-agent.container';
const SERVER = '/etc/containers/systemd/ipc-server.container';

test('fires on :U of the bridge and of a directory another container mounts too', () => {
	assert.deepEqual(everywhere(BAD, CODE), [`${SERVER}: U (warning)`, `${AGENT}: U (warning)`]);
	const d = at(BAD, AGENT, CODE, 'U');
	assert.equal(d.related?.[0].path, '/etc/qm/containers/systemd/fleet-ota.container');
	assert.match(at(BAD, SERVER, CODE, 'U').message, /bridge/);
});

test('fix: drop :U (whole text)', () => {
	assert.equal(applied(BAD, AGENT, fixOf(at(BAD, AGENT, CODE, 'U'), 'Remove')), `[Container]
Image=registry.example.com/fleet/agent:6
Volume=/var/lib/fleet:/data
`);
});

test('silent: :U on a directory only this container uses', () => {
	assert.deepEqual(everywhere(tree('volume-chown', 'good'), CODE), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree } from './helpers';

const CODE = 'qm/volume-host-path-in-qm';
const BAD = tree('volume-host-path-in-qm', 'bad');
const NAV = '/etc/qm/containers/systemd/navigation.container';

test('fires on host /etc/qm, /var/qm and /usr/share/qm paths in a QM unit', () => {
	assert.deepEqual(everywhere(BAD, CODE), [
		`${NAV}: /etc/qm/navigation/maps (error)`,
		`${NAV}: /var/qm/navigation/env (error)`,
		`${NAV}: /usr/share/qm/tools (error)`,
	]);
	assert.match(at(BAD, NAV, CODE, '/etc/qm/navigation/maps').message, /Inside QM this is \/etc\/navigation\/maps/);
	assert.equal(at(BAD, NAV, CODE, '/usr/share/qm/tools').fixes, undefined);
});

test('fix: strip the host prefix from Volume= and EnvironmentFile= (whole text)', () => {
	let text = applied(BAD, NAV, fixOf(at(BAD, NAV, CODE, '/etc/qm/navigation/maps'), 'Use the QM path'));
	assert.equal(text, `[Container]
Image=registry.example.com/car/navigation:12
Volume=/etc/navigation/maps:/maps:ro
EnvironmentFile=/var/qm/navigation/env
Volume=/usr/share/qm/tools:/tools:ro
`);
	text = applied(BAD, NAV, fixOf(at(BAD, NAV, CODE, '/var/qm/navigation/env'), 'Use the QM path /var/navigation/env'));
	assert.equal(text, `[Container]
Image=registry.example.com/car/navigation:12
Volume=/etc/qm/navigation/maps:/maps:ro
EnvironmentFile=/var/navigation/env
Volume=/usr/share/qm/tools:/tools:ro
`);
});

test('silent: QM paths in a QM unit', () => {
	assert.deepEqual(everywhere(tree('volume-host-path-in-qm', 'good'), CODE), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree } from './helpers';

const CODE = 'qm/bluechi-deprecated-keys';
const BAD = tree('bluechi-deprecated-keys', 'bad');
const OLD = '/etc/qm/bluechi/agent.conf.d/10-old.conf';

test('Manager* keys, unknown keys, keys before a section, a misspelled section', () => {
	assert.deepEqual(everywhere(BAD, CODE), [
		'/etc/bluechi/controller.conf: ManagerPort (warning)',
		`${OLD}: LogLevel (warning)`,
		`${OLD}: ManagerHost (warning)`,
		`${OLD}: ManagerPort (warning)`,
		`${OLD}: NodeNmae (warning)`,
		`${OLD}: Colour (warning)`,
		`${OLD}: bluechi_agent (warning)`,
	]);
});

test('fixes rename to the current key or the closest name', () => {
	const host = at(BAD, OLD, CODE, 'ManagerHost');
	assert.deepEqual(host.tags, ['deprecated']);
	assert.match(applied(BAD, OLD, fixOf(host, 'ControllerHost')), /^ControllerHost=192\.0\.2\.1$/m);
	assert.match(applied(BAD, OLD, fixOf(at(BAD, OLD, CODE, 'NodeNmae'), 'NodeName')), /^NodeName=qm\.ecu-main\nManagerHost/m);
	assert.match(applied(BAD, OLD, fixOf(at(BAD, OLD, CODE, 'bluechi_agent'), '[bluechi-agent]')), /^\[bluechi-agent\]\nLogTarget/m);
	assert.equal(at(BAD, OLD, CODE, 'Colour').fixes, undefined);
});

test('silent: every documented key, ":" separators, inline comments, continuation lines', () => {
	assert.deepEqual(everywhere(tree('bluechi-deprecated-keys', 'good'), CODE), []);
});

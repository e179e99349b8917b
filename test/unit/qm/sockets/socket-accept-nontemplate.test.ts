import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/socket-accept-nontemplate';
const RULE = 'socket-accept-nontemplate';
const S = '/etc/systemd/system/echo.socket';

test('socket-accept-nontemplate: Accept=yes in front of echo.container (fixture)', () => {
	const files = tree(RULE, 'bad');
	const d = one(files, S, CODE);
	assert.equal(d.severity, 'error');
	assert.equal(covered(files, S, d), 'Accept=yes');
	assert.match(d.message, /echo@<n>\.service instance per connection, but echo\.container is not a template/);
	assert.match(d.message, /echo@\.container/);
	assert.equal(applied(files[S], d.fixes?.[0]), files[S].replace('Accept=yes', 'Accept=no'));
	assert.deepEqual(everywhere(files, 'qm/socket-service-unresolved'), [], 'one finding, not two');
});

test('socket-accept-nontemplate: a template quadlet serves Accept=yes (fixture)', () => {
	const files = tree(RULE, 'good');
	assert.deepEqual(everywhere(files, CODE), []);
	assert.deepEqual(everywhere(files, 'qm/socket-service-unresolved'), []);
});

test('socket-accept-nontemplate: Accept=no is the normal container pattern', () => {
	const files = { [S]: '[Socket]\nListenStream=%t/echo/echo.sock\nAccept=no\n', '/etc/containers/systemd/echo.container': '[Unit]\nRequires=echo.socket\nAfter=echo.socket\n[Container]\nImage=registry.example.com/e:1\n' };
	assert.deepEqual(findings(files, S, CODE), []);
});

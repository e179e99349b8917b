import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree } from './helpers';

const CODE = 'qm/volume-ro-client-hint';
const BAD = tree('volume-ro-client-hint', 'bad');
const PANEL = '/etc/qm/containers/systemd/climate-panel.container';
const LOGGER = '/etc/qm/containers/systemd/climate-logger.container';

test('hints on writable /run/ipc of a pure bridge client', () => {
	assert.deepEqual(everywhere(BAD, CODE), [`${LOGGER}: /run/ipc (hint)`, `${PANEL}: /run/ipc/ (hint)`]);
});

test('fix: append :ro (whole text)', () => {
	assert.equal(applied(BAD, PANEL, fixOf(at(BAD, PANEL, CODE, '/run/ipc/'), ':ro')), `[Unit]
Description=Climate panel: talks to the ASIL climate service

[Container]
Image=registry.example.com/hmi/climate-panel:2
Environment=CLIMATE_SOCKET=/run/ipc/climate.socket
Volume=/run/ipc/:/run/ipc/:ro
SecurityLabelType=qm_container_ipc_t

[Service]
Restart=always
`);
});

test('fix: rw becomes ro (whole text)', () => {
	assert.equal(applied(BAD, LOGGER, fixOf(at(BAD, LOGGER, CODE, '/run/ipc'), ':ro')), `[Container]
Image=registry.example.com/hmi/climate-logger:2
Volume=/run/ipc:/run/ipc:ro
SecurityLabelType=qm_container_ipc_t
`);
});

test('silent: already :ro, or a client that signals readiness itself (Notify=)', () => {
	assert.deepEqual(everywhere(tree('volume-ro-client-hint', 'good'), CODE), []);
});

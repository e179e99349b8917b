import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/ipc-path-not-mounted';
const PROBE = '/etc/qm/containers/systemd/node-probe.container';
const SHIPPER = '/etc/qm/containers/systemd/log-shipper.container';

test('ipc-path-not-mounted: the bluechi socket and another container\'s socket, named but not mounted', () => {
	const files = tree('ipc-path-not-mounted', 'bad');
	assert.deepEqual(everywhere(files, CODE), [`${SHIPPER}: /run/qmlog/ingest.sock`, `${PROBE}: /run/bluechi.sock`]);
	const d = one(files, PROBE, CODE);
	assert.equal(d.severity, 'warning');
	assert.match(d.message, /Exec= names \/run\/bluechi\.sock/);
	assert.match(d.message, /its \/run is its own tmpfs/);
	assert.deepEqual(d.related?.map((r) => r.path), ['/etc/containers/systemd/qm.container.d/30-bluechi.conf']);
	const s = one(files, SHIPPER, CODE);
	assert.match(s.message, /log-collector\.container shares through its Volume= bind of \/run\/qmlog/);
});

test('ipc-path-not-mounted: the fixes bind the socket file (bluechi) or the socket directory', () => {
	const files = tree('ipc-path-not-mounted', 'bad');
	assert.deepEqual(applyFix(files, PROBE, one(files, PROBE, CODE).fixes?.[0]), {
		[PROBE]: `[Unit]
Description=Probe that talks to the bluechi controller from QM

[Container]
Image=registry.example.com/tools/node-probe:0.3
# the controller socket the boundary binds into QM
Exec=/usr/bin/node-probe --controller=unix:path=/run/bluechi.sock --interval=5
Volume=/run/bluechi.sock:/run/bluechi.sock
`,
	});
	assert.deepEqual(applyFix(files, SHIPPER, one(files, SHIPPER, CODE).fixes?.[0]), {
		[SHIPPER]: `[Unit]
Description=Log shipper reading from the QM logging socket

[Container]
Image=registry.example.com/tools/log-shipper:1
Environment=LOG_SOCKET=/run/qmlog/ingest.sock
Volume=/run/qmlog:/run/qmlog
`,
	});
});

test('ipc-path-not-mounted: a mounted socket and a container\'s own private socket are fine', () => {
	assert.deepEqual(everywhere(tree('ipc-path-not-mounted', 'good'), CODE), []);
});

test('ipc-path-not-mounted: a host socket unit, an escaped quote, and a pod volume', () => {
	const client = '/etc/containers/systemd/logger.container';
	const files = {
		'/etc/systemd/system/journal-relay.socket': '[Socket]\nListenStream=%t/relay/relay.sock\n',
		[client]: '[Container]\nImage=registry.example.com/l:1\nExec=/bin/sh -c "logger --socket=\\"/run/relay/relay.sock\\""\n',
	};
	const d = one(files, client, CODE);
	assert.equal(files[client].slice(d.start, d.end), '/run/relay/relay.sock');
	assert.match(d.message, /the socket journal-relay\.socket listens on/);

	const pod = '/etc/containers/systemd/relay.pod';
	const inPod = { ...files, [pod]: '[Pod]\nVolume=/run/relay:/run/relay\n', [client]: `${files[client]}Pod=relay.pod\n` };
	assert.deepEqual(findings(inPod, client, CODE), []);
});

test('ipc-path-not-mounted: the container a socket activates gets the fd and needs no mount', () => {
	const files = {
		'/etc/systemd/system/echo.socket': '[Socket]\nListenStream=%t/echo/echo.sock\n',
		'/etc/containers/systemd/echo.container': '[Unit]\nRequires=echo.socket\nAfter=echo.socket\n\n[Container]\nImage=registry.example.com/echo:1\nEnvironment=ECHO_SOCKET=/run/echo/echo.sock\n',
	};
	assert.deepEqual(everywhere(files, CODE), []);
});

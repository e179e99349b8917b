import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, everywhere, findings, one, tree } from './helpers';
import { serviceWith } from '../../../helpers/service';

const CODE = 'qm/socket-listen-path';
const RULE = 'socket-listen-path';
const S = '/etc/qm/systemd/system/metrics.socket';

test('socket-listen-path: abstract (warning), /var/run (hint) and a specifier-relative name (error) (fixture)', () => {
	const files = tree(RULE, 'bad');
	const found = serviceWith(files).doValidation(S).filter((d) => d.code === CODE);
	assert.deepEqual(found.map((d) => `${d.severity} ${files[S].slice(d.start, d.end)}`), [
		'warning @qm-metrics',
		'hint /var/run/metrics/events.sock',
		'error %N.seqpacket',
	]);
	assert.match(found[0].message, /abstract socket.*no file label|no SELinux file label/s);
	assert.equal(applied(files[S], found[1].fixes?.[0]), files[S].replace('ListenDatagram=/var/run/', 'ListenDatagram=/run/'));
	assert.equal(applied(files[S], found[2].fixes?.[0]), files[S].replace('=%N.seqpacket', '=%t/%N.seqpacket'));
});

test('socket-listen-path: absolute paths, %t and addresses are fine (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('socket-listen-path: an abstract host socket is only reported when QM uses it', () => {
	const host = '/etc/systemd/system/bus.socket';
	const files = { [host]: '[Socket]\nListenStream=@host-bus\n' };
	assert.deepEqual(findings(files, host, CODE), []);
	const withQm = { ...files, '/etc/qm/containers/systemd/app.container': '[Container]\nImage=registry.example.com/a:1\nEnvironment=BUS_ADDRESS=unix:abstract=@host-bus\n' };
	const d = one(withQm, host, CODE);
	assert.equal(d.severity, 'warning');
	assert.match(d.message, /app\.container, in the QM partition, uses it across the QM boundary/);
});

test('socket-listen-path: plain relative paths are left to systemd/invalid-value (one report)', () => {
	const text = '[Socket]\nListenStream=run/app.sock\n';
	assert.deepEqual(findings({ [S]: text }, S, CODE), []);
	assert.equal(findings({ [S]: text }, S, 'systemd/invalid-value').length, 1);
});

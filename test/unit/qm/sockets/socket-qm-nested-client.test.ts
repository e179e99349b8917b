import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLanguageService } from '../../../../server/src/service/index';
import { HAVE_SHARED, SHARED } from '../../../helpers/paths';
import { readTree } from '../../../helpers/tree';
import { FAMILY, allDiagnostics, covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/socket-qm-nested-client';
const RULE = 'socket-qm-nested-client';
const S = '/etc/qm/systemd/system/sensor_hub.socket';
const CLIENT = '/etc/qm/containers/systemd/dashboard.container';
const SERVER = '/etc/qm/containers/systemd/sensor_hub.container';

test('socket-qm-nested-client: a QM socket unit used by a default-typed nested client (fixture)', () => {
	const files = tree(RULE, 'bad');
	const d = one(files, S, CODE);
	assert.equal(d.severity, 'error');
	assert.equal(covered(files, S, d), '%t/sensor_hub.socket');
	// The explanation: who, why (qm_t / qm_file_t / qm_container_t), upstream, what instead.
	assert.match(d.message, /dashboard\.container \(qm_container_t, the default type of nested containers\)/);
	assert.match(d.message, /runs as qm_t: it creates \/run\/sensor_hub\.socket in QM's \/run as a qm_file_t socket/);
	assert.match(d.message, /may neither connect to qm_t nor write qm_file_t sockets/);
	assert.match(d.message, /PR #877/);
	assert.match(d.message, /delete sensor_hub\.socket/);
	assert.match(d.message, /Volume=\/run\/sensor_hub\/:\/run\/sensor_hub\/ on server and client/);
	assert.match(d.message, /SecurityLabelLevel= on both \(they already share s0:c4,c7\)/);
	assert.match(d.message, /Requires=sensor_hub\.service and After=sensor_hub\.service/);
	// Related: each line of the client that uses the socket, and the server.
	const rel = (d.related ?? []).map((r) => `${r.path}: ${files[r.path].slice(r.start, r.end)}`);
	assert.deepEqual(rel.filter((r) => r.startsWith(CLIENT)), [`${CLIENT}: sensor_hub.socket`, `${CLIENT}: sensor_hub.socket`, `${CLIENT}: /run/`]);
	assert.ok(rel.some((r) => r.startsWith(SERVER)));
	// The server is started by the socket: it is not a client.
	assert.doesNotMatch(d.message, /sensor_hub\.container \(qm_container_t/);
});

test('socket-qm-nested-client: one clear explanation, not a wall of findings', () => {
	const files = tree(RULE, 'bad');
	const mine = allDiagnostics(files).filter((d) => FAMILY.test(d.code));
	assert.deepEqual(mine.map((d) => `${d.path} ${d.severity} ${d.code}`), [
		`${SERVER} hint qm/service-type-redundant`,
		`${S} error ${CODE}`,
	]);
	const errors = allDiagnostics(files).filter((d) => d.severity === 'error');
	assert.deepEqual(errors.map((d) => d.code), [CODE]);
});

test('socket-qm-nested-client: a server without Requires= on the doomed socket gets no advice to add it', () => {
	const files = tree(RULE, 'bad');
	const bare = { ...files, [SERVER]: files[SERVER].replace('Requires=sensor_hub.socket\nAfter=sensor_hub.socket\n', '') };
	assert.deepEqual(everywhere(bare, 'qm/socket-activation-missing-requires'), []);
	assert.equal(findings(bare, S, CODE).length, 1);
});

test('socket-qm-nested-client: wayland consumers may connect to qm_t (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('socket-qm-nested-client: the recommended layout (no socket unit, shared dir, same level) is clean (fixture)', () => {
	const files = tree(RULE, 'fixed');
	assert.deepEqual(allDiagnostics(files).filter((d) => FAMILY.test(d.code) && d.severity !== 'hint').map((d) => d.code), []);
});

test('socket-qm-nested-client: qm_container_ipc_t and init clients too, kvm not; host sockets never', () => {
	const base = tree(RULE, 'bad');
	const typed = (t: string) => ({ ...base, [CLIENT]: base[CLIENT].replace('SecurityLabelLevel=s0:c4,c7\n', `SecurityLabelLevel=s0:c4,c7\nSecurityLabelType=${t}\n`) });
	assert.equal(findings(typed('qm_container_ipc_t'), S, CODE).length, 1);
	assert.equal(findings(typed('qm_container_init_t'), S, CODE).length, 1);
	assert.deepEqual(findings(typed('qm_container_kvm_t'), S, CODE), []);
	// The same files on the host: host systemd sockets are not qm_t's.
	const host: Record<string, string> = {};
	for (const [p, t] of Object.entries(base)) host[p.replace('/etc/qm/systemd/', '/etc/systemd/').replace('/etc/qm/containers/', '/etc/containers/')] = t;
	assert.deepEqual(everywhere(host, CODE), []);
});

test('socket-qm-nested-client: a client that only has the socket path in Environment= counts', () => {
	const base = tree(RULE, 'bad');
	const client = '[Container]\nImage=registry.example.com/demo/probe:1\nEnvironment=HUB_SOCKET=/run/sensor_hub.socket\n';
	const files = { [S]: base[S], [SERVER]: base[SERVER], '/etc/qm/containers/systemd/probe.container': client };
	const d = one(files, S, CODE);
	assert.match(d.message, /probe\.container \(qm_container_t/);
});

const HISTORY = resolve(SHARED, 'corpus', 'qm-upstream', 'history', 'qm-to-qm-socket-cfc9add');

test('socket-qm-nested-client: the upstream QM-to-QM example of docs/docs/ipc.md @ cfc9add (EXPECTED.md H1)', { skip: HAVE_SHARED && existsSync(HISTORY) ? false : '../shared/corpus is not present' }, () => {
	const files = readTree(HISTORY);
	const s = createLanguageService();
	for (const [p, t] of Object.entries(files)) s.workspace.set(p, t);
	const all = Object.keys(files).sort().flatMap((p) => s.doValidation(p).map((d) => ({ ...d, path: p })));
	const errors = all.filter((d) => d.severity === 'error');
	assert.deepEqual(errors.map((d) => `${d.path} ${d.code}`), ['/etc/qm/systemd/system/ipc_server.socket qm/socket-qm-nested-client']);
	assert.match(errors[0].message, /ipc_client\.container \(qm_container_t/);
	assert.match(errors[0].message, /Requires=ipc_server\.service and After=ipc_server\.service/);
	assert.ok(errors[0].related?.some((r) => r.path === '/etc/qm/containers/systemd/ipc_client.container'));
	// Besides: only the other family's broad-/run warnings and the Type=notify hint.
	assert.ok(all.filter((d) => d.severity === 'warning').every((d) => d.code === 'qm/volume-broad-run'));
	assert.deepEqual(all.filter((d) => FAMILY.test(d.code)).map((d) => `${d.severity} ${d.code}`), ['hint qm/service-type-redundant', `error ${CODE}`]);
});

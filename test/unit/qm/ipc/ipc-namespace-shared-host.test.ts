import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/ipc-namespace-shared-host';
const DEBUG = '/etc/containers/systemd/qm.container.d/60-debug.conf';
const WRITER = '/etc/qm/containers/systemd/shm-writer.container';

test('ipc-namespace-shared-host: host namespaces on the boundary (error) and --ipc=host in QM (warning)', () => {
	const files = tree('ipc-namespace-shared-host', 'bad');
	assert.deepEqual(everywhere(files, CODE), [`${DEBUG}: --ipc=host`, `${DEBUG}: --pid host`, `${WRITER}: --ipc=host`]);
	for (const d of findings(files, DEBUG, CODE)) assert.equal(d.severity, 'error');
	const w = one(files, WRITER, CODE);
	assert.equal(w.severity, 'warning');
	assert.match(w.message, /joins the partition's IPC namespace/);
});

test('ipc-namespace-shared-host: the fixes remove just the flag', () => {
	const files = tree('ipc-namespace-shared-host', 'bad');
	const [ipc, pid] = findings(files, DEBUG, CODE);
	assert.equal(ipc.severity, 'error');
	assert.deepEqual(applyFix(files, DEBUG, ipc.fixes?.[0]), { [DEBUG]: '# Debug settings: do not ship.\n[Container]\nPodmanArgs=--pid host\n' });
	assert.deepEqual(applyFix(files, DEBUG, pid.fixes?.[0]), { [DEBUG]: '# Debug settings: do not ship.\n[Container]\nPodmanArgs=--ipc=host\n' });
	assert.deepEqual(applyFix(files, WRITER, one(files, WRITER, CODE).fixes?.[0]), { [WRITER]: files[WRITER].replace('PodmanArgs=--memory 256m --ipc=host', 'PodmanArgs=--memory 256m') });
});

test('ipc-namespace-shared-host: pods and private namespaces are fine', () => {
	assert.deepEqual(everywhere(tree('ipc-namespace-shared-host', 'good'), CODE), []);
});

test('ipc-namespace-shared-host: a lone flag removes the line; UserNS=host on the boundary; host containers are not checked', () => {
	const path = '/etc/containers/systemd/qm.container.d/70-ns.conf';
	const text = '[Container]\nPodmanArgs=--uts=host\nUserNS=host\n';
	const ds = findings({ [path]: text }, path, CODE);
	assert.equal(ds.length, 2);
	assert.deepEqual(applyFix({ [path]: text }, path, ds[0].fixes?.[0]), { [path]: '[Container]\nUserNS=host\n' });
	assert.deepEqual(applyFix({ [path]: text }, path, ds[1].fixes?.[0]), { [path]: '[Container]\nPodmanArgs=--uts=host\n' });
	assert.deepEqual(everywhere({
		'/etc/containers/systemd/tool.container': '[Container]\nImage=registry.example.com/t:1\nPodmanArgs=--ipc=host --pid=host\n',
		'/etc/qm/containers/systemd/top.container': '[Container]\nImage=registry.example.com/t:1\nPodmanArgs=--pid=host --ipc=container:other\n',
	}, CODE), []);
});

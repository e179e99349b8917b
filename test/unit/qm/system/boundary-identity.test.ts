import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only } from './helpers';

const CODE = 'qm/boundary-identity';
const BAD = 'qm/boundary-identity/bad';
const FILE = `${BOUNDARY_DIR}/30-rename.conf`;

test('boundary-identity: container name, Volume= reset, /etc source and RWETCFS changed by a drop-in', () => {
	const text = fixtureText(BAD, FILE);
	const ds = inTree(BAD, FILE, CODE);
	assert.deepEqual(ds.map((d) => covered(text, d)), ['qm-main', 'Volume=', '/srv/qm-etc:/etc', 'RWETCFS=/srv/qm-etc']);
	assert.ok(ds.every((d) => d.severity === 'warning'));
	assert.match(ds[0].message, /ContainerName=qm-main changes the QM partition's container name \(shipped: ContainerName=qm\)/);
	assert.match(ds[1].message, /clears every earlier Volume= of qm\.container/);
	assert.match(ds[3].message, /tools\/qm-rootfs reads RWETCFS/);
	assertFix(text, ds[0].fixes?.[0], '[Container]\nVolume=\nVolume=/srv/qm-etc:/etc\n\n[Service]\nEnvironment=RWETCFS=/srv/qm-etc\n');
	assertFix(text, ds[1].fixes?.[0], '[Container]\nContainerName=qm-main\nVolume=/srv/qm-etc:/etc\n\n[Service]\nEnvironment=RWETCFS=/srv/qm-etc\n');
	assertFix(text, ds[3].fixes?.[0], '[Container]\nContainerName=qm-main\nVolume=\nVolume=/srv/qm-etc:/etc\n\n[Service]\n');
});

test('boundary-identity: the vendor file itself is never judged', () => {
	assert.deepEqual(only(CODE, { '/usr/share/containers/systemd/qm.container': '[Container]\nContainerName=qm-old\nRootfs=/usr/lib/qm/rootfs:idmap\n' }, '/usr/share/containers/systemd/qm.container'), []);
});

test('boundary-identity: Rootfs= spelled out to the same path is the same identity', () => {
	assert.deepEqual(only(CODE, { [`${BOUNDARY_DIR}/a.conf`]: '[Container]\nRootfs=/usr/lib/qm/rootfs\nExec=/sbin/init\n' }, `${BOUNDARY_DIR}/a.conf`), []);
});

test('boundary-identity: extra volumes and unrelated environment are fine', () => {
	assertSilent('qm/boundary-identity/good', CODE);
});

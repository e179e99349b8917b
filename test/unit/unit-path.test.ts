import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropInDirNames, getUnitFileInfo, searchRootKey, serviceNameFor } from '../../server/src/service/unit-path';

test('unit kinds from extensions', () => {
	assert.equal(getUnitFileInfo('/etc/containers/systemd/web.container').kind, 'container');
	assert.equal(getUnitFileInfo('a/b.socket').kind, 'socket');
	assert.equal(getUnitFileInfo('notes.txt').kind, undefined);
	assert.equal(getUnitFileInfo('stray.conf').kind, undefined);
});

test('drop-ins inherit the unit kind from their directory', () => {
	const cases: [string, string, string][] = [
		['x/web.container.d/10.conf', 'container', 'unit'],
		['x/web-.container.d/10.conf', 'container', 'truncated'],
		['x/web@.container.d/10.conf', 'container', 'template'],
		['x/container.d/10.conf', 'container', 'toplevel'],
		['x/db.volume.d/a.conf', 'volume', 'unit'],
		['x/qm.service.d/a.conf', 'service', 'unit'],
	];
	for (const [p, kind, scope] of cases) {
		const info = getUnitFileInfo(p);
		assert.equal(info.kind, kind, p);
		assert.equal(info.dropIn?.scope, scope, p);
	}
	assert.equal(getUnitFileInfo('x/foo.d/a.conf').kind, undefined);
	assert.equal(getUnitFileInfo('x/web.container.d/a.txt').kind, undefined);
});

test('service names follow podman', () => {
	assert.equal(serviceNameFor('web.container'), 'web.service');
	assert.equal(serviceNameFor('web.kube'), 'web.service');
	assert.equal(serviceNameFor('db.volume'), 'db-volume.service');
	assert.equal(serviceNameFor('p.pod'), 'p-pod.service');
	assert.equal(serviceNameFor('foo@.volume'), 'foo-volume@.service');
	assert.equal(serviceNameFor('foo@.container'), 'foo@.service');
	assert.equal(serviceNameFor('foo@bar.volume'), 'foo@bar-volume.service');
	assert.equal(serviceNameFor('web.container', 'basic'), 'basic.service');
	assert.equal(serviceNameFor('ipc.socket'), 'ipc.service');
});

test('drop-in directory search order matches podman', () => {
	assert.deepEqual(dropInDirNames('sample-template-unit@base-instance.service'), [
		'sample-template-unit@base-instance.service.d',
		'sample-template-unit@.service.d',
		'sample-template-@.service.d',
		'sample-template-.service.d',
		'sample-@.service.d',
		'sample-.service.d',
		'service.d',
	]);
	assert.deepEqual(dropInDirNames('web.container'), ['web.container.d', 'container.d']);
});

test('search roots group the directories of one domain', () => {
	assert.equal(searchRootKey('/etc/containers/systemd'), searchRootKey('/usr/share/containers/systemd/sub'));
	assert.equal(searchRootKey('/etc/qm/containers/systemd'), searchRootKey('/usr/lib/qm/rootfs/usr/share/containers/systemd'));
	assert.notEqual(searchRootKey('/etc/qm/containers/systemd'), searchRootKey('/etc/containers/systemd'));
	assert.equal(searchRootKey('img/rootfs/etc/containers/systemd'), 'host:img/rootfs/');
	assert.equal(searchRootKey('/home/me/project'), 'dir:/home/me/project');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, exec, gen, hasRun, IMG, values } from './helpers';

const unit = `[Container]\nImage=${IMG}\nEnvironment=MAIN=1\n`;

test('drop-ins: applied alphabetically after the unit; the last single value wins; lists accumulate', () => {
	const g = gen({
		'web.container': unit,
		'web.container.d/20-b.conf': '[Container]\nEnvironment=B=1\nContainerName=second\n',
		'web.container.d/10-a.conf': '[Container]\nEnvironment=A=1\nContainerName=first\n[Unit]\nDescription=from drop-in\n',
	}, 'web.container');
	const a = exec(g);
	assert.ok(hasRun(a, '--env', 'A=1', '--env', 'B=1', '--env', 'MAIN=1'));
	assert.ok(hasRun(a, '--name', 'second'));
	assert.deepEqual(values(g, 'Unit', 'Description'), ['from drop-in']);
});

test('drop-ins: an empty assignment resets the list, also values of the unit file', () => {
	const g = gen({ 'web.container': unit, 'web.container.d/10-reset.conf': '[Container]\nEnvironment=\nEnvironment=ONLY=1\n' }, 'web.container');
	const a = exec(g);
	assert.ok(hasRun(a, '--env', 'ONLY=1'));
	assert.ok(!a.includes('MAIN=1'));
});

test('drop-ins: the most specific directory wins for a file name (unit > truncated > top level)', () => {
	const files = {
		'web-app.container': unit,
		'container.d/10-x.conf': '[Container]\nLabel=from=toplevel\n',
		'web-.container.d/10-x.conf': '[Container]\nLabel=from=truncated\n',
		'web-.container.d/20-y.conf': '[Container]\nLabel=other=truncated\n',
		'web-app.container.d/10-x.conf': '[Container]\nLabel=from=unit\n',
	};
	const a = exec(gen(files, 'web-app.container'));
	assert.ok(hasRun(a, '--label', 'from=unit', '--label', 'other=truncated'));
	assert.ok(!a.includes('from=toplevel') && !a.includes('from=truncated'));
	const old = exec(gen(files, 'web-app.container', { podmanVersion: '5.1' }));
	assert.ok(hasRun(old, '--label', 'from=unit') && !old.includes('other=truncated'), 'truncated and top-level directories need podman 5.2');
});

test('drop-ins: an unknown key from a drop-in refuses the unit, naming the unit file', () => {
	const g = gen({ 'web.container': unit, 'web.container.d/10.conf': '[Container]\nImagee=x\n' }, 'web.container');
	assert.deepEqual(g.errors, [`unsupported key 'Imagee' in group 'Container' in ${DIR}/web.container`]);
	assert.equal(g.text, '');
});

test('drop-ins: a drop-in podman cannot parse is skipped with a message; the unit still converts', () => {
	const g = gen({ 'web.container': unit, 'web.container.d/10.conf': '[Container]\nnot a line\nLabel=x=1\n' }, 'web.container');
	assert.deepEqual(g.errors, []);
	assert.ok(g.warnings.some((w) => w.startsWith(`error loading "${DIR}/web.container.d/10.conf", file contains line 2: “not a line”`)));
	assert.ok(!exec(g).includes('x=1'));
});

test('templates: foo@.container names the container systemd-%p_%i; no install without DefaultInstance=', () => {
	const g = gen({ 'foo@.container': `${unit}[Install]\nWantedBy=multi-user.target\n` }, 'foo@.container');
	assert.equal(g.serviceName, 'foo@.service');
	assert.ok(hasRun(exec(g), '--name', 'systemd-%p_%i'));
	assert.deepEqual(g.symlinks, []);
	const withDefault = gen({ 'foo@.container': `${unit}[Install]\nWantedBy=multi-user.target\nDefaultInstance=one\n` }, 'foo@.container');
	assert.deepEqual(withDefault.symlinks, [{ link: 'multi-user.target.wants/foo@one.service', target: '../foo@.service' }]);
});

test('templates: an instance reads the template\'s drop-in directory and its own, own wins', () => {
	const g = gen({
		'foo@.container': unit,
		'foo@bar.container': unit,
		'foo@.container.d/10-x.conf': '[Container]\nLabel=t=template\nLabel=shared=1\n',
		'foo@bar.container.d/10-x.conf': '[Container]\nLabel=t=instance\n',
		'foo@bar.container.d/20-y.conf': `[Install]\nWantedBy=default.target\n`,
	}, 'foo@bar.container');
	assert.equal(g.serviceName, 'foo@bar.service');
	const a = exec(g);
	assert.ok(hasRun(a, '--label', 't=instance'));
	assert.ok(!a.includes('shared=1'), '10-x.conf of the instance hides the template\'s');
	assert.deepEqual(g.symlinks, [{ link: 'default.target.wants/foo@bar.service', target: '../foo@bar.service' }]);
	const t = gen({ 'foo@bar.container': unit, 'foo@.container.d/30-z.conf': '[Container]\nLabel=z=1\n' }, 'foo@bar.container');
	assert.ok(hasRun(exec(t), '--label', 'z=1'));
});

test('templates: references to template volumes and networks keep the instance specifier', () => {
	const g = gen({
		'data@.volume': '[Volume]\n',
		'net@.network': '[Network]\n',
		'app@.container': `[Container]\nImage=${IMG}\nVolume=data@.volume:/data\nNetwork=net@.network\n`,
	}, 'app@.container');
	assert.deepEqual(g.errors, []);
	assert.ok(hasRun(exec(g), '--network', 'systemd-net-%i'));
	assert.ok(hasRun(exec(g), '-v', 'systemd-data-%i:/data'));
	assert.deepEqual(values(g, 'Unit', 'Requires'), ['net-network@.service', 'data-volume@.service']);
	assert.equal(gen({ 'data@.volume': '[Volume]\n' }, 'data@.volume').serviceName, 'data-volume@.service');
	assert.equal(gen({ 'data@x.volume': '[Volume]\n' }, 'data@x.volume').serviceName, 'data@x-volume.service');
});

test('ServiceName= names the service, and units that refer to it follow', () => {
	const files = {
		'db.volume': '[Volume]\nServiceName=database-storage\nVolumeName=dbdata\n',
		'app.container': `[Unit]\nAfter=db.volume\n[Container]\nImage=${IMG}\nServiceName=app\nVolume=db.volume:/var/lib/db\n`,
		'web.container': `[Container]\nImage=${IMG}\nServiceName=frontend\n`,
	};
	assert.equal(gen(files, 'db.volume').serviceName, 'database-storage.service');
	assert.equal(gen(files, 'web.container').serviceName, 'frontend.service');
	const g = gen(files, 'app.container');
	assert.deepEqual(values(g, 'Unit', 'Requires'), ['database-storage.service']);
	assert.deepEqual(values(g, 'Unit', 'After'), ['network-online.target', 'database-storage.service', 'database-storage.service']);
	assert.ok(hasRun(exec(g), '-v', 'dbdata:/var/lib/db'));
});

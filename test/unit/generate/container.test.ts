import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, exec, gen, hasRun, IMG, values } from './helpers';

const basic = `[Unit]\nDescription=web\n\n[Container]\nImage=${IMG}\n`;

test('container: the podman run line, service keys and [Unit] additions', () => {
	const g = gen({ 'web.container': basic }, 'web.container');
	assert.deepEqual(g.errors, []);
	assert.equal(g.serviceName, 'web.service');
	assert.deepEqual(exec(g), ['/usr/bin/podman', 'run', '--name', 'systemd-%N', '--replace', '--rm', '--cgroups=split', '--sdnotify=conmon', '-d', IMG]);
	assert.deepEqual(exec(g, 'ExecStop'), ['/usr/bin/podman', 'rm', '-v', '-f', '-i', 'systemd-%N']);
	assert.deepEqual(exec(g, 'ExecStopPost'), ['-/usr/bin/podman', 'rm', '-v', '-f', '-i', 'systemd-%N']);
	for (const [key, value] of [['KillMode', 'mixed'], ['Delegate', 'yes'], ['Type', 'notify'], ['NotifyAccess', 'all'], ['SyslogIdentifier', '%N'], ['Environment', 'PODMAN_SYSTEMD_UNIT=%n']]) {
		assert.deepEqual(values(g, 'Service', key), [value], key);
	}
	assert.deepEqual(values(g, 'Unit', 'Wants'), ['network-online.target']);
	assert.deepEqual(values(g, 'Unit', 'After'), ['network-online.target']);
	assert.deepEqual(values(g, 'Unit', 'SourcePath'), [`${DIR}/web.container`]);
	assert.deepEqual(values(g, 'Unit', 'RequiresMountsFor'), ['%t/containers']);
	assert.deepEqual(values(g, 'Unit', 'Description'), ['web']);
	assert.deepEqual(values(g, 'X-Container', 'Image'), [IMG]);
	assert.equal(values(g, 'Container', 'Image').length, 0, 'the primary section is renamed');
	assert.match(g.text, /^\[Unit\]\nWants=network-online.target\nAfter=network-online.target\nDescription=web\nSourcePath=/);
	assert.match(g.text, /\n\[X-Container\]\nImage=quay\.io\/fedora\/fedora:41\n\n\[Service\]\n/);
});

test('container: rootless generation waits for podman-user-wait-network-online.service', () => {
	const g = gen({ 'web.container': basic }, 'web.container', { user: true });
	assert.deepEqual(values(g, 'Unit', 'Wants'), ['podman-user-wait-network-online.service']);
});

test('container: DefaultDependencies=false, user After= kept after the default', () => {
	const none = gen({ 'a.container': `[Quadlet]\nDefaultDependencies=false\n[Container]\nImage=${IMG}\n` }, 'a.container');
	assert.deepEqual(values(none, 'Unit', 'Wants'), []);
	assert.deepEqual(values(none, 'X-Quadlet', 'DefaultDependencies'), ['false']);
	const reset = gen({ 'a.container': `[Unit]\nAfter=\n[Container]\nImage=${IMG}\n` }, 'a.container');
	assert.deepEqual(values(reset, 'Unit', 'After'), ['network-online.target', '']);
});

test('container: flags from the catalog and the special keys, PodmanArgs before the image, Exec after it', () => {
	const g = gen({
		'app.container': [
			'[Container]', `Image=${IMG}`, 'ContainerName=app', 'Environment=B=2 "A=1 x"', 'Environment=FLAG', 'Label=l=1',
			'PublishPort=8080:80', 'DNS=1.1.1.1', 'EnvironmentHost=no', 'ReadOnly=yes', 'ReadOnlyTmpfs=no', 'HealthCmd="curl -f localhost"',
			'AddCapability=CAP_NET_ADMIN', 'DropCapability=ALL', 'NoNewPrivileges=true', 'SecurityLabelType=spc_t', 'Mask=/proc/a /proc/b',
			'User=10', 'Group=20', 'UserNS=keep-id', 'Pull=newer', 'Entrypoint=', 'AutoUpdate=registry', 'LogDriver=journald', 'LogOpt=tag=x',
			'CgroupsMode=enabled', 'Timezone=', 'PodmanArgs=--foo "--bar baz"', 'Exec=/bin/sh -c "sleep 1"',
			'GlobalArgs=--log-level=debug', 'ContainersConfModule=/etc/m.conf',
		].join('\n'),
	}, 'app.container');
	assert.deepEqual(g.errors, []);
	const a = exec(g);
	assert.deepEqual(a.slice(0, 4), ['/usr/bin/podman', '--module=/etc/m.conf', '--log-level=debug', 'run']);
	for (const run of [
		['--name', 'app'], ['--env', 'A=1 x', '--env', 'B=2', '--env', 'FLAG'], ['--label', 'l=1'], ['--publish', '8080:80'], ['--dns', '1.1.1.1'],
		['--env-host=false'], ['--read-only'], ['--read-only-tmpfs=false'], ['--health-cmd', 'curl -f localhost'], ['--cap-add', 'cap_net_admin'],
		['--cap-drop', 'all'], ['--security-opt=no-new-privileges'], ['--security-opt', 'label=type:spc_t'], ['--security-opt', 'mask=/proc/a'],
		['--security-opt', 'mask=/proc/b'], ['--user', '10:20'], ['--userns', 'keep-id'], ['--pull', 'newer'], ['--entrypoint='],
		['--label', 'io.containers.autoupdate=registry'], ['--log-driver', 'journald'], ['--log-opt', 'tag=x'], ['--cgroups', 'enabled'],
	]) assert.ok(hasRun(a, ...run), `${run.join(' ')} in ${a.join(' ')}`);
	assert.ok(!a.includes('--tz'), 'empty Timezone= is not passed');
	assert.deepEqual(a.slice(-6), ['--foo', '--bar baz', IMG, '/bin/sh', '-c', 'sleep 1']);
	assert.deepEqual(exec(g, 'ExecStop').slice(0, 4), ['/usr/bin/podman', '--module=/etc/m.conf', '--log-level=debug', 'rm']);
});

test('container: Notify=, Type=oneshot, Rootfs=, ExposeHostPort=, VolatileTmp=, optional devices', () => {
	const healthy = exec(gen({ 'a.container': `[Container]\nImage=${IMG}\nNotify=healthy\n` }, 'a.container'));
	assert.ok(hasRun(healthy, '--sdnotify=healthy', '-d'));
	const yes = exec(gen({ 'a.container': `[Container]\nImage=${IMG}\nNotify=yes\n` }, 'a.container'));
	assert.ok(yes.includes('--sdnotify=container'));
	const oneshot = gen({ 'a.container': `[Container]\nImage=${IMG}\n[Service]\nType=oneshot\n` }, 'a.container');
	assert.ok(!exec(oneshot).some((w) => w.startsWith('--sdnotify') || w === '-d'));
	assert.deepEqual(values(oneshot, 'Service', 'Type'), ['oneshot']);
	assert.deepEqual(values(oneshot, 'Service', 'NotifyAccess'), []);
	const rootfs = exec(gen({ 'a.container': '[Container]\nRootfs=/srv/root\nExposeHostPort=8000-8010/udp\nVolatileTmp=yes\n' }, 'a.container'));
	assert.deepEqual(rootfs.slice(-2), ['--rootfs', '/srv/root']);
	assert.ok(hasRun(rootfs, '--expose', '8000-8010/udp'));
	assert.ok(hasRun(rootfs, '--tmpfs', '/tmp:rw,size=512M,mode=1777'));
	const devices = exec(gen({ 'a.container': `[Container]\nImage=${IMG}\nAddDevice=/dev/fuse -/dev/null:/dev/x -/dev/none\n` }, 'a.container', { hostPathExists: (p) => p === '/dev/null' }));
	assert.ok(hasRun(devices, '--device', '/dev/fuse', '--device', '/dev/null:/dev/x'));
	assert.ok(!devices.some((w) => w.includes('/dev/none')));
});

test('container: Volume= and Mount= sources resolved, references add Requires=/After=', () => {
	const g = gen({
		'data.volume': '[Volume]\nVolumeName=data\n',
		'img.image': '[Image]\nImage=quay.io/x/y:1\n',
		'net.network': '[Network]\n',
		'app.container': [
			'[Container]', 'Image=img.image', 'Network=net.network:ip=10.0.0.2', 'Volume=./conf:/conf:ro', 'Volume=data.volume:/data',
			'Volume=/anon', 'Volume=/host path:/x', 'Mount=type=bind,src=./src,dst=/src', 'Mount=type=image,source=img.image,target=/img',
			'Mount=type=volume,destination=/scratch', 'Mount=type=tmpfs,destination=/t',
		].join('\n'),
	}, 'app.container');
	assert.deepEqual(g.errors, []);
	const a = exec(g);
	assert.equal(a[a.length - 1], 'quay.io/x/y:1');
	for (const run of [
		['--network', 'systemd-net:ip=10.0.0.2'], ['-v', `${DIR}/conf:/conf:ro`], ['-v', 'data:/data'], ['-v', '/anon'], ['-v', '/host path:/x'],
		['--mount', `type=bind,source=${DIR}/src,dst=/src`], ['--mount', 'type=image,source=quay.io/x/y:1,target=/img'],
		['--mount', 'type=volume,destination=/scratch'], ['--mount', 'type=tmpfs,destination=/t'],
	]) assert.ok(hasRun(a, ...run), `${run.join(' ')} in ${a.join(' ')}`);
	assert.deepEqual(values(g, 'Unit', 'Requires'), ['img-image.service', 'net-network.service', 'data-volume.service', 'img-image.service']);
	assert.deepEqual(values(g, 'Unit', 'After'), ['network-online.target', 'img-image.service', 'net-network.service', 'data-volume.service', 'img-image.service']);
	assert.deepEqual(values(g, 'Unit', 'RequiresMountsFor'), ['%t/containers', `${DIR}/conf`, '"/host\\x20path"', `${DIR}/src`]);
});

test('container: Network=x.container joins that container, Pod= binds to the pod service', () => {
	const g = gen({
		'db.container': `[Container]\nImage=${IMG}\nContainerName=db-%N\n`,
		'web.pod': '[Pod]\nPodName=webpod\n',
		'app.container': `[Container]\nImage=${IMG}\nNetwork=db.container\nPod=web.pod\n`,
	}, 'app.container');
	assert.deepEqual(g.errors, []);
	assert.ok(hasRun(exec(g), '--network', 'container:db-db'));
	assert.ok(hasRun(exec(g), '--pod', 'webpod'));
	assert.deepEqual(values(g, 'Unit', 'BindsTo'), ['web-pod.service']);
	assert.deepEqual(values(g, 'Unit', 'Requires'), ['db.service']);
	assert.deepEqual(values(g, 'Unit', 'After'), ['network-online.target', 'db.service', 'web-pod.service']);
});

test('container: ExecReload from ReloadCmd= or ReloadSignal=', () => {
	const cmd = gen({ 'a.container': `[Container]\nImage=${IMG}\nReloadCmd=/bin/kill -HUP 1\n` }, 'a.container');
	assert.deepEqual(exec(cmd, 'ExecReload'), ['/usr/bin/podman', 'exec', 'systemd-%N', '/bin/kill', '-HUP', '1']);
	const sig = gen({ 'a.container': `[Container]\nImage=${IMG}\nReloadSignal=SIGHUP\n` }, 'a.container');
	assert.deepEqual(exec(sig, 'ExecReload'), ['/usr/bin/podman', 'kill', '--signal', 'SIGHUP', 'systemd-%N']);
});

test('container: Remap* keys become --userns / --uidmap', () => {
	const auto = exec(gen({ 'a.container': `[Container]\nImage=${IMG}\nRemapUsers=auto\nRemapUid=0:1000:10\nRemapUidSize=5\n` }, 'a.container'));
	assert.ok(hasRun(auto, '--userns', 'auto:uidmapping=0:1000:10,size=5'));
	const keep = exec(gen({ 'a.container': `[Container]\nImage=${IMG}\nRemapUsers=keep-id\nRemapUid=100\n` }, 'a.container'));
	assert.ok(hasRun(keep, '--userns', 'keep-id:uid=100'));
	const manual = exec(gen({ 'a.container': `[Container]\nImage=${IMG}\nRemapUsers=manual\nRemapGid=0:1:2\n` }, 'a.container'));
	assert.ok(hasRun(manual, '--gidmap', '0:1:2'));
});

test('container: warnings for short names, [Service] User= and unsupported escapes; the value is dropped', () => {
	const g = gen({ 'a.container': "[Container]\nImage=nginx\nExec='a\\.b'\nLabel=x=\\q\nLabel=y=1\n[Service]\nUser=10\n" }, 'a.container');
	assert.deepEqual(g.errors, []);
	assert.ok(g.warnings.some((w) => w.includes('a.container specifies the image "nginx" which not a fully qualified image name')));
	assert.ok(g.warnings.some((w) => w.startsWith('Warning: using key User in the Service group is not supported')));
	assert.equal(g.warnings.filter((w) => w.includes('unsupported escape char')).length, 2);
	const a = exec(g);
	assert.equal(a[a.length - 1], 'nginx');
	assert.ok(hasRun(a, '--label', 'y=1') && !a.some((w) => w.startsWith('x=')));
	assert.deepEqual(values(g, 'Service', 'User'), ['10'], 'passed through');
	assert.deepEqual(gen({ 'a.container': '[Container]\nImage=localhost/app\n' }, 'a.container').warnings, []);
});

test('container: comments are kept, continuation comments are not; quotes of a Lookup value stripped', () => {
	const g = gen({ 'a.container': `# top comment\n[Container]\n# about the image\nImage="${IMG}"\nExec=a \\\n# inside\n  b\n` }, 'a.container');
	assert.match(g.text, /^# top comment\n\n\[X-Container\]\n# about the image\nImage="quay/);
	assert.ok(!g.text.includes('# inside'));
	assert.deepEqual(exec(g).slice(-3), [IMG, 'a', 'b']);
});

test('container: the older generator (podman 5.7) skips an empty Entrypoint= and trims every quote', () => {
	const g = gen({ 'a.container': `[Container]\nImage=${IMG}\nEntrypoint=\nContainerName=""x""\n` }, 'a.container', { podmanVersion: '5.7' });
	assert.ok(!exec(g).some((w) => w.startsWith('--entrypoint')));
	assert.ok(hasRun(exec(g), '--name', 'x'));
});

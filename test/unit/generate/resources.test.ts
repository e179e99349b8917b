import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, exec, gen, hasRun, values } from './helpers';

test('volume: oneshot create service with device options', () => {
	const g = gen({ 'data.volume': '[Volume]\nDevice=/srv/data\nType=bind\nCopy=no\nUser=0x10\nGroup=nobody\nOptions=rw\nLabel=a=1\nUID=5\nGID=\n' }, 'data.volume');
	assert.deepEqual(g.errors, []);
	assert.equal(g.serviceName, 'data-volume.service');
	const a = exec(g);
	assert.deepEqual(a.slice(0, 4), ['/usr/bin/podman', 'volume', 'create', '--ignore']);
	for (const run of [['--opt', 'device=/srv/data'], ['--opt', 'type=bind'], ['--opt', 'nocopy'], ['--opt', 'o=uid=16,gid=0,rw'], ['--label', 'a=1'], ['--uid', '5']]) {
		assert.ok(hasRun(a, ...run), run.join(' '));
	}
	// An empty GID= is still passed, as an explicit empty argument.
	assert.match(values(g, 'Service', 'ExecStart')[0], / --gid "" systemd-data$/);
	assert.deepEqual(values(g, 'Service', 'Type'), ['oneshot']);
	assert.deepEqual(values(g, 'Service', 'RemainAfterExit'), ['yes']);
	assert.deepEqual(values(g, 'Unit', 'RequiresMountsFor'), ['%t/containers', '/srv/data']);
});

test('volume: user Type=/RemainAfterExit= kept; image driver with a .image reference; VolumeName=', () => {
	const kept = gen({ 'v.volume': '[Volume]\nVolumeName=named\n[Service]\nType=exec\nRemainAfterExit=no\n' }, 'v.volume');
	assert.deepEqual(values(kept, 'Service', 'Type'), ['exec']);
	assert.deepEqual(values(kept, 'Service', 'RemainAfterExit'), ['no']);
	assert.equal(exec(kept).pop(), 'named');
	const img = gen({ 'v.volume': '[Volume]\nDriver=image\nImage=base.image\nDevice=/ignored\n', 'base.image': '[Image]\nImage=quay.io/a/b\nImageTag=localhost/b:1\n' }, 'v.volume');
	assert.ok(hasRun(exec(img), '--driver', 'image', '--opt', 'image=localhost/b:1'));
	assert.ok(!exec(img).includes('device=/ignored'));
	assert.deepEqual(values(img, 'Unit', 'Requires'), ['base-image.service']);
});

test('network: subnets paired with gateways and ranges, options, delete on stop', () => {
	const g = gen({ 'net.network': '[Network]\nSubnet=10.0.0.0/24\nSubnet=10.0.1.0/24\nGateway=10.0.0.1\nIPRange=10.0.0.128/25\nOptions=mtu=1400 isolate=true\nInternal=yes\nDriver=macvlan\nNetworkDeleteOnStop=yes\n' }, 'net.network');
	assert.deepEqual(g.errors, []);
	assert.equal(g.serviceName, 'net-network.service');
	const a = exec(g);
	assert.ok(hasRun(a, '--subnet', '10.0.0.0/24', '--gateway', '10.0.0.1', '--ip-range', '10.0.0.128/25', '--subnet', '10.0.1.0/24'));
	for (const run of [['--opt', 'isolate=true', '--opt', 'mtu=1400'], ['--internal'], ['--driver', 'macvlan']]) assert.ok(hasRun(a, ...run), run.join(' '));
	assert.equal(a[a.length - 1], 'systemd-net');
	assert.deepEqual(exec(g, 'ExecStopPost'), ['/usr/bin/podman', 'network', 'rm', 'systemd-net']);
	assert.deepEqual(values(g, 'Service', 'RemainAfterExit'), ['yes']);
});

test('image: pull service; flags from the catalog', () => {
	const g = gen({ 'base.image': '[Image]\nImage=quay.io/a/b:1\nArch=arm64\nTLSVerify=no\nAllTags=yes\nAuthFile=/etc/auth.json\n' }, 'base.image');
	assert.deepEqual(g.errors, []);
	assert.equal(g.serviceName, 'base-image.service');
	const a = exec(g);
	assert.deepEqual(a.slice(0, 3), ['/usr/bin/podman', 'image', 'pull']);
	assert.equal(a[a.length - 1], 'quay.io/a/b:1');
	for (const run of [['--arch', 'arm64'], ['--tls-verify=false'], ['--all-tags'], ['--authfile', '/etc/auth.json']]) assert.ok(hasRun(a, ...run), run.join(' '));
	assert.deepEqual(values(g, 'Service', 'Type'), ['oneshot']);
});

test('build: tags, context from SetWorkingDirectory=, File=, and references', () => {
	const unit = gen({ 'app.build': '[Build]\nImageTag=localhost/app:1\nImageTag=localhost/app:latest\nSetWorkingDirectory=unit\nPull=always\nBuildArg=V=1\nNetwork=host\n' }, 'app.build');
	assert.deepEqual(unit.errors, []);
	assert.equal(unit.serviceName, 'app-build.service');
	const a = exec(unit);
	assert.ok(hasRun(a, '--tag', 'localhost/app:1', '--tag', 'localhost/app:latest'));
	for (const run of [['--pull=always'], ['--build-arg', 'V=1'], ['--network', 'host']]) assert.ok(hasRun(a, ...run), run.join(' '));
	assert.equal(a[a.length - 1], DIR);
	assert.deepEqual(values(unit, 'Service', 'WorkingDirectory'), [DIR]);
	assert.deepEqual(values(unit, 'Service', 'Type'), ['oneshot']);
	assert.deepEqual(values(unit, 'Service', 'RemainAfterExit'), []);

	const file = gen({ 'b.build': '[Build]\nImageTag=t\nFile=sub/Containerfile\nSetWorkingDirectory=file\n' }, 'b.build');
	assert.deepEqual(values(file, 'Service', 'WorkingDirectory'), [`${DIR}/sub`]);
	assert.deepEqual(exec(file).slice(-3), ['--file', 'sub/Containerfile', `${DIR}/sub`]);
	const abs = gen({ 'b.build': '[Build]\nImageTag=t\nFile=/x/Containerfile\n' }, 'b.build');
	assert.deepEqual(exec(abs).slice(-2), ['--file', '/x/Containerfile']);
	const rel = gen({ 'b.build': '[Build]\nImageTag=t\nSetWorkingDirectory=ctx\n' }, 'b.build');
	assert.equal(exec(rel).pop(), 'ctx');
	assert.deepEqual(values(rel, 'Service', 'WorkingDirectory'), [DIR]);
	const url = gen({ 'b.build': '[Build]\nImageTag=t\nSetWorkingDirectory=https://example.com/repo.git\n' }, 'b.build');
	assert.equal(exec(url).pop(), 'https://example.com/repo.git');
	assert.deepEqual(values(url, 'Service', 'WorkingDirectory'), []);
	const user = gen({ 'b.build': '[Build]\nImageTag=t\n[Service]\nWorkingDirectory=/srv/app\n' }, 'b.build');
	assert.equal(exec(user).pop(), '/srv/app');
});

test('build and container: Image=x.build uses the first tag and depends on the build service', () => {
	const g = gen({ 'app.build': '[Build]\nImageTag=localhost/app:1\nImageTag=localhost/app:2\nSetWorkingDirectory=unit\n', 'app.container': '[Container]\nImage=app.build\n' }, 'app.container');
	assert.equal(exec(g).pop(), 'localhost/app:1');
	assert.deepEqual(values(g, 'Unit', 'Requires'), ['app-build.service']);
	assert.deepEqual(g.warnings, []);
});

test('artifact: pull service', () => {
	const g = gen({ 'a.artifact': '[Artifact]\nArtifact=quay.io/a/art:1\nQuiet=yes\nRetry=3\n' }, 'a.artifact');
	assert.deepEqual(g.errors, []);
	assert.equal(g.serviceName, 'a-artifact.service');
	const a = exec(g);
	assert.deepEqual(a.slice(0, 3), ['/usr/bin/podman', 'artifact', 'pull']);
	assert.ok(hasRun(a, '--quiet') && hasRun(a, '--retry', '3'));
	assert.equal(a[a.length - 1], 'quay.io/a/art:1');
	assert.deepEqual(values(g, 'Service', 'RemainAfterExit'), ['yes']);
	const used = gen({ 'a.artifact': '[Artifact]\nArtifact=quay.io/a/art:1\n', 'c.container': '[Container]\nImage=quay.io/x/y\nVolume=a.artifact:/art\n' }, 'c.container');
	assert.ok(hasRun(exec(used), '-v', 'quay.io/a/art:1:/art'));
	assert.deepEqual(values(used, 'Unit', 'Requires'), ['a-artifact.service']);
});

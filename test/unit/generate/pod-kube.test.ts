import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, exec, gen, hasRun, IMG, values } from './helpers';

test('pod: create/start/stop/rm commands and the forking service', () => {
	const g = gen({ 'web.pod': '[Pod]\nPublishPort=8080:80\nNetwork=host\nPodmanArgs=--infra-image=x\n' }, 'web.pod');
	assert.deepEqual(g.errors, []);
	assert.equal(g.serviceName, 'web-pod.service');
	const pre = exec(g, 'ExecStartPre');
	assert.deepEqual(pre.slice(0, 7), ['/usr/bin/podman', 'pod', 'create', '--infra-conmon-pidfile=%t/%N.pid', '--replace', '--exit-policy', 'stop']);
	assert.deepEqual(pre.slice(-5), ['--infra-name', 'systemd-web-infra', '--name', 'systemd-web', '--infra-image=x']);
	assert.ok(hasRun(pre, '--publish', '8080:80') && hasRun(pre, '--network', 'host'));
	assert.deepEqual(exec(g), ['/usr/bin/podman', 'pod', 'start', 'systemd-web']);
	assert.deepEqual(exec(g, 'ExecStop'), ['/usr/bin/podman', 'pod', 'stop', '--ignore', '--time=10', 'systemd-web']);
	assert.deepEqual(exec(g, 'ExecStopPost'), ['/usr/bin/podman', 'pod', 'rm', '--ignore', '--force', 'systemd-web']);
	for (const [key, value] of [['Type', 'forking'], ['Restart', 'on-failure'], ['PIDFile', '%t/%N.pid'], ['SyslogIdentifier', '%N'], ['Environment', 'PODMAN_SYSTEMD_UNIT=%n']]) {
		assert.deepEqual(values(g, 'Service', key), [value], key);
	}
});

test('pod: PodName=, ExitPolicy=, StopTimeout=, a user Restart= (kept; forced before podman 5.9)', () => {
	const files = { 'web.pod': '[Pod]\nPodName=p\nExitPolicy=continue\nStopTimeout=30\n[Service]\nRestart=always\n' };
	const g = gen(files, 'web.pod');
	assert.ok(hasRun(exec(g, 'ExecStartPre'), '--exit-policy', 'continue'));
	assert.ok(hasRun(exec(g, 'ExecStartPre'), '--infra-name', 'p-infra', '--name', 'p'));
	assert.deepEqual(exec(g, 'ExecStop').slice(-2), ['--time=30', 'p']);
	assert.deepEqual(values(g, 'Service', 'Restart'), ['always']);
	assert.deepEqual(values(gen(files, 'web.pod', { podmanVersion: '5.8' }), 'Service', 'Restart'), ['on-failure']);
});

test('pod: started containers get Wants=/Before=; StartWithPod=false and templates do not', () => {
	const ctr = (extra = '') => `[Container]\nImage=${IMG}\nPod=web.pod\n${extra}`;
	const files = {
		'web.pod': '[Pod]\n',
		'a.container': ctr(),
		'b.container': ctr('StartWithPod=no\n'),
		'c@.container': ctr(),
		'c@one.container': ctr(),
		'other.container': `[Container]\nImage=${IMG}\n`,
		'named.container': ctr('ServiceName=custom\n'),
	};
	const g = gen(files, 'web.pod');
	assert.deepEqual(values(g, 'Unit', 'Wants'), ['network-online.target', 'a.service', 'c@one.service', 'custom.service']);
	assert.deepEqual(values(g, 'Unit', 'Before'), ['a.service', 'c@one.service', 'custom.service']);
	const old = gen(files, 'web.pod', { podmanVersion: '5.8' });
	assert.ok(values(old, 'Unit', 'Wants').includes('c@.service'), 'podman up to 5.8 also starts template containers');
});

test('kube: play and down commands, working directory, flags', () => {
	const g = gen({ 'app.kube': '[Kube]\nYaml=app.yml\nConfigMap=cm.yml\nConfigMap=/abs/cm.yml\nAutoUpdate=registry web/local\nExitCodePropagation=any\nKubeDownForce=yes\nSetWorkingDirectory=yaml\nPublishPort=80:80\nLogDriver=journald\n' }, 'app.kube');
	assert.deepEqual(g.errors, []);
	assert.equal(g.serviceName, 'app.service');
	const play = exec(g);
	assert.deepEqual(play.slice(0, 5), ['/usr/bin/podman', 'kube', 'play', '--replace', '--service-container=true']);
	assert.equal(play[play.length - 1], `${DIR}/app.yml`);
	for (const run of [
		['--configmap', `${DIR}/cm.yml`], ['--configmap', '/abs/cm.yml'], ['--annotation=io.containers.autoupdate=registry'],
		['--annotation=io.containers.autoupdate/web=local'], ['--publish', '80:80'], ['--log-driver', 'journald'],
	]) assert.ok(hasRun(play, ...run), run.join(' '));
	assert.equal(play.filter((w) => w === '--service-exit-code-propagation=any').length, 1);
	assert.deepEqual(exec(g, 'ExecStopPost'), ['/usr/bin/podman', 'kube', 'down', '--force', `${DIR}/app.yml`]);
	assert.deepEqual(values(g, 'Service', 'WorkingDirectory'), [DIR]);
	for (const [key, value] of [['KillMode', 'mixed'], ['Type', 'notify'], ['NotifyAccess', 'all'], ['SyslogIdentifier', '%N']]) {
		assert.deepEqual(values(g, 'Service', key), [value], key);
	}
});

test('kube: several Yaml= files; SetWorkingDirectory=unit; a user WorkingDirectory= wins', () => {
	const multi = gen({ 'a.kube': '[Kube]\nYaml=a.yml b.yml\nSetWorkingDirectory=unit\n' }, 'a.kube');
	assert.deepEqual(exec(multi).slice(-2), [`${DIR}/a.yml`, `${DIR}/b.yml`]);
	assert.deepEqual(values(multi, 'Service', 'WorkingDirectory'), [DIR]);
	const old = gen({ 'a.kube': '[Kube]\nYaml=a.yml\nYaml=b.yml\n' }, 'a.kube', { podmanVersion: '5.6' });
	assert.deepEqual(exec(old).slice(-2), ['--service-container=true', `${DIR}/b.yml`], 'before 5.7 the last Yaml= wins');
	const user = gen({ 'a.kube': '[Kube]\nYaml=/k/a.yml\nSetWorkingDirectory=yaml\n[Service]\nWorkingDirectory=/srv\n' }, 'a.kube');
	assert.deepEqual(values(user, 'Service', 'WorkingDirectory'), ['/srv']);
	const oneshot = gen({ 'a.kube': '[Kube]\nYaml=a.yml\n[Service]\nType=oneshot\n' }, 'a.kube');
	assert.deepEqual(values(oneshot, 'Service', 'NotifyAccess'), []);
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	buildGeneratorInvocation, buildVersionInvocation, checkExecutableSetting, findOnPath, generateWithPodman,
	generatorCandidates, isSupportedPodman, isUserUnitPath, parsePodmanVersion, probePodman, runInvocation,
	PODMAN_MAX_OUTPUT, type PodmanProbe,
} from '../../../client/src/podman';
import type { UnitSourcesResult } from '../../../client/src/protocol';
import { fakeGenerator, fakePodman, writeFakeExecutable } from './fake-exec';

let tmp: string;
before(() => { tmp = mkdtempSync(join(tmpdir(), 'qmq-podman-test-')); });
after(() => rmSync(tmp, { recursive: true, force: true }));

const trusted = () => true;
const SOURCES: UnitSourcesResult = {
	unit: 'web.container',
	files: [
		{ name: 'web.container', text: '[Container]\nImage=quay.io/a/b:1\nVolume=db.volume:/data\n' },
		{ name: 'web.container.d/10-env.conf', text: '[Container]\nEnvironment=A=1\n' },
		{ name: 'container.d/50-all.conf', text: '[Container]\nLabel=x=y\n' },
	],
	siblings: [{ name: 'db.volume', text: '[Volume]\nVolumeName=dbdata\n' }],
	omitted: 0,
};

describe('podman version and executable checks', () => {
	test('parses podman --version output', () => {
		assert.deepEqual(parsePodmanVersion('podman version 5.4.2\n'), { major: 5, minor: 4, patch: 2, text: '5.4.2' });
		assert.deepEqual(parsePodmanVersion('podman version 4.9.4-dev\n'), { major: 4, minor: 9, patch: 4, text: '4.9.4-dev' });
		assert.equal(parsePodmanVersion('docker version 24.0.0'), undefined);
		assert.equal(parsePodmanVersion(''), undefined);
	});

	test('podman 4.4 is the oldest release with quadlet', () => {
		const v = (s: string) => parsePodmanVersion(`podman version ${s}`)!;
		assert.equal(isSupportedPodman(v('4.3.1')), false);
		assert.equal(isSupportedPodman(v('3.4.4')), false);
		assert.equal(isSupportedPodman(v('4.4.0')), true);
		assert.equal(isSupportedPodman(v('5.6.1')), true);
	});

	test('the executable setting is a command name or an absolute path', () => {
		assert.deepEqual(checkExecutableSetting('podman'), { ok: true, value: 'podman' });
		assert.deepEqual(checkExecutableSetting('/opt/podman/bin/podman'), { ok: true, value: '/opt/podman/bin/podman' });
		assert.deepEqual(checkExecutableSetting('/opt/podman/../bin/podman'), { ok: true, value: '/opt/bin/podman' });
		for (const bad of ['./podman', 'bin/podman', '../podman', '', '   ', 'podman --remote', 'podman;rm -rf /', '-podman', 'pod\nman', 'pod\0man', 42, undefined, null]) {
			assert.equal(checkExecutableSetting(bad).ok, false, JSON.stringify(bad));
		}
	});

	test('PATH lookup skips relative entries (they would resolve against the workspace)', () => {
		const seen: string[] = [];
		const exists = (p: string) => { seen.push(p); return p === '/usr/bin/podman' || p === 'bin/podman' || p === 'podman'; };
		assert.equal(findOnPath('podman', ':.:bin:/usr/local/bin:/usr/bin', exists), '/usr/bin/podman');
		assert.deepEqual(seen, ['/usr/local/bin/podman', '/usr/bin/podman']);
		assert.equal(findOnPath('podman', '.:bin', exists), undefined);
		assert.equal(findOnPath('podman', undefined, exists), undefined);
	});

	test('the generator is looked up next to podman, then in the distribution paths', () => {
		assert.deepEqual(generatorCandidates('/opt/podman/bin/podman'), ['/opt/podman/libexec/podman/quadlet', '/usr/libexec/podman/quadlet', '/usr/lib/podman/quadlet']);
		assert.deepEqual(generatorCandidates('/usr/bin/podman'), ['/usr/libexec/podman/quadlet', '/usr/lib/podman/quadlet']);
	});

	test('user quadlet directories run the generator with -user', () => {
		assert.equal(isUserUnitPath('/home/u/.config/containers/systemd/a.container'), true);
		assert.equal(isUserUnitPath('/etc/containers/systemd/users/a.container'), true);
		assert.equal(isUserUnitPath('/etc/containers/systemd/a.container'), false);
		assert.equal(isUserUnitPath('/etc/qm/containers/systemd/a.container'), false);
	});
});

describe('argument building', () => {
	const staging = { root: '/tmp/qm-quadlet-preview-X', unitDir: '/tmp/qm-quadlet-preview-X/unit', refsDir: '/tmp/qm-quadlet-preview-X/refs' };

	test('the generator gets a fixed argument array, no shell, bounded time and output, a minimal environment', () => {
		const inv = buildGeneratorInvocation({ generator: '/usr/libexec/podman/quadlet', staging, user: false });
		assert.equal(inv.file, '/usr/libexec/podman/quadlet');
		assert.deepEqual(inv.args, ['-dryrun']);
		assert.equal(inv.options.shell, false);
		assert.equal(inv.options.timeout, 5000);
		assert.equal(inv.options.maxBuffer, 1024 * 1024);
		assert.equal(inv.options.killSignal, 'SIGKILL');
		assert.equal(inv.options.cwd, staging.root);
		assert.deepEqual(inv.options.env, {
			PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
			LC_ALL: 'C',
			HOME: '/tmp/qm-quadlet-preview-X/home',
			XDG_CONFIG_HOME: '/tmp/qm-quadlet-preview-X/home/.config',
			XDG_DATA_HOME: '/tmp/qm-quadlet-preview-X/home/.local/share',
			XDG_RUNTIME_DIR: '/tmp/qm-quadlet-preview-X/run',
			QUADLET_UNIT_DIRS: '/tmp/qm-quadlet-preview-X/unit:/tmp/qm-quadlet-preview-X/refs',
		});
		assert.deepEqual(buildGeneratorInvocation({ generator: '/g', staging, user: true }).args, ['-dryrun', '-user']);
	});

	test('the version query is podman --version with the same bounds', () => {
		const inv = buildVersionInvocation('/usr/bin/podman');
		assert.deepEqual([inv.file, ...inv.args], ['/usr/bin/podman', '--version']);
		assert.equal(inv.options.shell, false);
		assert.equal(inv.options.timeout, 5000);
		assert.equal(inv.options.maxBuffer, PODMAN_MAX_OUTPUT);
		assert.deepEqual(Object.keys(inv.options.env ?? {}).sort(), ['LC_ALL', 'PATH']);
	});
});

describe('running with fake executables', () => {
	test('a file name full of shell syntax is executed as a file, never interpreted', async () => {
		const marker = join(tmp, 'pwned');
		const weird = join(tmp, `po dman;touch ${marker}$(touch ${marker})\`touch ${marker}\``);
		fakePodman(weird, '5.4.2');
		const r = await runInvocation(buildVersionInvocation(weird));
		assert.equal(r.kind, 'exited');
		assert.equal(r.kind === 'exited' && r.stdout, 'podman version 5.4.2\n');
		assert.equal(existsSync(marker), false);
	});

	test('a process that does not finish is killed after the timeout', async () => {
		const gen = fakeGenerator(join(tmp, 'sleepy', 'quadlet'), 'sleep');
		const started = Date.now();
		const inv = buildGeneratorInvocation({ generator: gen, staging: { root: tmp, unitDir: tmp, refsDir: tmp }, user: false, timeoutMs: 300 });
		const r = await runInvocation(inv);
		assert.equal(r.kind, 'failed');
		assert.match(r.kind === 'failed' ? r.reason : '', /did not finish within 0\.3 s/);
		assert.ok(Date.now() - started < 4000, `took ${Date.now() - started} ms`);
	});

	test('output beyond the cap stops the process', async () => {
		const gen = fakeGenerator(join(tmp, 'flood', 'quadlet'), 'flood');
		const r = await runInvocation(buildGeneratorInvocation({ generator: gen, staging: { root: tmp, unitDir: tmp, refsDir: tmp }, user: false }));
		assert.equal(r.kind, 'failed');
		assert.match(r.kind === 'failed' ? r.reason : '', /more than 1048576 bytes/);
	});

	test('an aborted run reports cancellation', async () => {
		const gen = fakeGenerator(join(tmp, 'abort', 'quadlet'), 'sleep');
		const ac = new AbortController();
		const p = runInvocation(buildGeneratorInvocation({ generator: gen, staging: { root: tmp, unitDir: tmp, refsDir: tmp }, user: false }), ac.signal);
		setTimeout(() => ac.abort(), 100);
		assert.deepEqual(await p, { kind: 'failed', reason: 'cancelled' });
	});

	test('a missing executable is a failure, not an exception', async () => {
		const r = await runInvocation(buildVersionInvocation(join(tmp, 'nope')));
		assert.equal(r.kind, 'failed');
		assert.match(r.kind === 'failed' ? r.reason : '', /ENOENT/);
	});
});

describe('probePodman', () => {
	test('finds podman, checks its version and finds the generator next to it', async () => {
		const prefix = join(tmp, 'prefix');
		const podman = fakePodman(join(prefix, 'bin', 'podman'), '5.4.2');
		const gen = fakeGenerator(join(prefix, 'libexec', 'podman', 'quadlet'), 'ok');
		const r = await probePodman({ podmanPath: podman, isTrusted: trusted, generators: [] });
		assert.deepEqual(r, { ok: true, probe: { podman, version: { major: 5, minor: 4, patch: 2, text: '5.4.2' }, generator: gen } });
	});

	test('a command name is looked up on PATH', async () => {
		const bin = join(tmp, 'pathbin');
		const podman = fakePodman(join(bin, 'podman'), '4.9.3');
		const gen = fakeGenerator(join(tmp, 'gen-on-path', 'quadlet'), 'ok');
		const r = await probePodman({ podmanPath: 'podman', pathEnv: `.:${bin}`, isTrusted: trusted, generators: [gen] });
		assert.ok(r.ok, JSON.stringify(r));
		assert.equal(r.ok && r.probe.podman, podman);
	});

	test('podman older than 4.4 is refused', async () => {
		const podman = fakePodman(join(tmp, 'old', 'podman'), '4.3.1');
		const r = await probePodman({ podmanPath: podman, isTrusted: trusted, generators: [] });
		assert.deepEqual(r, { ok: false, reason: 'podman 4.3.1 has no quadlet generator (needs 4.4 or newer)' });
	});

	test('nothing runs in an untrusted workspace', async () => {
		const log = join(tmp, 'untrusted.log');
		const podman = fakePodman(join(tmp, 'untrusted', 'podman'), '5.4.2', log);
		const r = await probePodman({ podmanPath: podman, isTrusted: () => false });
		assert.deepEqual(r, { ok: false, reason: 'the workspace is not trusted' });
		assert.equal(existsSync(log), false);
	});

	test('trust revoked while podman runs discards the answer', async () => {
		const podman = fakePodman(join(tmp, 'revoked', 'podman'), '5.4.2');
		let calls = 0;
		const r = await probePodman({ podmanPath: podman, isTrusted: () => calls++ === 0 });
		assert.deepEqual(r, { ok: false, reason: 'the workspace is no longer trusted' });
	});

	test('relative paths and missing executables are reported, not run', async () => {
		assert.equal((await probePodman({ podmanPath: './podman', isTrusted: trusted })).ok, false);
		const r = await probePodman({ podmanPath: 'podman-does-not-exist', pathEnv: '/nonexistent', isTrusted: trusted });
		assert.deepEqual(r, { ok: false, reason: 'podman-does-not-exist was not found on PATH (setting qmQuadlet.preview.podmanPath)' });
	});

	test('a podman without its generator is reported', async () => {
		const podman = fakePodman(join(tmp, 'nogen', 'bin', 'podman'), '5.4.2');
		const r = await probePodman({ podmanPath: podman, isTrusted: trusted, generators: [join(tmp, 'missing-quadlet')] });
		assert.equal(r.ok, false);
		assert.match(!r.ok ? r.reason : '', /not its quadlet generator/);
	});
});

describe('generateWithPodman', () => {
	const probeWith = (generator: string): PodmanProbe => ({ podman: '/usr/bin/podman', version: { major: 5, minor: 4, patch: 2, text: '5.4.2' }, generator });
	const stagingLeft = (parent: string) => readdirSync(parent).filter((n) => n.startsWith('qm-quadlet-preview-'));

	test('stages the unit, drop-ins and siblings privately, runs -dryrun and maps the paths back', async () => {
		const parent = mkdtempSync(join(tmp, 'parent-'));
		const gen = fakeGenerator(join(tmp, 'gen-ok', 'quadlet'), 'ok');
		process.env.QMQ_SECRET_FOR_TEST = 'must not leak';
		try {
			const r = await generateWithPodman({
				probe: probeWith(gen), sources: SOURCES, serviceName: 'web.service', sourceDir: '/etc/containers/systemd',
				user: false, isTrusted: trusted, tmpParent: parent,
			});
			assert.ok(r.ok, JSON.stringify(r));
			const p = r.ok ? r.preview : undefined!;
			assert.equal(p.command, `${gen} -dryrun`);
			assert.deepEqual(p.errors, []);
			const info = JSON.parse(/^# INFO (.*)$/m.exec(p.text ?? '')![1]);
			assert.deepEqual(info.args, ['-dryrun']);
			assert.deepEqual(info.units, ['container.d/50-all.conf', 'web.container', 'web.container.d/10-env.conf']);
			assert.deepEqual(info.refs, ['db.volume']);
			assert.equal(info.unitText, SOURCES.files[0].text);
			assert.ok(!info.env.includes('QMQ_SECRET_FOR_TEST'), info.env.join(' '));
			assert.deepEqual(info.env, ['HOME', 'LC_ALL', 'PATH', 'QUADLET_UNIT_DIRS', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_RUNTIME_DIR']);
			// The staging root never shows in the preview: paths under it read as <staging>.
			assert.equal(info.cwd, '<staging>');
			assert.equal(info.envValues.HOME, '<staging>/home');
			assert.equal(info.envValues.QUADLET_UNIT_DIRS, '/etc/containers/systemd:/etc/containers/systemd');
			// Only this unit's service; staged paths replaced by the source directory.
			assert.match(p.text ?? '', /^SourcePath=\/etc\/containers\/systemd\/web\.container$/m);
			assert.match(p.text ?? '', /^ExecStart=\/usr\/bin\/podman run --name systemd-%N quay\.io\/a\/b:1$/m);
			assert.doesNotMatch(p.text ?? '', /db-volume|SourcePath=.*qm-quadlet-preview/);
			assert.deepEqual(stagingLeft(parent), [], 'the staging directory is removed');
		} finally {
			delete process.env.QMQ_SECRET_FOR_TEST;
		}
	});

	test("podman's refusal becomes the preview's errors", async () => {
		const parent = mkdtempSync(join(tmp, 'parent-'));
		const gen = fakeGenerator(join(tmp, 'gen-refuse', 'quadlet'), 'refuse');
		const r = await generateWithPodman({ probe: probeWith(gen), sources: SOURCES, serviceName: 'web.service', sourceDir: '/etc/containers/systemd', user: true, isTrusted: trusted, tmpParent: parent });
		assert.ok(r.ok);
		assert.equal(r.ok && r.preview.text, undefined);
		assert.deepEqual(r.ok && r.preview.errors, ['converting "web.container": invalid Group set without User']);
		assert.equal(r.ok && r.preview.command, `${gen} -dryrun -user`);
		assert.deepEqual(stagingLeft(parent), []);
	});

	test('parse errors name the source path, not the staging directory', async () => {
		const gen = fakeGenerator(join(tmp, 'gen-parse', 'quadlet'), 'parse-error');
		const r = await generateWithPodman({ probe: probeWith(gen), sources: SOURCES, serviceName: 'web.service', sourceDir: '/src/units', user: false, isTrusted: trusted, tmpParent: mkdtempSync(join(tmp, 'parent-')) });
		assert.deepEqual(r.ok && r.preview.errors, ['error loading "/src/units/web.container", invalid line']);
	});

	test('a timeout falls back with a reason and still removes the staging directory', async () => {
		const parent = mkdtempSync(join(tmp, 'parent-'));
		const gen = fakeGenerator(join(tmp, 'gen-sleep', 'quadlet'), 'sleep');
		const r = await generateWithPodman({ probe: probeWith(gen), sources: SOURCES, serviceName: 'web.service', sourceDir: '/x', user: false, isTrusted: trusted, tmpParent: parent, timeoutMs: 300 });
		assert.equal(r.ok, false);
		assert.match(!r.ok ? r.reason : '', /did not finish/);
		assert.deepEqual(stagingLeft(parent), []);
	});

	test('untrusted: nothing is staged or run', async () => {
		const parent = mkdtempSync(join(tmp, 'parent-'));
		const log = join(tmp, 'gen-untrusted.log');
		const gen = writeFakeExecutable(join(tmp, 'gen-untrusted', 'quadlet'), `require('fs').writeFileSync(${JSON.stringify(log)}, 'ran');`);
		const r = await generateWithPodman({ probe: probeWith(gen), sources: SOURCES, serviceName: 'web.service', sourceDir: '/x', user: false, isTrusted: () => false, tmpParent: parent });
		assert.deepEqual(r, { ok: false, reason: 'the workspace is not trusted' });
		assert.deepEqual(stagingLeft(parent), []);
		assert.equal(existsSync(log), false);
	});

	test('sources with unsafe names are refused before anything is written', async () => {
		const parent = mkdtempSync(join(tmp, 'parent-'));
		const gen = fakeGenerator(join(tmp, 'gen-unsafe', 'quadlet'), 'ok');
		const evil = { ...SOURCES, files: [...SOURCES.files, { name: '../../escape.conf', text: 'x' }] };
		const r = await generateWithPodman({ probe: probeWith(gen), sources: evil, serviceName: 'web.service', sourceDir: '/x', user: false, isTrusted: trusted, tmpParent: parent });
		assert.equal(r.ok, false);
		assert.match(!r.ok ? r.reason : '', /invalid drop-in name/);
		assert.deepEqual(readdirSync(parent), []);
		assert.equal(existsSync(join(tmp, 'escape.conf')), false);
	});
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getUnitFileInfo } from '../../../../server/src/service/unit-path';
import {
	bluechiSetOf, bluechiSetting, containersConfSetOf, containersConfFacts, engineConfigDomain, qmNestedOomDefault, readBluechi,
} from '../../../../server/src/service/qm/engine-config';
import { Workspace } from '../../../../server/src/service/workspace/workspace';
import { createContext } from '../../../../server/src/service/features/validate';
import { serviceWith } from '../../../helpers/service';
import { tree } from './helpers';

function workspace(files: Record<string, string>): Workspace {
	const ws = new Workspace();
	for (const [p, t] of Object.entries(files)) ws.set(p, t);
	return ws;
}

test('file identity: containers.conf and bluechi configuration by path, never as unit drop-ins', () => {
	const cases: [string, string | undefined][] = [
		['/etc/containers/containers.conf', 'containers-conf'],
		['/usr/share/containers/containers.conf', 'containers-conf'],
		['/etc/qm/containers/containers.conf.d/qm_dropin_img_tempdir.conf', 'containers-conf'],
		['/home/u/.config/containers/containers.conf.d/10-x.conf', 'containers-conf'],
		['/usr/share/qm/containers.conf', 'containers-conf'],
		['/etc/containers/containers.conf.d/notes.txt', undefined],
		// A stray .conf in a quadlet dir is listed (as a container drop-in podman never reads).
		['/etc/containers/systemd/containers.conf', 'container'],
		['/etc/bluechi/agent.conf', 'bluechi-conf'],
		['/etc/bluechi/controller.conf', 'bluechi-conf'],
		['/etc/qm/bluechi/agent.conf.d/agent.conf', 'bluechi-conf'],
		['/etc/bluechi/controller.conf.d/50-nodes.conf', 'bluechi-conf'],
		['/etc/qm/bluechi/agent.conf.d/10-node.cfg', 'bluechi-conf'],
		['/etc/qm/bluechi/agent.conf.d/README.md', undefined],
		['/etc/qm/bluechi/agent.conf.d/.10-node.conf.swp', undefined],
		['/etc/qm/bluechi/agent.conf.d/10-node.conf~', undefined],
		['/etc/containers/systemd/web.container.d/10.conf', 'container'],
	];
	for (const [p, kind] of cases) {
		const info = getUnitFileInfo(p);
		assert.equal(info.kind, kind, p);
		if (kind === 'containers-conf' || kind === 'bluechi-conf') assert.equal(info.dropIn, undefined, p);
	}
});

test('config files get neither unit syntax problems nor unit rules', () => {
	const files = {
		'/etc/qm/containers/containers.conf.d/10-a.conf': '[containers]\ndefault_ulimits = []\nmounts = [\n  "type=bind,source=/srv/a,target=/a",\n]\n',
		'/etc/qm/bluechi/agent.conf.d/10-a.conf': '[bluechi-agent]\nNodeName=qm.x\nControllerHost=192.0.2.1\nLogTarget: journald\n',
	};
	const s = serviceWith(files);
	for (const p of Object.keys(files)) assert.deepEqual(s.doValidation(p), [], p);
	// The same text as a quadlet drop-in is full of unit-parser problems.
	const unit = serviceWith({ '/etc/containers/systemd/web.container.d/10-a.conf': files['/etc/qm/containers/containers.conf.d/10-a.conf'] });
	assert.ok(unit.doValidation('/etc/containers/systemd/web.container.d/10-a.conf').some((d) => d.code.startsWith('quadlet/')));
});

test('every editor feature copes with configuration files', () => {
	const files = { ...tree('containers-conf-format', 'bad'), ...tree('bluechi-deprecated-keys', 'bad') };
	const s = serviceWith(files);
	for (const [p, text] of Object.entries(files)) {
		for (let o = 0; o <= text.length; o += 7) {
			s.doComplete(p, o);
			s.doHover(p, o);
			s.findDefinition(p, o);
		}
		s.findDocumentSymbols(p);
		s.getFoldingRanges(p);
		s.getSelectionRanges(p, [0, text.length]);
		s.findReferences(p);
		s.getCodeActions(p, 0, text.length);
		assert.ok(s.getDomain(p));
	}
});

test('domains the rules see: QM engine defaults are QM, the host files are the host\'s', () => {
	const ws = workspace({
		'/usr/share/qm/containers.conf': '[containers]\noom_score_adj = 750\n',
		'/etc/containers/containers.conf': '[containers]\n',
		'/etc/bluechi/agent.conf': '[bluechi-agent]\n',
		'/etc/qm/bluechi/agent.conf': '[bluechi-agent]\n',
		'/srv/build/bluechi/agent.conf': '# qm-domain: qm\n[bluechi-agent]\n',
		'/srv/build/other/agent.conf': '[bluechi-agent]\n',
	});
	const domain = (p: string) => createContext(ws, ws.get(p)!, {})?.domain.domain;
	assert.equal(domain('/usr/share/qm/containers.conf'), 'qm');
	assert.equal(domain('/etc/containers/containers.conf'), 'asil');
	assert.equal(domain('/etc/bluechi/agent.conf'), 'asil');
	assert.equal(domain('/etc/qm/bluechi/agent.conf'), 'qm');
	assert.equal(domain('/srv/build/bluechi/agent.conf'), 'qm');
	assert.equal(getUnitFileInfo('/srv/build/other/agent.conf').kind, undefined);
	assert.equal(engineConfigDomain('/srv/x/containers/containers.conf', { domain: 'unknown', reason: '' }).domain, 'unknown');
});

test('containers.conf facts: mounts with source ranges, devices, ulimits, oom_score_adj', () => {
	const text = '[containers]\nmounts = ["type=bind,src=/dev/tty0,dst=/dev/tty0,ro", "type=volume,source=data,target=/data"]\ndevices = ["/dev/kvm", "/dev/sdb:/dev/xvdb:rw"]\ndefault_ulimits = ["nofile=1024:2048", "nproc=unlimited"]\noom_score_adj = 800\n';
	const ws = workspace({ '/etc/qm/containers/containers.conf': text });
	const f = containersConfFacts(ws.get('/etc/qm/containers/containers.conf')!);
	assert.deepEqual(f.mounts.map((m) => [m.type, m.source?.value, m.destination?.value, m.readOnly]), [
		['bind', '/dev/tty0', '/dev/tty0', true],
		['volume', 'data', '/data', false],
	]);
	const src = f.mounts[0].source!;
	assert.equal(text.slice(src.start, src.end), '/dev/tty0');
	assert.equal(text.slice(src.start - 4, src.start), 'src=');
	assert.deepEqual(f.devices.map((d) => [d.host.value, d.container, text.slice(d.host.start, d.host.end)]), [
		['/dev/kvm', '/dev/kvm', '/dev/kvm'],
		['/dev/sdb', '/dev/xvdb', '/dev/sdb'],
	]);
	assert.deepEqual(f.defaultUlimits.map((u) => [u.type, u.soft, u.hard]), [['nofile', 1024, 2048], ['nproc', Infinity, Infinity]]);
	assert.deepEqual(f.oomScoreAdj && [f.oomScoreAdj.value.type, text.slice(f.oomScoreAdj.value.start, f.oomScoreAdj.value.end)], ['integer', '800']);
});

test('containers.conf sets: load order, the QM template and its copy, same-named drop-ins', () => {
	const ws = workspace({
		'/usr/share/qm/containers.conf': '[containers]\noom_score_adj = 750\n',
		'/etc/qm/containers/containers.conf': '[containers]\noom_score_adj = 750\n',
		'/etc/qm/containers/containers.conf.d/20-b.conf': '',
		'/etc/qm/containers/containers.conf.d/10-a.conf': '',
		'/usr/lib/qm/rootfs/usr/share/containers/containers.conf': '',
		'/usr/lib/qm/rootfs/usr/share/containers/containers.conf.d/10-a.conf': '',
		'/usr/lib/qm/rootfs/usr/share/containers/containers.conf.d/15-x.conf': '',
		'/usr/lib/qm/rootfs/etc/containers/containers.conf.d/99-hidden.conf': '',
		'/etc/containers/containers.conf.d/10-a.conf': '',
	});
	const qm = containersConfSetOf(ws, '/etc/qm/containers/containers.conf.d/10-a.conf')!;
	assert.equal(qm.engine, 'qm');
	assert.deepEqual(qm.members.map((m) => m.file.path), [
		'/usr/lib/qm/rootfs/usr/share/containers/containers.conf',
		'/etc/qm/containers/containers.conf',
		'/etc/qm/containers/containers.conf.d/10-a.conf',
		'/usr/lib/qm/rootfs/usr/share/containers/containers.conf.d/15-x.conf',
		'/etc/qm/containers/containers.conf.d/20-b.conf',
	]);
	assert.deepEqual(qm.unread.map((u) => [u.file.path, u.instead?.path]).sort(), [
		['/usr/lib/qm/rootfs/usr/share/containers/containers.conf.d/10-a.conf', '/etc/qm/containers/containers.conf.d/10-a.conf'],
		['/usr/share/qm/containers.conf', '/etc/qm/containers/containers.conf'],
	]);
	assert.equal(containersConfSetOf(ws, '/usr/lib/qm/rootfs/etc/containers/containers.conf.d/99-hidden.conf'), undefined);
	assert.equal(containersConfSetOf(ws, '/etc/containers/containers.conf.d/10-a.conf')?.engine, 'host');
});

test('qmNestedOomDefault: the last QM containers.conf that sets oom_score_adj wins', () => {
	const base = { '/usr/share/qm/containers.conf': '[containers]\noom_score_adj = 750\n' };
	assert.equal(qmNestedOomDefault(workspace({})), undefined);
	assert.equal(qmNestedOomDefault(workspace({ '/etc/containers/containers.conf': '[containers]\noom_score_adj = 100\n' })), undefined);
	const d = qmNestedOomDefault(workspace(base))!;
	assert.deepEqual([d.value, d.path, base['/usr/share/qm/containers.conf'].slice(d.start, d.end)], [750, '/usr/share/qm/containers.conf', '750']);
	const later = qmNestedOomDefault(workspace({ ...base, '/etc/qm/containers/containers.conf.d/50-oom.conf': '[containers]\noom_score_adj = 900\n', '/etc/qm/containers/containers.conf.d/60-none.conf': '[engine]\n' }))!;
	assert.deepEqual([later.value, later.path], [900, '/etc/qm/containers/containers.conf.d/50-oom.conf']);
	// A string is not an integer: podman refuses the file (qm/containers-conf-format), so nothing is known.
	assert.equal(qmNestedOomDefault(workspace({ ...base, '/etc/qm/containers/containers.conf.d/50-oom.conf': '[containers]\noom_score_adj = "900"\n' })), undefined);
});

test('bluechi reader: indented continuations, concatenated repeats, ":" and inline ";" comments', () => {
	const text = '# comment\nNodeName=outside\n[bluechi-controller]\nAllowedNodeNames=a,\n    b,\n\n    c ; the last one\nLogLevel: DEBUG\nAllowedNodeNames=,d\n  ; indented comment\n[other]\n  x=1\n';
	const ws = workspace({ '/etc/bluechi/controller.conf': text });
	const b = readBluechi(ws.get('/etc/bluechi/controller.conf')!);
	assert.equal(b.role, 'controller');
	assert.deepEqual(b.entries.map((e) => [e.section, e.key, e.value]), [
		['', 'NodeName', 'outside'],
		['bluechi-controller', 'AllowedNodeNames', 'a,b,c'],
		['bluechi-controller', 'LogLevel', 'DEBUG'],
		['bluechi-controller', 'AllowedNodeNames', ',d'],
		['other', 'x', '1'],
	]);
	assert.equal(b.values.get('bluechi-controller\u0000AllowedNodeNames')?.value, 'a,b,c,d');
	const first = b.entries[1];
	assert.deepEqual(first.parts.map((p) => text.slice(p.start, p.end)), ['a,', 'b,', 'c']);
	assert.equal(text.slice(first.keyStart, first.keyEnd), 'AllowedNodeNames');
	assert.deepEqual(b.sections.map((s) => text.slice(s.nameStart, s.nameEnd)), ['bluechi-controller', 'other']);
});

test('bluechi sets: agent.conf then agent.conf.d/*.conf by name; later files override', () => {
	const ws = workspace({
		'/etc/qm/bluechi/agent.conf': '[bluechi-agent]\nNodeName=qm.a\nLogLevel=INFO\n',
		'/etc/qm/bluechi/agent.conf.d/20-b.conf': '[bluechi-agent]\nNodeName=qm.b\n',
		'/etc/qm/bluechi/agent.conf.d/10-c.conf': '[bluechi-agent]\nNodeName=qm.c\n',
		'/etc/qm/bluechi/agent.conf.d/30-d.cfg': '[bluechi-agent]\nNodeName=qm.ignored\n',
		'/etc/bluechi/agent.conf': '[bluechi-agent]\nNodeName=a\n',
	});
	const set = bluechiSetOf(ws, '/etc/qm/bluechi/agent.conf.d/10-c.conf')!;
	assert.deepEqual([set.engine, set.role, set.tree], ['qm', 'agent', '']);
	assert.deepEqual(set.members.map((m) => m.file.path), ['/etc/qm/bluechi/agent.conf', '/etc/qm/bluechi/agent.conf.d/10-c.conf', '/etc/qm/bluechi/agent.conf.d/20-b.conf']);
	assert.deepEqual([bluechiSetting(set, 'NodeName')?.value, bluechiSetting(set, 'NodeName')?.file.file.path], ['qm.b', '/etc/qm/bluechi/agent.conf.d/20-b.conf']);
	assert.equal(bluechiSetting(set, 'LogLevel')?.value, 'INFO');
	assert.equal(bluechiSetOf(ws, '/etc/qm/bluechi/agent.conf.d/30-d.cfg'), undefined);
	assert.equal(bluechiSetOf(ws, '/etc/bluechi/agent.conf')?.engine, 'host');
});

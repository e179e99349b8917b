import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gen, IMG, values } from './helpers';

const deps = {
	'a.container': `[Container]\nImage=${IMG}\n`,
	'b.volume': '[Volume]\n',
	'c.network': '[Network]\nServiceName=net\n',
	'd.pod': '[Pod]\n',
	'e.kube': '[Kube]\nYaml=e.yml\n',
	'f.image': `[Image]\nImage=${IMG}\n`,
	'g.build': '[Build]\nImageTag=localhost/g\nSetWorkingDirectory=unit\n',
	'h.artifact': '[Artifact]\nArtifact=quay.io/a/b:1\n',
};

test('[Unit] dependencies on quadlet files become service names, on one line per key', () => {
	const g = gen({
		...deps,
		'x.container': `[Unit]\nAfter=a.container b.volume\nAfter=c.network sockets.target\nRequires="d.pod" e.kube\nWants=f.image g.build h.artifact\nBindsTo=plain.service foo.socket\n[Container]\nImage=${IMG}\n`,
	}, 'x.container');
	assert.deepEqual(g.errors, []);
	assert.deepEqual(values(g, 'Unit', 'After'), ['network-online.target', 'a.service b-volume.service net.service sockets.target']);
	assert.deepEqual(values(g, 'Unit', 'Requires'), ['d-pod.service e.service']);
	assert.deepEqual(values(g, 'Unit', 'Wants'), ['network-online.target', 'f-image.service g-build.service h-artifact.service']);
	assert.deepEqual(values(g, 'Unit', 'BindsTo'), ['plain.service foo.socket'], 'nothing to translate: left as written');
});

test('[Unit] dependency translation honours an empty assignment and the other 14 keys', () => {
	const g = gen({ ...deps, 'x.volume': '[Unit]\nPartOf=a.container\nPartOf=\nPartOf=b.volume\nOnFailure=d.pod\n[Volume]\n' }, 'x.volume');
	assert.deepEqual(values(g, 'Unit', 'PartOf'), ['b-volume.service']);
	assert.deepEqual(values(g, 'Unit', 'OnFailure'), ['d-pod.service']);
});

test('[Unit] a dependency on a quadlet file that does not exist refuses the unit', () => {
	const g = gen({ 'x.container': `[Unit]\nAfter=missing.container\n[Container]\nImage=${IMG}\n` }, 'x.container');
	assert.deepEqual(g.errors, ['unable to translate dependency for missing.container']);
});

test('[Install] WantedBy=, RequiredBy=, UpheldBy=, Alias= become symlinks; the section is kept', () => {
	const g = gen({
		'web.container': `[Container]\nImage=${IMG}\n[Install]\nWantedBy=multi-user.target default.target\nRequiredBy=x.target\nUpheldBy=y.target\nAlias=site.service\nAlias=dir/./sub/alias.service\nWantedBy=bad/name.target\nAlso=ignored.service\n`,
	}, 'web.container');
	assert.deepEqual(g.symlinks, [
		{ link: 'site.service', target: 'web.service' },
		{ link: 'dir/sub/alias.service', target: '../../web.service' },
		{ link: 'multi-user.target.wants/web.service', target: '../web.service' },
		{ link: 'default.target.wants/web.service', target: '../web.service' },
		{ link: 'x.target.requires/web.service', target: '../web.service' },
		{ link: 'y.target.upholds/web.service', target: '../web.service' },
	]);
	assert.deepEqual(values(g, 'Install', 'WantedBy'), ['multi-user.target default.target', 'bad/name.target']);
	const old = gen({ 'web.container': `[Container]\nImage=${IMG}\n[Install]\nUpheldBy=y.target\n` }, 'web.container', { podmanVersion: '5.4' });
	assert.deepEqual(old.symlinks, [], 'UpheldBy= needs podman 5.5');
});

test('[Install] for other unit types uses their service names', () => {
	const g = gen({ 'db.volume': '[Volume]\n[Install]\nWantedBy=multi-user.target\n' }, 'db.volume');
	assert.deepEqual(g.symlinks, [{ link: 'multi-user.target.wants/db-volume.service', target: '../db-volume.service' }]);
	const t = gen({ 'db@.volume': '[Volume]\n[Install]\nWantedBy=multi-user.target\nDefaultInstance=main\n' }, 'db@.volume');
	assert.deepEqual(t.symlinks, [{ link: 'multi-user.target.wants/db-volume@main.service', target: '../db-volume@.service' }]);
});

test('sections: other sections are copied, [Quadlet] becomes [X-Quadlet], order kept', () => {
	const g = gen({ 'a.container': `[X-Mine]\nK=v\n[Container]\nImage=${IMG}\n[Volume]\nStray=1\n[Quadlet]\nDefaultDependencies=true\n` }, 'a.container');
	assert.deepEqual(g.sections.map(([n]) => n), ['X-Mine', 'X-Container', 'Volume', 'X-Quadlet', 'Unit', 'Service']);
	assert.deepEqual(values(g, 'Volume', 'Stray'), ['1']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, assertFix, covered, one, only } from './generator-helpers';

const CODE = 'quadlet/unresolved-reference';
const P = `${DIR}/web.container`;

test('unresolved-reference: Network= names a missing .network, with did-you-mean', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\nNetwork=backend.network:ip=10.89.0.5\n';
	const files = { [P]: text, [`${DIR}/backnd.network`]: '[Network]\n' };
	const d = one(CODE, files, P);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), 'backend.network');
	assert.match(d.message, /requested Quadlet unit backend.network was not found/);
	assert.match(d.message, /Did you mean "backnd.network"/);
	assertFix(text, d.fixes?.[0], text.replace('backend.network', 'backnd.network'));
	assert.deepEqual(only(CODE, { [P]: text, [`${DIR}/backend.network`]: '[Network]\n' }, P), []);
});

test('unresolved-reference: Image=, Volume=, Mount= sources and Pod=', () => {
	const text = [
		'[Container]',
		'Image="base.image"',
		'Volume=data.volume:/data:Z',
		'Volume=./local:/local',
		'Volume=named:/named',
		'Mount=type=volume,source=cache.volume,destination=/cache',
		'Mount=type=image,src=tools.image,dst=/tools',
		'Pod=app.pod',
		'',
	].join('\n');
	const names = only(CODE, { [P]: text }, P).map((d) => covered(text, d));
	assert.deepEqual(names, ['base.image', 'data.volume', 'cache.volume', 'tools.image', 'app.pod']);
	const all = { [P]: text } as Record<string, string>;
	for (const f of ['base.image', 'data.volume', 'cache.volume', 'tools.image', 'app.pod']) all[`${DIR}/${f}`] = f.endsWith('.image') ? '[Image]\nImage=quay.io/org/x:1\n' : `[${f.endsWith('.pod') ? 'Pod' : 'Volume'}]\n`;
	assert.deepEqual(only(CODE, all, P), []);
});

test('unresolved-reference: [Unit] dependencies on quadlet files', () => {
	const text = '[Unit]\nAfter=network-online.target db.container\nRequires=db.container cache.socket\n\n[Container]\nImage=quay.io/org/web:1\n';
	const found = only(CODE, { [P]: text }, P);
	assert.deepEqual(found.map((d) => covered(text, d)), ['db.container', 'db.container']);
	assert.match(found[0].message, /unable to translate dependency for db.container/);
	assert.deepEqual(only(CODE, { [P]: text, [`${DIR}/db.container`]: '[Container]\nImage=quay.io/org/db:1\n' }, P), []);
});

test('unresolved-reference: template references resolve to the template file', () => {
	const p = `${DIR}/worker@.container`;
	const text = '[Container]\nImage=quay.io/org/w:1\nVolume=worker-data@.volume:/data\n';
	assert.equal(only(CODE, { [p]: text }, p).length, 1);
	assert.deepEqual(only(CODE, { [p]: text, [`${DIR}/worker-data@.volume`]: '[Volume]\n' }, p), []);
});

test('unresolved-reference: a reference in a drop-in is reported in the drop-in', () => {
	const dropIn = `${DIR}/web.container.d/10-net.conf`;
	const files = { [P]: '[Container]\nImage=quay.io/org/web:1\n', [dropIn]: '[Container]\nNetwork=missing.network\n' };
	assert.deepEqual(only(CODE, files, P), []);
	assert.equal(covered(files[dropIn], one(CODE, files, dropIn)), 'missing.network');
});

test('unresolved-reference: values cleared by an empty assignment are not used', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\nNetwork=missing.network\nNetwork=\nNetwork=host\n';
	assert.deepEqual(only(CODE, { [P]: text }, P), []);
});

test('unresolved-reference: a dependency on a quadlet of the other systemd is qm/unit-dep-cross-domain\'s finding', () => {
	const client = '/etc/qm/containers/systemd/client.container';
	const text = '[Unit]\nRequires=server.container\n[Container]\nImage=quay.io/org/client:1\n';
	const files = { [client]: text, [`${DIR}/server.container`]: '[Container]\nImage=quay.io/org/server:1\n' };
	assert.deepEqual(only(CODE, files, client), []);
	assert.equal(covered(text, one('qm/unit-dep-cross-domain', files, client)), 'server.container');
	// Missing everywhere: still the generator's error.
	assert.equal(only(CODE, { [client]: text }, client).length, 1);
});

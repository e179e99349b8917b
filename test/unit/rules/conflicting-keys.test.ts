import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, assertFix, covered, fixNamed, one, only } from './generator-helpers';

const CODE = 'quadlet/conflicting-keys';
const P = `${DIR}/web.container`;

test('conflicting-keys: Image= and Rootfs= together', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\nRootfs=/srv/rootfs\nExec=/bin/web\n';
	const d = one(CODE, { [P]: text }, P);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), 'Rootfs');
	assert.match(d.message, /the Image And Rootfs keys conflict can not be specified together/);
	assert.equal(covered(text, d.related![0]), 'Image=quay.io/org/web:1');
	assertFix(text, fixNamed(d, 'Remove Rootfs='), '[Container]\nImage=quay.io/org/web:1\nExec=/bin/web\n');
	assertFix(text, fixNamed(d, 'Remove Image='), '[Container]\nRootfs=/srv/rootfs\nExec=/bin/web\n');
});

test('conflicting-keys: the other key in a drop-in is shown as related', () => {
	const dropIn = `${DIR}/web.container.d/10-rootfs.conf`;
	const text = '[Container]\nImage=quay.io/org/web:1\n';
	const d = one(CODE, { [P]: text, [dropIn]: '[Container]\nRootfs=/srv/rootfs\n' }, P);
	assert.equal(covered(text, d), 'Image');
	assert.equal(d.related?.[0].path, dropIn);
	assert.equal(fixNamed(d, 'Remove Rootfs='), undefined);
	assert.deepEqual(only(CODE, { [P]: text, [dropIn]: '[Container]\nRootfs=/srv/rootfs\n' }, dropIn), []);
});

test('conflicting-keys: an empty value does not conflict', () => {
	assert.deepEqual(only(CODE, { [P]: '[Container]\nImage=quay.io/org/web:1\nRootfs=\n' }, P), []);
});

test('conflicting-keys: ReloadCmd= and ReloadSignal= together', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\nReloadCmd=/bin/web reload\nReloadSignal=SIGHUP\n';
	const d = one(CODE, { [P]: text }, P);
	assert.equal(covered(text, d), 'ReloadSignal');
	assert.match(d.message, /ReloadCmd and ReloadSignal are mutually exclusive but both are set/);
	assertFix(text, fixNamed(d, 'Remove ReloadSignal='), '[Container]\nImage=quay.io/org/web:1\nReloadCmd=/bin/web reload\n');
	assert.deepEqual(only(CODE, { [P]: '[Container]\nImage=quay.io/org/web:1\nReloadSignal=SIGHUP\n' }, P), []);
	// A ReloadCmd= with an escape podman rejects is dropped, so there is nothing to conflict with.
	assert.deepEqual(only(CODE, { [P]: '[Container]\nImage=quay.io/org/web:1\nReloadCmd=/bin/web \\q\nReloadSignal=SIGHUP\n' }, P), []);
});

test('conflicting-keys: Remap* keys next to UserNS=/UIDMap=', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\nUserNS=keep-id\nRemapUsers=auto\nRemapUid=0:100000:65536\n';
	const d = one(CODE, { [P]: text }, P);
	assert.equal(covered(text, d), 'RemapUsers');
	assert.match(d.message, /deprecated Remap keys are set along with explicit mapping keys/);
	assertFix(text, d.fixes?.[0], '[Container]\nImage=quay.io/org/web:1\nUserNS=keep-id\n');
	assert.equal(d.fixes?.length, 1);
	const pod = `${DIR}/app.pod`;
	assert.equal(one(CODE, { [pod]: '[Pod]\nUIDMap=0:1000:1\nRemapGid=0:1000:1\n' }, pod).severity, 'error');
	assert.deepEqual(only(CODE, { [pod]: '[Pod]\nUserNS=auto\n' }, pod), []);
	assert.deepEqual(only(CODE, { [pod]: '[Pod]\nRemapUsers=auto\n' }, pod), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, assertFix, covered, one, only } from './generator-helpers';

const CODE = 'quadlet/missing-required-key';
const IMAGE = 'registry.example.com/namespace/image:latest';

test('missing-required-key: a container without Image= or Rootfs=, fix appends to [Container]', () => {
	const p = `${DIR}/web.container`;
	const text = '[Unit]\nDescription=web\n\n[Container]\nExec=sleep infinity\n# keep running\n\n[Install]\nWantedBy=default.target\n';
	const d = one(CODE, { [p]: text }, p);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), '[Container]');
	assert.match(d.message, /no Image or Rootfs key specified/);
	assertFix(text, d.fixes?.[0], `[Unit]\nDescription=web\n\n[Container]\nExec=sleep infinity\nImage=${IMAGE}\n# keep running\n\n[Install]\nWantedBy=default.target\n`);
});

test('missing-required-key: the fix creates the section when it is absent', () => {
	const p = `${DIR}/web.container`;
	const text = '[Unit]\nDescription=web\n';
	const d = one(CODE, { [p]: text }, p);
	assert.equal(covered(text, d), '[Unit]');
	assertFix(text, d.fixes?.[0], `[Unit]\nDescription=web\n\n[Container]\nImage=${IMAGE}\n`);
	const bare = '[Unit]\nDescription=web';
	assertFix(bare, one(CODE, { [p]: bare }, p).fixes?.[0], `[Unit]\nDescription=web\n\n[Container]\nImage=${IMAGE}\n`);
});

test('missing-required-key: the fix keeps CRLF line ends and handles a header-only section', () => {
	const p = `${DIR}/web.container`;
	const crlf = '[Container]\r\nExec=sleep 1\r\n';
	assertFix(crlf, one(CODE, { [p]: crlf }, p).fixes?.[0], `[Container]\r\nExec=sleep 1\r\nImage=${IMAGE}\r\n`);
	const empty = '[Container]\n[Install]\nWantedBy=default.target\n';
	assertFix(empty, one(CODE, { [p]: empty }, p).fixes?.[0], `[Container]\nImage=${IMAGE}\n[Install]\nWantedBy=default.target\n`);
	const noEol = '[Container]\nExec=sleep 1';
	assertFix(noEol, one(CODE, { [p]: noEol }, p).fixes?.[0], `[Container]\nExec=sleep 1\nImage=${IMAGE}`);
});

test('missing-required-key: an empty Image= is the key to change', () => {
	const p = `${DIR}/web.container`;
	const text = '[Container]\nImage=\n';
	assert.equal(covered(text, one(CODE, { [p]: text }, p)), 'Image=');
	assert.equal(covered('[Container]\nImage=""\n', one(CODE, { [p]: '[Container]\nImage=""\n' }, p)), 'Image=""');
});

test('missing-required-key: Image= or Rootfs= in the unit or a drop-in is enough', () => {
	const p = `${DIR}/web.container`;
	assert.deepEqual(only(CODE, { [p]: '[Container]\nImage=quay.io/org/web:1\n' }, p), []);
	assert.deepEqual(only(CODE, { [p]: '[Container]\nRootfs=/var/lib/rootfs/web\n' }, p), []);
	const files = { [p]: '[Container]\nExec=sleep 1\n', [`${DIR}/web.container.d/10-image.conf`]: '[Container]\nImage=quay.io/org/web:1\n' };
	assert.deepEqual(only(CODE, files, p), []);
	assert.deepEqual(only(CODE, files, `${DIR}/web.container.d/10-image.conf`), []);
});

test('missing-required-key: a drop-in that empties Image= is pointed at from the unit', () => {
	const p = `${DIR}/web.container`;
	const dropIn = `${DIR}/web.container.d/90-reset.conf`;
	const text = '[Container]\nImage=quay.io/org/web:1\n';
	const d = one(CODE, { [p]: text, [dropIn]: '[Container]\nImage=\n' }, p);
	assert.equal(covered(text, d), '[Container]');
	assert.equal(d.related?.[0].path, dropIn);
});

test('missing-required-key: kube without Yaml=', () => {
	const p = `${DIR}/app.kube`;
	const text = '[Kube]\nPublishPort=8080:80\n';
	const d = one(CODE, { [p]: text }, p);
	assert.match(d.message, /no Yaml key specified/);
	assertFix(text, d.fixes?.[0], '[Kube]\nPublishPort=8080:80\nYaml=app.yaml\n');
	assert.deepEqual(only(CODE, { [p]: '[Kube]\nYaml=app.yaml\n' }, p), []);
});

test('missing-required-key: .image and .artifact need their reference', () => {
	const img = `${DIR}/base.image`;
	const d = one(CODE, { [img]: '[Image]\nArch=arm64\n' }, img);
	assert.match(d.message, /no Image key specified/);
	assertFix('[Image]\nArch=arm64\n', d.fixes?.[0], `[Image]\nArch=arm64\nImage=${IMAGE}\n`);
	assert.deepEqual(only(CODE, { [img]: '[Image]\nImage=quay.io/org/base:1\n' }, img), []);
	const art = `${DIR}/model.artifact`;
	assert.match(one(CODE, { [art]: '[Artifact]\nQuiet=true\n' }, art).message, /no Artifact key specified/);
	assert.deepEqual(only(CODE, { [art]: '[Artifact]\nArtifact=quay.io/org/model:1\n' }, art), []);
});

test('missing-required-key: volume with Driver=image needs Image=', () => {
	const p = `${DIR}/data.volume`;
	const text = '[Volume]\nDriver=image\n';
	const d = one(CODE, { [p]: text }, p);
	assert.equal(covered(text, d), 'Driver=image');
	assert.match(d.message, /the key Image is mandatory when using the image driver/);
	assertFix(text, d.fixes?.[0], `[Volume]\nDriver=image\nImage=${IMAGE}\n`);
	assert.deepEqual(only(CODE, { [p]: '[Volume]\nDriver=image\nImage=quay.io/org/data:1\n' }, p), []);
	assert.deepEqual(only(CODE, { [p]: '[Volume]\nDriver=local\n' }, p), []);
	const empty = one(CODE, { [p]: '[Volume]\nDriver=image\nImage=\n' }, p);
	assert.equal(empty.severity, 'warning');
});

test('missing-required-key: .build needs an ImageTag= and a context', () => {
	const p = `${DIR}/app.build`;
	const tagless = '[Build]\nSetWorkingDirectory=unit\n';
	const d = one(CODE, { [p]: tagless }, p);
	assert.match(d.message, /no ImageTag key specified/);
	assertFix(tagless, d.fixes?.[0], '[Build]\nSetWorkingDirectory=unit\nImageTag=localhost/app\n');
	const contextless = '[Build]\nImageTag=localhost/app\n';
	const c = one(CODE, { [p]: contextless }, p);
	assert.match(c.message, /neither SetWorkingDirectory, nor File key specified/);
	assertFix(contextless, c.fixes?.[0], '[Build]\nImageTag=localhost/app\nSetWorkingDirectory=unit\n');
	assert.deepEqual(only(CODE, { [p]: '[Build]\nImageTag=localhost/app\nFile=/src/Containerfile\n' }, p), []);
	assert.deepEqual(only(CODE, { [p]: '[Build]\nImageTag=localhost/app\n[Service]\nWorkingDirectory=/src\n' }, p), []);
});

test('missing-required-key: SetWorkingDirectory=file without File=', () => {
	const p = `${DIR}/app.build`;
	const text = '[Build]\nImageTag=localhost/app\nSetWorkingDirectory=file\n';
	const d = one(CODE, { [p]: text }, p);
	assert.equal(covered(text, d), 'SetWorkingDirectory=file');
	assert.match(d.message, /no File key specified/);
	assertFix(text, d.fixes?.[0], `${text}File=Containerfile\n`);
	assert.deepEqual(only(CODE, { [p]: `${text}File=build/Containerfile\n` }, p), []);
});

test('missing-required-key: units that need no key are left alone', () => {
	for (const [name, text] of [['n.network', '[Network]\n'], ['p.pod', '[Pod]\n'], ['v.volume', '[Volume]\n']]) {
		assert.deepEqual(only(CODE, { [`${DIR}/${name}`]: text }, `${DIR}/${name}`), []);
	}
});

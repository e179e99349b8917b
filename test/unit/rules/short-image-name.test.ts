import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIR, covered, one, only } from './generator-helpers';

const CODE = 'quadlet/short-image-name';

test('short-image-name: a short name in a container', () => {
	const p = `${DIR}/web.container`;
	const text = '[Container]\nImage=nginx:1.27\n';
	const d = one(CODE, { [p]: text }, p);
	assert.equal(d.severity, 'information');
	assert.equal(covered(text, d), 'nginx:1.27');
	assert.match(d.message, /not a fully qualified image name/);
	const quoted = '[Container]\nImage="library/nginx"\n';
	assert.equal(covered(quoted, one(CODE, { [p]: quoted }, p)), 'library/nginx');
});

test('short-image-name: .image and .volume units too', () => {
	const img = `${DIR}/base.image`;
	assert.equal(only(CODE, { [img]: '[Image]\nImage=fedora\n' }, img).length, 1);
	const vol = `${DIR}/data.volume`;
	assert.equal(only(CODE, { [vol]: '[Volume]\nDriver=image\nImage=fedora\n' }, vol).length, 1);
});

test('short-image-name: qualified names, ids and quadlet references are fine', () => {
	const p = `${DIR}/web.container`;
	const ok = ['docker.io/library/nginx', 'quay.io/org/app:1', 'localhost/app', 'registry:5000/app', 'sha256:0123', 'a'.repeat(64), 'app.image', 'app.build'];
	for (const image of ok) {
		assert.deepEqual(only(CODE, { [p]: `[Container]\nImage=${image}\n` }, p), [], image);
	}
});

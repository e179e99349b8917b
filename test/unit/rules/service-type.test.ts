import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, covered, fixNamed, one, only } from './generator-helpers';

const CODE = 'quadlet/service-type';
// A folder of no known QM domain: in host/QM folders qm/service-type-invalid reports instead.
const DIR = '/srv/units';
const P = `${DIR}/web.container`;

test('service-type: Type=simple in a container', () => {
	const text = '[Container]\nImage=quay.io/org/web:1\n\n[Service]\nType=simple\nRestart=always\n';
	const d = one(CODE, { [P]: text }, P);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), 'Type=simple');
	assert.match(d.message, /invalid service Type 'simple'/);
	assertFix(text, fixNamed(d, 'Change to Type=notify'), text.replace('Type=simple', 'Type=notify'));
	assertFix(text, fixNamed(d, 'Change to Type=oneshot'), text.replace('Type=simple', 'Type=oneshot'));
});

test('service-type: notify and oneshot are fine, and other unit types are not checked', () => {
	for (const t of ['notify', 'oneshot', '"oneshot"']) {
		assert.deepEqual(only(CODE, { [P]: `[Container]\nImage=quay.io/org/web:1\n[Service]\nType=${t}\n` }, P), [], t);
	}
	const vol = `${DIR}/data.volume`;
	assert.deepEqual(only(CODE, { [vol]: '[Volume]\n[Service]\nType=forking\n' }, vol), []);
	const kube = `${DIR}/app.kube`;
	assert.equal(only(CODE, { [kube]: '[Kube]\nYaml=app.yaml\n[Service]\nType=forking\n' }, kube).length, 1);
});

test('service-type: only the value podman reads counts, reported in the file that holds it', () => {
	const dropIn = `${DIR}/web.container.d/10-type.conf`;
	const main = '[Container]\nImage=quay.io/org/web:1\n[Service]\nType=simple\n';
	assert.deepEqual(only(CODE, { [P]: main, [dropIn]: '[Service]\nType=oneshot\n' }, P), []);
	const files = { [P]: '[Container]\nImage=quay.io/org/web:1\n', [dropIn]: '[Service]\nType=exec\n' };
	assert.deepEqual(only(CODE, files, P), []);
	assert.equal(covered(files[dropIn], one(CODE, files, dropIn)), 'Type=exec');
});

test('service-type: in a known QM domain the line is reported once, as qm/service-type-invalid', () => {
	for (const dir of ['/etc/containers/systemd', '/etc/qm/containers/systemd']) {
		const p = `${dir}/web.container`;
		const files = { [p]: '[Container]\nImage=quay.io/org/web:1\n[Service]\nType=simple\n' };
		assert.deepEqual(only(CODE, files, p), [], dir);
		assert.equal(only('qm/service-type-invalid', files, p).length, 1, dir);
	}
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, fixtureText, inTree, only, QM_DIR } from '../system/helpers';

const CODE = 'qm/dropin-list-append-surprise';
const BAD = 'qm/dropin-list-append-surprise/bad';
const FILE = `${QM_DIR}/maps.container.d/20-region.conf`;

test('dropin-list-append-surprise: a second Volume= onto /data without a reset', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'hint');
	assert.match(d.message, /This Volume= mounts onto \/data, and maps\.container already has Volume=\/var\/maps\/eu:\/data:ro/);
	assert.equal(d.related?.[0].path, `${QM_DIR}/maps.container`);
	assertFix(text, d.fixes?.[0], '[Container]\nVolume=\nVolume=/var/maps/us:/data:ro\n');
});

test('dropin-list-append-surprise: AddCapability= against the vendor drop on the boundary; repeated PodmanArgs option', () => {
	const caps = '[Container]\nAddCapability=sys_resource\n';
	const [c] = only(CODE, { [`${BOUNDARY_DIR}/a.conf`]: caps }, `${BOUNDARY_DIR}/a.conf`);
	assert.match(c.message, /both added and dropped/);
	const files = {
		[`${QM_DIR}/b.container`]: '[Container]\nImage=x\nPodmanArgs=--memory 1G\n',
		[`${QM_DIR}/b.container.d/10-mem.conf`]: '[Container]\nPodmanArgs=--memory 2G\n',
	};
	assert.equal(only(CODE, files, `${QM_DIR}/b.container.d/10-mem.conf`).length, 1);
});

test('dropin-list-append-surprise: with the reset line it is what the user meant', () => {
	assertSilent('qm/dropin-list-append-surprise/good', CODE);
});

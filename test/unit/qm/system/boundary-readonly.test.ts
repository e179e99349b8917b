import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, VENDOR } from './helpers';

const CODE = 'qm/boundary-readonly';
const BAD = 'qm/boundary-readonly/bad';
const FILE = `${BOUNDARY_DIR}/20-writable.conf`;

test('boundary-readonly: ReadOnly=false (error) and ReadOnlyTmpfs=no (warning) in a boundary drop-in', () => {
	const text = fixtureText(BAD, FILE);
	const ds = inTree(BAD, FILE, CODE);
	assert.deepEqual(ds.map((d) => [covered(text, d), d.severity]), [['false', 'error'], ['no', 'warning']]);
	assert.match(ds[0].message, /ReadOnly=false makes the QM partition's root writable/);
	// The vendor qm.container is assumed: removing the override brings ReadOnly=true back.
	assertFix(text, ds[0].fixes?.[0], '# Lets QM write its root (do not do this)\n[Container]\nReadOnlyTmpfs=no\n');
	assertFix(text, ds[1].fixes?.[0], '# Lets QM write its root (do not do this)\n[Container]\nReadOnly=false\n');
});

test('boundary-readonly: a later drop-in that sets ReadOnly=true again wins', () => {
	const files = { [`${BOUNDARY_DIR}/20-a.conf`]: '[Container]\nReadOnly=false\n', [`${BOUNDARY_DIR}/30-b.conf`]: '[Container]\nReadOnly=true\n' };
	assert.deepEqual(only(CODE, files, `${BOUNDARY_DIR}/20-a.conf`), []);
});

test('boundary-readonly: --read-only=false in PodmanArgs', () => {
	const text = '[Container]\nPodmanArgs=--read-only=false --memory 1G\n';
	const [d] = only(CODE, { [`${BOUNDARY_DIR}/20-a.conf`]: text }, `${BOUNDARY_DIR}/20-a.conf`);
	assert.equal(covered(text, d), '--read-only=false');
	assertFix(text, d.fixes?.[0], '[Container]\nPodmanArgs=--memory 1G\n');
});

test('boundary-readonly: in the full qm.container the fix sets the value back', () => {
	const text = '[Container]\nImage=x\nReadOnly=false\n';
	const [d] = only(CODE, { [VENDOR]: text }, VENDOR);
	assertFix(text, d.fixes?.[0], '[Container]\nImage=x\nReadOnly=true\n');
});

test('boundary-readonly: the vendor file and ReadOnly=true drop-ins are fine', () => {
	assertSilent('qm/boundary-readonly/good', CODE);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, QM_DIR, VENDOR } from './helpers';

const CODE = 'qm/unmask';
const BAD = 'qm/unmask/bad';

test('unmask: any Unmask= on the boundary is an error', () => {
	const file = `${BOUNDARY_DIR}/25-proc.conf`;
	const text = fixtureText(BAD, file);
	const [d] = inTree(BAD, file, CODE);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), '/proc/acpi');
	assertFix(text, d.fixes?.[0], '[Container]\n');
});

test('unmask: Unmask=ALL on a nested container is a warning', () => {
	const file = `${QM_DIR}/inspector.container`;
	const text = fixtureText(BAD, file);
	const [d] = inTree(BAD, file, CODE);
	assert.equal(d.severity, 'warning');
	assertFix(text, d.fixes?.[0], text.replace('Unmask=ALL\n', ''));
});

test('unmask: the reset idiom (Unmask= then Unmask=ALL) reports the ALL line only', () => {
	const text = '[Container]\nAddDevice=-/dev/net/tun\nUnmask=\nUnmask=ALL\n';
	const [d] = only(CODE, { [`${BOUNDARY_DIR}/expose.conf`]: text }, `${BOUNDARY_DIR}/expose.conf`);
	assert.equal(covered(text, d), 'ALL');
	assertFix(text, d.fixes?.[0], '[Container]\nAddDevice=-/dev/net/tun\nUnmask=\n');
});

test('unmask: --security-opt unmask= in PodmanArgs, also inside a quoted value', () => {
	const text = '[Container]\nImage=x\nPodmanArgs="--security-opt unmask=/sys/fs/selinux"\n';
	const [d] = only(CODE, { [VENDOR]: text }, VENDOR);
	assert.equal(covered(text, d), '/sys/fs/selinux');
	assertFix(text, d.fixes?.[0], '[Container]\nImage=x\n');
});

test('unmask: specific paths on nested containers are fine', () => {
	assertSilent('qm/unmask/good', CODE);
});

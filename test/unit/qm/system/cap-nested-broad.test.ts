import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTree } from '../../../helpers/tree';
import { assertFix, assertSilent, covered, fixtureText, inTree, only, QM_DIR, VENDOR } from './helpers';

const CODE = 'qm/cap-nested-broad';
const BAD = 'qm/cap-nested-broad/bad';
const FILE = `${QM_DIR}/tracer.container`;

test('cap-nested-broad: SYS_ADMIN inside QM (case-insensitive), net_raw is fine', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(text, d), 'SYS_ADMIN');
	assertFix(text, d.fixes?.[0], text.replace('AddCapability=SYS_ADMIN net_raw', 'AddCapability=net_raw'));
});

test('cap-nested-broad: AddCapability=all and --cap-add lists', () => {
	const text = '[Container]\nImage=x\nAddCapability=all\nPodmanArgs=--cap-add=chown,CAP_BPF\n';
	const ds = only(CODE, { [`${QM_DIR}/a.container`]: text }, `${QM_DIR}/a.container`);
	assert.deepEqual(ds.map((d) => covered(text, d)), ['all', 'CAP_BPF']);
	assertFix(text, ds[0].fixes?.[0], '[Container]\nImage=x\nPodmanArgs=--cap-add=chown,CAP_BPF\n');
	assertFix(text, ds[1].fixes?.[0], '[Container]\nImage=x\nAddCapability=all\nPodmanArgs=--cap-add=chown\n');
});

test('cap-nested-broad: never on the QM partition itself (AddCapability=all is needed there)', () => {
	const files = { [VENDOR]: readTree('qm/boundary-shadowed/good')[VENDOR] };
	assert.deepEqual(only(CODE, files, VENDOR), []);
});

test('cap-nested-broad: a narrow capability is fine', () => {
	assertSilent('qm/cap-nested-broad/good', CODE);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, QM_DIR } from './helpers';

const CODE = 'qm/sysctl';
const BAD = 'qm/sysctl/bad';

test('sysctl: a larger queue limit and another sysctl on the boundary', () => {
	const file = `${BOUNDARY_DIR}/35-mqueue.conf`;
	const text = fixtureText(BAD, file);
	const ds = inTree(BAD, file, CODE);
	assert.deepEqual(ds.map((d) => covered(text, d)), ['fs.mqueue.queues_max=64', 'net.ipv4.ip_forward=1']);
	assert.match(ds[0].message, /raises QM's limit of 4/);
	assertFix(text, ds[0].fixes?.[0], '[Container]\nSysctl=fs.mqueue.queues_max=4 net.ipv4.ip_forward=1\n');
	assertFix(text, ds[1].fixes?.[0], '[Container]\nSysctl=fs.mqueue.queues_max=64\n');
});

test('sysctl: net.* on a container inside QM', () => {
	const file = `${QM_DIR}/proxy.container`;
	const text = fixtureText(BAD, file);
	const [d] = inTree(BAD, file, CODE);
	assert.equal(d.severity, 'warning');
	assertFix(text, d.fixes?.[0], text.replace('Sysctl=net.core.somaxconn=1024\n', ''));
});

test('sysctl: the vendor value and nested fs.mqueue.* are fine', () => {
	assertSilent('qm/sysctl/good', CODE);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, QM_DIR } from './helpers';

const CODE = 'qm/podmanargs-bypass';
const BAD = 'qm/podmanargs-bypass/bad';
const FILE = `${QM_DIR}/worker.container`;

test('podmanargs-bypass: --network=none has the key Network=', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'information');
	assert.equal(covered(text, d), '--network=none');
	assert.match(d.message, /write Network=none/);
	assertFix(text, d.fixes?.[0], text.replace('PodmanArgs=--network=none', 'Network=none'));
});

test('podmanargs-bypass: options among others move to their own line', () => {
	const text = '[Container]\nImage=x\nPodmanArgs=--memory 1G --security-opt unmask=/proc/acpi -v /srv/a:/a:ro\n';
	const ds = only(CODE, { [`${QM_DIR}/a.container`]: text }, `${QM_DIR}/a.container`);
	assert.deepEqual(ds.map((d) => covered(text, d)), ['--security-opt unmask=/proc/acpi', '-v /srv/a:/a:ro']);
	assertFix(text, ds[0].fixes?.[0], '[Container]\nImage=x\nPodmanArgs=--memory 1G -v /srv/a:/a:ro\nUnmask=/proc/acpi\n');
	assertFix(text, ds[1].fixes?.[0], '[Container]\nImage=x\nPodmanArgs=--memory 1G --security-opt unmask=/proc/acpi\nVolume=/srv/a:/a:ro\n');
});

test('podmanargs-bypass: a whole quoted option and --cap-add lists', () => {
	const text = '[Container]\nImage=x\nPodmanArgs="--security-opt label=nested" --cap-add=chown,fowner\n';
	const ds = only(CODE, { [`${QM_DIR}/a.container`]: text }, `${QM_DIR}/a.container`);
	assert.deepEqual(ds.map((d) => d.message.match(/write (.+?)\. Keys/)?.[1]), ['SecurityLabelNested=true', 'AddCapability=chown fowner']);
});

test('podmanargs-bypass: the PodmanArgs= reset idiom with --memory (no key) is fine', () => {
	assertSilent('qm/podmanargs-bypass/good', CODE);
	assert.deepEqual(only(CODE, { [`${BOUNDARY_DIR}/oom.conf`]: '[Container]\nPodmanArgs=\nPodmanArgs=--memory 5G\n' }, `${BOUNDARY_DIR}/oom.conf`), []);
});

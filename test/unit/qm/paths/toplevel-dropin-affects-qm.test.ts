import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSilent, covered, fixtureText, inTree, only } from '../system/helpers';

const CODE = 'qm/toplevel-dropin-affects-qm';

test('toplevel-dropin-affects-qm: Network= (warning) and Environment= (information) in container.d', () => {
	const tree = 'qm/toplevel-dropin-affects-qm/bad';
	const file = '/etc/containers/systemd/container.d/10-defaults.conf';
	const text = fixtureText(tree, file);
	const ds = inTree(tree, file, CODE);
	assert.deepEqual(ds.map((d) => [covered(text, d), d.severity]), [['Network=host', 'warning'], ['Environment=TZ=UTC', 'information']]);
	assert.match(ds[0].message, /also applies to qm\.container/);
});

test('toplevel-dropin-affects-qm: per-unit drop-ins are fine', () => {
	assertSilent('qm/toplevel-dropin-affects-qm/good', CODE);
});

test('toplevel-dropin-affects-qm: a rootless container.d cannot reach qm.container', () => {
	const p = '/home/dev/.config/containers/systemd/container.d/10-net.conf';
	assert.deepEqual(only(CODE, { [p]: '[Container]\nNetwork=host\n' }, p), []);
});

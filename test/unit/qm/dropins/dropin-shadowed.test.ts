import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSilent, inTree, only } from '../system/helpers';

const CODE = 'qm/dropin-shadowed';
const BAD = 'qm/dropin-shadowed/bad';

test('dropin-shadowed: /etc wins over /usr/share for the same drop-in name', () => {
	const [d] = inTree(BAD, '/usr/share/containers/systemd/web.container.d/10-limits.conf', CODE);
	assert.equal(d.severity, 'information');
	assert.match(d.message, /\/etc\/containers\/systemd\/web\.container\.d\/10-limits\.conf has the same name/);
	assert.equal(d.related?.[0].path, '/etc/containers/systemd/web.container.d/10-limits.conf');
	assert.deepEqual(inTree(BAD, '/etc/containers/systemd/web.container.d/10-limits.conf', CODE), []);
});

test('dropin-shadowed: a more specific directory wins over a truncated one', () => {
	const files = {
		'/etc/containers/systemd/app-web.container': '[Container]\nImage=x\n',
		'/etc/containers/systemd/app-web.container.d/10-env.conf': '[Container]\nEnvironment=A=1\n',
		'/etc/containers/systemd/app-.container.d/10-env.conf': '[Container]\nEnvironment=A=2\n',
	};
	const [d] = only(CODE, files, '/etc/containers/systemd/app-.container.d/10-env.conf');
	assert.match(d.message, /more specific drop-in directory.*for app-web\.container/);
});

test('dropin-shadowed: different names all apply', () => {
	assertSilent('qm/dropin-shadowed/good', CODE);
});

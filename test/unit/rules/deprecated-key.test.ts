import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, lint } from '../../helpers/service';

const P = '/etc/containers/systemd/web.container';

test('quadlet/deprecated-key: RemapUsers is deprecated', () => {
	const d = lint({ [P]: '[Container]\nImage=quay.io/a/b:1\nRemapUsers=auto\n' }, P).filter((x) => x.code === 'quadlet/deprecated-key');
	assert.equal(d.length, 1);
	assert.deepEqual(d[0].tags, ['deprecated']);
	assert.equal(d[0].severity, 'hint');
	assert.match(d[0].message, /UserNS/);
});

test('quadlet/deprecated-key: UserNS is not', () => {
	assert.deepEqual(codes(lint({ [P]: '[Container]\nImage=quay.io/a/b:1\nUserNS=auto\n' }, P)), []);
});

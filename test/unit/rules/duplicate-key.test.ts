import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, codes, lint } from '../../helpers/service';

const P = '/etc/containers/systemd/web.container';

test('quadlet/duplicate-key: second assignment of a single-valued key', () => {
	const text = '[Container]\n# the image\nImage=quay.io/a/b:1\nImage=quay.io/a/b:2\n';
	const [d] = lint({ [P]: text }, P);
	assert.equal(d.code, 'quadlet/duplicate-key');
	assert.deepEqual(d.tags, ['unnecessary']);
	assert.equal(text.slice(d.start, d.end), 'Image=quay.io/a/b:1');
	assert.equal(applyEdits(text, d.fixes![0].edits), '[Container]\n# the image\nImage=quay.io/a/b:2\n');
});

test('quadlet/duplicate-key: across repeated section headers too', () => {
	assert.deepEqual(codes(lint({ [P]: '[Container]\nImage=a.io/a:1\n[Unit]\n[Container]\nImage=a.io/a:2\n' }, P)), ['quadlet/duplicate-key']);
});

test('quadlet/duplicate-key: repeatable keys and drop-in overrides are fine', () => {
	const files = {
		[P]: '[Container]\nImage=quay.io/a/b:1\nVolume=/a:/a\nVolume=/b:/b\n',
		'/etc/containers/systemd/web.container.d/10-image.conf': '[Container]\nImage=quay.io/a/b:2\n',
	};
	// (qm/dropin-conflict may point out the override as information; duplicate-key stays silent.)
	assert.deepEqual(codes(lint(files, P)).filter((c) => c === 'quadlet/duplicate-key'), []);
	assert.deepEqual(codes(lint(files, '/etc/containers/systemd/web.container.d/10-image.conf')).filter((c) => c === 'quadlet/duplicate-key'), []);
});

test('quadlet/duplicate-key: the same value twice is only a hint', () => {
	const [d] = lint({ [P]: '[Container]\nImage=quay.io/a/b:1\nSecurityLabelNested=true\nSecurityLabelNested=true\n' }, P);
	assert.equal(d.code, 'quadlet/duplicate-key');
	assert.equal(d.severity, 'hint');
	assert.match(d.message, /redundant/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursor, serviceWith } from '../../helpers/service';

const P = '/etc/containers/systemd/web.container';

function hover(marked: string, files: Record<string, string> = {}) {
	const [text, offset] = cursor(marked);
	return serviceWith({ ...files, [P]: text }).doHover(P, offset);
}

test('hover on a key: doc, type, since, example', () => {
	const h = hover('[Container]\nSecurityLabel|Level=s0:c1,c2\n');
	assert.ok(h);
	assert.match(h.markdown, /\*\*SecurityLabelLevel=\*\*/);
	assert.match(h.markdown, /Since: podman 4\.5/);
	assert.match(h.markdown, /Example:/);
	assert.equal(h.start, 12);
	assert.equal(h.end, 30);
});

test('hover on a section header', () => {
	const h = hover('[Con|tainer]\nImage=x\n');
	assert.ok(h);
	assert.match(h.markdown, /\*\*\[Container\]\*\*/);
});

test('hover on a specifier explains system and user expansion', () => {
	const h = hover('[Container]\nVolume=%|t/ipc:/run/ipc\n');
	assert.ok(h);
	assert.match(h.markdown, /\*\*%t\*\*/);
	assert.match(h.markdown, /\/run/);
	assert.match(h.markdown, /XDG_RUNTIME_DIR/);
});

test('hover on a unit reference summarises the target', () => {
	const h = hover('[Container]\nImage=quay.io/a/b:1\nVolume=da|ta.volume:/d\n', { '/etc/containers/systemd/data.volume': '[Volume]\nVolumeName=appdata\n' });
	assert.ok(h);
	assert.match(h.markdown, /data-volume\.service/);
	assert.match(h.markdown, /VolumeName=appdata/);
});

test('hover on an unknown key or in a comment gives nothing', () => {
	assert.equal(hover('[Container]\nImag|e2=x\n'), undefined);
	assert.equal(hover('[Container]\n# Ima|ge=x\n'), undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, codes, lint } from '../../helpers/service';

const P = '/etc/containers/systemd/web.container';

test('syntax problems become diagnostics with their ids', () => {
	assert.deepEqual(codes(lint({ [P]: '[Container]\nImage=quay.io/a/b:1\nnot a line\n' }, P)), ['quadlet/syntax-invalid-line']);
	assert.deepEqual(codes(lint({ [P]: 'Image=x\n[Container]\nImage=quay.io/a/b:1\n' }, P)), ['quadlet/syntax-key-outside-section']);
});

test('BOM: error with a fix that deletes only the BOM (quadlets), ignored for socket units', () => {
	const text = '\ufeff[Container]\nImage=quay.io/a/b:1\n';
	const [d] = lint({ [P]: text }, P);
	assert.equal(d.code, 'quadlet/syntax-bom');
	assert.equal(applyEdits(text, d.fixes![0].edits), text.slice(1));
	const s = '/etc/systemd/system/a.socket';
	assert.deepEqual(lint({ [s]: '\ufeff[Socket]\nListenStream=/run/a.sock\n' }, s), []);
});

test('a clean unit has no syntax diagnostics', () => {
	assert.deepEqual(lint({ [P]: '[Container]\nImage=quay.io/a/b:1\nExec=/bin/sh -c \\\n  "sleep 1"\n' }, P), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, cursor, serviceWith } from '../../helpers/service';

const P = '/etc/containers/systemd/web.container';

/** Lazy completion at "|": the item with `label`, and its documentation from doComplete. */
function lazyAndEager(marked: string, label: string, path = P) {
	const [text, offset] = cursor(marked);
	const s = serviceWith({ [path]: text });
	const lazy = s.getCompletionList(path, offset, { lazyDocumentation: true }).items.find((i) => i.label === label);
	const eager = s.doComplete(path, offset).find((i) => i.label === label);
	assert.ok(lazy && eager, `"${label}" not offered`);
	return { s, text, lazy, eager };
}

test('key items come without documentation; resolving their data brings it back', () => {
	const { s, text, lazy, eager } = lazyAndEager('[Container]\nIma|\n', 'Image');
	assert.equal(lazy.documentation, undefined);
	assert.equal(lazy.detail, eager.detail, 'the short detail stays on the item');
	assert.equal(applyEdits(text, [lazy.edit]), '[Container]\nImage=$0\n');
	// The data goes to the editor and back as JSON.
	const doc = s.resolveCompletion(JSON.parse(JSON.stringify(lazy.data)));
	assert.match(doc ?? '', /\*\*Image=\*\* · \[Container\]/);
	assert.equal(doc, eager.documentation);
});

test('section and specifier items resolve to their documentation too', () => {
	for (const [marked, label] of [['[Cont|\n', '[Container]'], ['|', '[Install]'], ['[Container]\nVolume=%|\n', '%h']] as const) {
		const { s, lazy, eager } = lazyAndEager(marked, label);
		assert.equal(lazy.documentation, undefined, label);
		assert.ok(eager.documentation, `${label} has documentation`);
		assert.equal(s.resolveCompletion(lazy.data), eager.documentation, label);
	}
});

test('resolving unknown or malformed data yields nothing and never throws', () => {
	const s = serviceWith({});
	for (const data of [undefined, null, 42, 'key', {}, { doc: 'key' }, { doc: 'key', kind: 'container', section: 'Container', key: 'Nope' },
		{ doc: 'key', kind: 'container', section: 'Container', key: '__proto__' }, { doc: 'section', kind: 'nope', section: 'Container' },
		{ doc: 'specifier', letter: 7 }, { doc: 'other' }]) {
		assert.equal(s.resolveCompletion(data), undefined, JSON.stringify(data));
	}
});

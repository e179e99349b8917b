import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, cursor, serviceWith } from '../../helpers/service';

const DIR = '/etc/containers/systemd';
const P = `${DIR}/web.container`;
// 26 × 4 pods: a-db.pod, a-kv.pod, a-mq.pod, a-web.pod, b-db.pod …
const PODS = Object.fromEntries([...'abcdefghijklmnopqrstuvwxyz'].flatMap((c) => ['db', 'kv', 'mq', 'web'].map((n) => [`${DIR}/${c}-${n}.pod`, '[Pod]\n'])));

function list(marked: string, limit: number) {
	const [text, offset] = cursor(marked);
	const s = serviceWith({ ...PODS, [P]: text });
	return { text, ...s.getCompletionList(P, offset, { lazyDocumentation: true, unitLimit: limit }), all: s.doComplete(P, offset) };
}

test('a list within the limit is complete and the same as doComplete\'s', () => {
	const r = list('[Container]\nPod=|\n', 200);
	assert.equal(r.isIncomplete, false);
	assert.equal(r.items.length, 104);
	assert.deepEqual(r.items.map((i) => [i.label, i.edit, i.sortText, i.detail]), r.all.map((i) => [i.label, i.edit, i.sortText, i.detail]));
});

test('a longer list is cut to the limit, in order, and marked incomplete', () => {
	const r = list('[Container]\nPod=|\n', 10);
	assert.equal(r.isIncomplete, true);
	assert.deepEqual(r.items.map((i) => i.label), r.all.slice(0, 10).map((i) => i.label));
});

test('cut lists keep what the typed text matches: prefix matches first, then fuzzy ones', () => {
	const r = list('[Container]\nPod=kv|\n', 30);
	assert.equal(r.isIncomplete, true);
	const labels = r.items.map((i) => i.label);
	// No pod starts with "kv"; every "*-kv.pod" contains it, and "k-…" pods contain "k…v" in order.
	assert.deepEqual(labels.slice(0, 3), ['a-kv.pod', 'b-kv.pod', 'c-kv.pod']);
	assert.ok(labels.every((l) => /k.*v/.test(l)), labels.join(' '));
	assert.equal(applyEdits(r.text, [r.items[1].edit]), '[Container]\nPod=b-kv.pod\n');
	const prefix = list('[Container]\nPod=K-|\n', 3);
	assert.deepEqual(prefix.items.map((i) => i.label), ['k-db.pod', 'k-kv.pod', 'k-mq.pod']);
	assert.equal(list('[Container]\nPod=zzz|\n', 10).items.length, 0);
});

test('only units are cut: catalog lists (keys, values) always come in full', () => {
	for (const marked of ['[Container]\n|\n', '[Service]\nRestart=|\n', '[|\n']) {
		const r = list(marked, 1);
		assert.equal(r.isIncomplete, false, marked);
		assert.ok(r.items.length > 1, marked);
		assert.deepEqual(r.items.map((i) => i.label), r.all.map((i) => i.label), marked);
	}
});

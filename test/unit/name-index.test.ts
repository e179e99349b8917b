import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closest, editDistance, editDistanceWithin } from '../../server/src/service/util/edit-distance';
import { NameIndex } from '../../server/src/service/util/name-index';

// NameIndex answers "did you mean" for unresolved unit references over thousands of names; it
// must give exactly what `closest` gives over the same names minus the word itself.

function names(seed: number, n: number): string[] {
	let x = seed;
	const rnd = () => { x = (x * 1103515245 + 12345) % 2 ** 31; return x / 2 ** 31; };
	const parts = ['web', 'db', 'Web', 'cache', 'api', 'apl', 'proxy', 'ipc', 'ipx', 'voice', 'nav'];
	const out: string[] = [];
	for (let i = 0; i < n; i++) out.push(`${parts[Math.floor(rnd() * parts.length)]}${rnd() < 0.5 ? '' : Math.floor(rnd() * 30)}${rnd() < 0.2 ? '-srv' : ''}.container`);
	return out;
}

test('NameIndex.closest equals closest() over the other names, for every limit', () => {
	const list = names(7, 400);
	const index = new NameIndex(list);
	const queries = [...names(11, 300), 'web.container', 'WEB.container', 'x.container', ''];
	let answered = 0;
	for (const q of queries) {
		for (const limit of [1, 2, 3, 4]) {
			const want = closest(q, [...new Set(list.filter((n) => n !== q))], limit);
			assert.equal(index.closest(q, limit), want, `${q} within ${limit}`);
			assert.equal(index.closest(q, limit), want, `${q} within ${limit} (memo)`);
			if (want) answered++;
		}
	}
	assert.ok(answered > 100, 'the queries must exercise real suggestions');
});

test('editDistanceWithin equals the full Levenshtein distance capped at limit + 1', () => {
	let x = 3;
	const rnd = (n: number) => { x = (x * 1103515245 + 12345) % 2 ** 31; return Math.floor((x / 2 ** 31) * n); };
	const word = () => Array.from({ length: rnd(12) }, () => 'abcab.-'[rnd(7)]).join('');
	for (let i = 0; i < 5000; i++) {
		const a = word();
		const b = rnd(3) === 0 ? a.slice(0, rnd(a.length + 1)) + word() + a.slice(rnd(a.length + 1)) : word();
		const limit = rnd(5);
		assert.equal(editDistanceWithin(a, b, limit), Math.min(editDistance(a, b), limit + 1), `${a} / ${b} within ${limit}`);
	}
});

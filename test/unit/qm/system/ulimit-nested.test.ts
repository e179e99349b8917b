import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, QM_DIR } from './helpers';

const CODE = 'qm/ulimit-nested';
const BAD = 'qm/ulimit-nested/bad';
const FILE = `${QM_DIR}/indexer.container`;

test('ulimit-nested: nofile above QM\'s 65536', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(text, d), 'nofile=131072:131072');
	assertFix(text, d.fixes?.[0], text.replace('nofile=131072:131072', 'nofile=65536:65536'));
});

test('ulimit-nested: the boundary\'s LimitNOFILE counts; nproc is only noted', () => {
	const files = {
		[`${BOUNDARY_DIR}/10-files.conf`]: '[Service]\nLimitNOFILE=262144\n',
		[`${QM_DIR}/a.container`]: '[Container]\nImage=x\nUlimit=nofile=131072:131072\nUlimit=nproc=4096\n',
	};
	assert.deepEqual(only(CODE, files, `${QM_DIR}/a.container`).map((d) => d.severity), ['information']);
});

test('ulimit-nested: limits below QM\'s are fine', () => {
	assertSilent('qm/ulimit-nested/good', CODE);
});

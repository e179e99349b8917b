import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PODMAN_ARGS, splitWords } from '../../../server/src/service/catalog/value-types/words';
import { escapeWord, escapeWords } from '../../../server/src/service/generate/cmdline';
import { cleanPath } from '../../../server/src/service/generate/context';
import { parseCInt } from '../../../server/src/service/generate/reader';
import { ServiceUnit } from '../../../server/src/service/generate/unit-file';

test('escapeWord: plain words unchanged, others quoted with podman\'s escapes', () => {
	assert.equal(escapeWord('--name=systemd-%N'), '--name=systemd-%N');
	assert.equal(escapeWord('${PORT}:80'), '${PORT}:80');
	assert.equal(escapeWord('a b'), '"a\\x20b"');
	assert.equal(escapeWord('say "hi"'), '"say\\x20\\"hi\\""');
	assert.equal(escapeWord("it's"), '"it\'s"');
	assert.equal(escapeWord('a\\b'), '"a\\\\b"');
	assert.equal(escapeWord('x\ny\tz\x01'), '"x\\ny\\tz\\x01"');
	assert.equal(escapeWord(''), '""');
});

test('escapeWords reads back to the same words with podman\'s argument splitter', () => {
	const words = ['/usr/bin/podman', 'run', '--env', 'A=a b', '--label', 'q="x"', "it's", 'back\\slash', 'nl\nx', 'tab\tx', 'é ü'];
	const line = escapeWords(words);
	assert.deepEqual(splitWords(line, PODMAN_ARGS).words.map((w) => w.text), words);
});

test('cleanPath behaves like Go filepath.Clean', () => {
	assert.equal(cleanPath('/a/./b/../c/'), '/a/c');
	assert.equal(cleanPath('a//b'), 'a/b');
	assert.equal(cleanPath('../x'), '../x');
	assert.equal(cleanPath('/..'), '/');
	assert.equal(cleanPath(''), '.');
});

test('parseCInt reads numbers like strtol with base 0; garbage is 0', () => {
	assert.equal(parseCInt('42'), 42);
	assert.equal(parseCInt('0x1f'), 31);
	assert.equal(parseCInt('010'), 8);
	assert.equal(parseCInt('-3'), -3);
	assert.equal(parseCInt('root'), 0);
	assert.equal(parseCInt('99999999999'), 0);
});

test('ServiceUnit: set replaces the last value, prepend goes first, rename merges', () => {
	const u = new ServiceUnit();
	u.add('Service', 'Type', 'simple');
	u.set('Service', 'Type', 'notify');
	u.set('Service', 'KillMode', 'mixed');
	u.prepend('Service', 'Wants', 'x');
	u.add('X-Container', 'A', '1');
	u.add('Container', 'B', '2');
	u.rename('Container', 'X-Container');
	assert.deepEqual(u.sections(), [['Service', [['Wants', 'x'], ['Type', 'notify'], ['KillMode', 'mixed']]], ['X-Container', [['A', '1'], ['B', '2']]]]);
	assert.equal(u.render(), '[Service]\nWants=x\nType=notify\nKillMode=mixed\n\n[X-Container]\nA=1\nB=2\n');
});

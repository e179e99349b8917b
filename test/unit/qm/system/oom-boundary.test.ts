import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, BOUNDARY_DIR, covered, fixtureText, inTree, only, VENDOR } from './helpers';

const CODE = 'qm/oom-boundary';
const BAD = 'qm/oom-boundary/bad';
const FILE = `${BOUNDARY_DIR}/70-oom.conf`;

test('oom-boundary: a negative score on the QM partition is an error, fixed to 500', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'error');
	assert.equal(covered(text, d), '-100');
	assertFix(text, d.fixes?.[0], '# Protect QM like a host service (wrong)\n[Service]\nOOMScoreAdjust=500\n');
});

test('oom-boundary: 1-499 is a warning, above 500 information', () => {
	const at = (v: string) => only(CODE, { [`${BOUNDARY_DIR}/a.conf`]: `[Service]\nOOMScoreAdjust=${v}\n` }, `${BOUNDARY_DIR}/a.conf`).map((d) => d.severity);
	assert.deepEqual(at('300'), ['warning']);
	assert.deepEqual(at('800'), ['information']);
	assert.deepEqual(at('500'), []);
});

test('oom-boundary: a systemd drop-in of qm.service is checked too', () => {
	const file = '/etc/systemd/system.control/qm.service.d/50-OOMScoreAdjust.conf';
	assert.deepEqual(only(CODE, { [file]: '[Service]\nOOMScoreAdjust=0\n' }, file).map((d) => d.severity), ['error']);
});

test('oom-boundary: a qm.container without any OOMScoreAdjust gets a notice with an "add" fix', () => {
	const text = '[Container]\nImage=x\nContainerName=qm\n';
	const [d] = only(CODE, { [VENDOR]: text }, VENDOR);
	assert.equal(d.severity, 'information');
	assertFix(text, d.fixes?.[0], '[Container]\nImage=x\nContainerName=qm\n\n[Service]\nOOMScoreAdjust=500\n');
	const withService = '[Service]\nRestart=always\n\n[Container]\nImage=x\n';
	const [e] = only(CODE, { [VENDOR]: withService }, VENDOR);
	assertFix(withService, e.fixes?.[0], '[Service]\nRestart=always\nOOMScoreAdjust=500\n\n[Container]\nImage=x\n');
});

test('oom-boundary: the vendor value and unrelated drop-ins are fine', () => {
	assertSilent('qm/oom-boundary/good', CODE);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFix, assertSilent, covered, fixtureText, inTree, only } from './helpers';

const CODE = 'qm/oom-asil-order';
const BAD = 'qm/oom-asil-order/bad';
const FILE = '/etc/containers/systemd/brake-monitor.container';

test('oom-asil-order: a host service at 800 is as expendable as QM', () => {
	const text = fixtureText(BAD, FILE);
	const [d] = inTree(BAD, FILE, CODE);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(text, d), '800');
	assertFix(text, d.fixes?.[0], text.replace('OOMScoreAdjust=800', 'OOMScoreAdjust=-500'));
});

test('oom-asil-order: 1-499 is information; an ipc_t bridge server without a score gets a hint', () => {
	const p = '/etc/systemd/system/gateway.service';
	assert.deepEqual(only(CODE, { [p]: '[Service]\nExecStart=/usr/bin/gw\nOOMScoreAdjust=100\n' }, p).map((d) => d.severity), ['information']);
	const q = '/etc/containers/systemd/bridge.container';
	const text = '[Container]\nImage=quay.io/x/bridge:1\nSecurityLabelType=ipc_t\n\n[Service]\nRestart=always\n';
	const [h] = only(CODE, { [q]: text }, q);
	assert.equal(h.severity, 'hint');
	assertFix(text, h.fixes?.[0], '[Container]\nImage=quay.io/x/bridge:1\nSecurityLabelType=ipc_t\n\n[Service]\nRestart=always\nOOMScoreAdjust=-500\n');
});

test('oom-asil-order: a negative score is fine', () => {
	assertSilent('qm/oom-asil-order/good', CODE);
});

test('oom-asil-order: rootless units are not asked for negative scores', () => {
	const p = '/home/dev/.config/containers/systemd/a.container';
	assert.deepEqual(only(CODE, { [p]: '[Container]\nImage=x\n\n[Service]\nOOMScoreAdjust=800\n' }, p), []);
});

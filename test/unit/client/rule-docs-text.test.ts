import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainShortLabel, statusText } from '../../../client/src/protocol';
import { renderRuleMarkdown, ruleDocPath, ruleIdFromDocPath, rulePickItems } from '../../../client/src/rule-docs-text';

const rule = { id: 'qm/device-forbidden', defaultSeverity: 'error' as const, title: 'Device QM must not have', why: 'QM must not see /dev/mem.', fix: 'Remove the `device`.', anchor: 'qm-device-forbidden' };

test('quick pick items: id, severity and title, reason; sorted by id', () => {
	const items = rulePickItems([{ ...rule, id: 'quadlet/unknown-key', title: 'Unknown key' }, rule]);
	assert.deepEqual(items.map((i) => [i.label, i.description]), [['qm/device-forbidden', 'error · Device QM must not have'], ['quadlet/unknown-key', 'error · Unknown key']]);
	assert.equal(items[0].detail, 'QM must not see /dev/mem.');
});

test('rule pages: why, fix, how to configure and silence', () => {
	const md = renderRuleMarkdown(rule);
	assert.match(md, /^# `qm\/device-forbidden`\n/);
	assert.match(md, /## Why\n\nQM must not see \/dev\/mem\./);
	assert.match(md, /## Fix\n\nRemove the \\`device\\`\./);
	assert.match(md, /"qmQuadlet\.rules\.qm\/device-forbidden"/);
	assert.match(md, /# qm-quadlet-disable-next-line qm\/device-forbidden/);
	assert.equal(ruleIdFromDocPath(ruleDocPath(rule.id)), rule.id);
	assert.equal(ruleIdFromDocPath('/../etc/passwd.md'), undefined);
});

test('status bar text: short domain names and the target podman', () => {
	assert.equal(statusText({ domain: 'qm', reason: 'r' }, '5.4'), '$(server-environment) QM · podman 5.4');
	assert.equal(statusText({ domain: 'qm-boundary', reason: 'r' }, 'latest'), '$(server-environment) QM boundary · podman latest');
	assert.equal(statusText(null, undefined), '$(server-environment) unknown · podman latest');
	assert.equal(domainShortLabel('asil'), 'host (ASIL)');
});

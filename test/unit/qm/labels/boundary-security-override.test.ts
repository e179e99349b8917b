import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { allFindings, files, findings, HOST } from './support';

const RULE = 'boundary-security-override';
const VENDOR = '/usr/share/containers/systemd/qm.container';
const DROPIN = `${HOST}/qm.container.d/50-labels.conf`;

test('qm/boundary-security-override: a drop-in overriding the type is an error on its line; the fix deletes the line', () => {
	const text = files(RULE, 'bad')[DROPIN];
	const [d, ...rest] = findings(RULE, 'bad', DROPIN);
	assert.equal(rest.length, 0);
	assert.equal(d.severity, 'error');
	assert.equal(text.slice(d.start, d.end), 'container_t');
	assert.match(d.message, /overrides SecurityLabelType=qm_t/);
	assert.equal(applyEdits(text, d.fixes![0].edits), text.replace('SecurityLabelType=container_t\n', ''));
});

test('qm/boundary-security-override: missing level (error) and nested (warning) are reported on qm.container with an insert fix', () => {
	const text = files(RULE, 'bad')[VENDOR];
	const ds = findings(RULE, 'bad', VENDOR);
	assert.deepEqual(ds.map((d) => `${d.severity} ${text.slice(d.start, d.end)}`), ['error [Container]', 'warning [Container]']);
	const level = ds.find((d) => d.severity === 'error')!;
	assert.equal(applyEdits(text, level.fixes![0].edits), text.replace('SecurityLabelType=qm_t\n', 'SecurityLabelType=qm_t\nSecurityLabelLevel=s0\n'));
});

test('qm/boundary-security-override: the complete binding, and a lone drop-in that keeps it, are silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
	assert.deepEqual(allFindings(RULE, 'good-dropin-only'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, covered, everywhere, findings, fixNamed, one, tree } from './helpers';

const CODE = 'qm/service-type-invalid';
const RULE = 'service-type-invalid';
const P = '/etc/qm/containers/systemd/indexer.container';

test('service-type-invalid: Type=simple in a QM container (fixture)', () => {
	const files = tree(RULE, 'bad');
	const d = one(files, P, CODE);
	assert.equal(d.severity, 'error');
	assert.equal(covered(files, P, d), 'Type=simple');
	assert.match(d.message, /invalid service Type 'simple'/);
	assert.equal(applied(files[P], fixNamed(d, 'Change to Type=oneshot')), files[P].replace('Type=simple', 'Type=oneshot'));
	assert.equal(applied(files[P], fixNamed(d, 'Change to Type=notify')), files[P].replace('Type=simple', 'Type=notify'));
	assert.deepEqual(findings(files, P, 'quadlet/service-type'), [], 'reported once');
});

test('service-type-invalid: Type=oneshot is fine (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('service-type-invalid: host containers too; plain services and the unknown domain are not this rule\'s', () => {
	const host = '/etc/containers/systemd/indexer.container';
	assert.equal(findings({ [host]: '[Container]\nImage=registry.example.com/i:1\n[Service]\nType=forking\n' }, host, CODE).length, 1);
	const svc = '/etc/qm/systemd/system/indexer.service';
	assert.deepEqual(findings({ [svc]: '[Service]\nType=simple\nExecStart=/bin/true\n' }, svc, CODE), []);
	const unknown = '/srv/units/indexer.container';
	const files = { [unknown]: '[Container]\nImage=registry.example.com/i:1\n[Service]\nType=forking\n' };
	assert.deepEqual(findings(files, unknown, CODE), []);
	assert.equal(findings(files, unknown, 'quadlet/service-type').length, 1);
});

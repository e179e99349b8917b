import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, covered, everywhere, findings, one, tree } from './helpers';

const CODE = 'qm/boundary-hard-dependency';
const RULE = 'boundary-hard-dependency';
const D = '/etc/containers/systemd/qm.container.d/30-gateway.conf';

test('boundary-hard-dependency: Requires= in a qm.container drop-in (fixture)', () => {
	const files = tree(RULE, 'bad');
	const d = one(files, D, CODE);
	assert.equal(d.severity, 'warning');
	assert.equal(covered(files, D, d), 'Requires');
	assert.match(d.message, /restarts the whole QM partition/);
	assert.match(d.message, /Write Wants=gateway\.socket/);
	assert.doesNotMatch(d.message, /with After=/, 'After= is already there');
	assert.equal(applied(files[D], d.fixes?.[0]), files[D].replace('Requires=gateway.socket', 'Wants=gateway.socket'));
});

test('boundary-hard-dependency: Wants= with After= is fine (fixture)', () => {
	assert.deepEqual(everywhere(tree(RULE, 'good'), CODE), []);
});

test('boundary-hard-dependency: BindsTo=, Requisite=, PartOf= and qm.service.d drop-ins', () => {
	const text = '[Unit]\nBindsTo=a.service\nRequisite=b.service\nPartOf=c.service\nWants=d.service\n';
	const found = findings({ [D]: text }, D, CODE);
	assert.deepEqual(found.map((d) => covered({ [D]: text }, D, d)), ['BindsTo', 'Requisite', 'PartOf']);
	assert.match(found[0].message, /Wants=a\.service with After=a\.service/);
	assert.equal(applied(text, found[0].fixes?.[0]), text.replace('BindsTo=', 'Wants='));
	assert.equal(applied(text, found[2].fixes?.[0]), text.replace('PartOf=c.service\n', ''));
	const svcDropIn = '/etc/systemd/system/qm.service.d/10-deps.conf';
	assert.equal(findings({ [svcDropIn]: '[Unit]\nRequires=gateway.socket\n' }, svcDropIn, CODE).length, 1);
	// Other host containers may depend on what they like.
	const other = '/etc/containers/systemd/gateway.container';
	assert.deepEqual(findings({ [other]: '[Unit]\nRequires=gateway.socket\n[Container]\nImage=registry.example.com/g:1\n' }, other, CODE), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { only } from '../system/helpers';

const CODE = 'qm/domain-unknown';

test('domain-unknown: a unit outside every known directory', () => {
	const text = '[Container]\nImage=quay.io/x/y:1\n';
	const [d] = only(CODE, { '/home/dev/work/app.container': text }, '/home/dev/work/app.container');
	assert.equal(d.severity, 'information');
	assert.equal(applyEdits(text, d.fixes![0].edits), `# qm-domain: qm\n${text}`);
});

test('domain-unknown: silent for known directories and with a directive', () => {
	assert.deepEqual(only(CODE, { '/etc/qm/containers/systemd/a.container': '[Container]\nImage=x\n' }, '/etc/qm/containers/systemd/a.container'), []);
	assert.deepEqual(only(CODE, { '/tmp/a.container': '# qm-domain: asil\n[Container]\nImage=x\n' }, '/tmp/a.container'), []);
});

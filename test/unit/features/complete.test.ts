import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, cursor, serviceWith } from '../../helpers/service';

const P = '/etc/containers/systemd/web.container';

/** Completes at "|", applies the item with `label`, returns the whole new text. */
function completeAndApply(marked: string, label: string, files: Record<string, string> = {}, path = P): string {
	const [text, offset] = cursor(marked);
	const s = serviceWith({ ...files, [path]: text });
	const items = s.doComplete(path, offset);
	const item = items.find((i) => i.label === label);
	assert.ok(item, `"${label}" not offered; got ${items.map((i) => i.label).slice(0, 30).join(', ')}`);
	return applyEdits(text, [item.edit]);
}

test('key completion replaces the typed prefix with Key=', () => {
	assert.equal(completeAndApply('[Container]\nIma|\n', 'Image'), '[Container]\nImage=$0\n');
});

test('on the empty line after the final newline, keys of the last section are offered (not values of the last key)', () => {
	assert.equal(completeAndApply('[Container]\nImage=a\n\n[Install]\nWantedBy=default.target\n|', 'RequiredBy'), '[Container]\nImage=a\n\n[Install]\nWantedBy=default.target\nRequiredBy=$0');
	// A backslash continuation still carries the value onto that line.
	const [text, offset] = cursor('[Install]\nWantedBy=default.target \\\n|');
	assert.ok(!serviceWith({ [P]: text }).doComplete(P, offset).some((i) => i.label === 'RequiredBy'));
});

test('enum keys insert a choice snippet', () => {
	assert.equal(completeAndApply('[Container]\nAutoU|\n', 'AutoUpdate'), '[Container]\nAutoUpdate=${1|registry,local|}$0\n');
});

test('bool keys insert true/false choices', () => {
	assert.equal(completeAndApply('[Container]\nReadO|\n', 'ReadOnly'), '[Container]\nReadOnly=${1|true,false|}$0\n');
});

test('keys already set (non-repeatable) are not offered again; repeatable ones are', () => {
	const [text, offset] = cursor('[Container]\nImage=a\nVolume=/x\n|\n');
	const labels = serviceWith({ [P]: text }).doComplete(P, offset).map((i) => i.label);
	assert.ok(!labels.includes('Image'));
	assert.ok(labels.includes('Volume'));
});

test('keys newer than the target version are not offered', () => {
	const [text, offset] = cursor('[Container]\nMem|\n');
	const s = serviceWith({ [P]: text }, { podmanVersion: '5.4' });
	assert.ok(!s.doComplete(P, offset).some((i) => i.label === 'Memory'));
});

test('section completion lists the sections of the file type', () => {
	assert.equal(completeAndApply('[Cont|\n', '[Container]'), '[Container]\n');
	const [text, offset] = cursor('[|\n');
	const labels = serviceWith({ '/x/a.socket': text }).doComplete('/x/a.socket', offset).map((i) => i.label);
	assert.deepEqual(labels.sort(), ['[Install]', '[Socket]', '[Unit]']);
});

test('value completion offers enum values and replaces the typed word', () => {
	assert.equal(completeAndApply('[Container]\nAutoUpdate=reg|\n', 'registry'), '[Container]\nAutoUpdate=registry\n');
	assert.equal(completeAndApply('[Service]\nRestart=on-f|\n', 'on-failure'), '[Service]\nRestart=on-failure\n');
});

test('Pod= offers the workspace\'s .pod units', () => {
	const files = { '/etc/containers/systemd/db.pod': '[Pod]\n', '/etc/containers/systemd/other.network': '[Network]\n' };
	assert.equal(completeAndApply('[Container]\nPod=|\n', 'db.pod', files), '[Container]\nPod=db.pod\n');
});

test('Volume= offers .volume units with the colon', () => {
	const files = { '/etc/containers/systemd/data.volume': '[Volume]\n' };
	assert.equal(completeAndApply('[Container]\nVolume=|\n', 'data.volume', files), '[Container]\nVolume=data.volume:\n');
});

test('% offers specifiers', () => {
	assert.equal(completeAndApply('[Container]\nVolume=%|/data:/data\n', '%h'), '[Container]\nVolume=%h/data:/data\n');
});

test('comments get no completion', () => {
	const [text, offset] = cursor('[Container]\n# Ima|\n');
	assert.deepEqual(serviceWith({ [P]: text }).doComplete(P, offset), []);
});

test('before any section, sections are offered', () => {
	assert.equal(completeAndApply('|', '[Container]'), '[Container]\n');
});

test('Requires= offers the generated service names and sockets of the same domain only', () => {
	const files = {
		'/etc/containers/systemd/db.container': '[Container]\nImage=quay.io/a/db:1\n',
		'/etc/containers/systemd/data.volume': '[Volume]\n',
		'/etc/systemd/system/api.socket': '[Socket]\nListenStream=/run/api.sock\n',
		'/etc/qm/containers/systemd/qmapp.container': '[Container]\nImage=quay.io/a/q:1\n',
	};
	const [text, offset] = cursor('[Unit]\nRequires=|\n[Container]\nImage=quay.io/a/b:1\n');
	const labels = serviceWith({ ...files, [P]: text }).doComplete(P, offset).map((i) => i.label).sort();
	assert.deepEqual(labels, ['api.socket', 'data-volume.service', 'db.service']);
	assert.equal(completeAndApply('[Unit]\nAfter=d|\n', 'db.service', files), '[Unit]\nAfter=db.service\n');
});

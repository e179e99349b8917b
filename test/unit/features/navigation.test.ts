import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursor, serviceWith } from '../../helpers/service';

const H = '/etc/containers/systemd';
const Q = '/etc/qm/containers/systemd';

test('definition: Pod=, Volume=x.volume and [Unit] dependencies lead to the unit', () => {
	const [text, offset] = cursor('[Unit]\nRequires=d|b.service\n[Container]\nImage=quay.io/a/b:1\nPod=p.pod\nVolume=data.volume:/d\n');
	const s = serviceWith({ [`${H}/web.container`]: text, [`${H}/db.container`]: '[Container]\nImage=quay.io/a/db:1\n', [`${H}/p.pod`]: '[Pod]\n', [`${H}/data.volume`]: '[Volume]\n' });
	assert.deepEqual(s.findDefinition(`${H}/web.container`, offset).map((l) => l.path), [`${H}/db.container`]);
	assert.deepEqual(s.findDefinition(`${H}/web.container`, text.indexOf('p.pod') + 1).map((l) => l.path), [`${H}/p.pod`]);
	assert.deepEqual(s.findDefinition(`${H}/web.container`, text.indexOf('data.volume') + 2).map((l) => l.path), [`${H}/data.volume`]);
});

test('definition: names resolve in the file\'s own domain only', () => {
	const [text, offset] = cursor('[Unit]\nRequires=ap|i.service\n[Container]\nImage=quay.io/a/b:1\n');
	const s = serviceWith({ [`${Q}/client.container`]: text, [`${H}/api.container`]: '[Container]\nImage=quay.io/a/api:1\n' });
	assert.deepEqual(s.findDefinition(`${Q}/client.container`, offset), []);
});

test('definition: a socket path in a volume leads to the socket unit that listens there', () => {
	const [text, offset] = cursor('[Container]\nImage=quay.io/a/b:1\nVolume=/run/ip|c/:/run/ipc/\n');
	const s = serviceWith({
		[`${H}/server.container`]: text,
		'/etc/systemd/system/server.socket': '[Socket]\nListenStream=%t/ipc/server.sock\n',
	});
	const defs = s.findDefinition(`${H}/server.container`, offset);
	assert.deepEqual(defs.map((d) => d.path), ['/etc/systemd/system/server.socket']);
});

test('references: who depends on a unit, and who shares its paths', () => {
	const files: Record<string, string> = {
		[`${H}/db.container`]: '[Container]\nImage=quay.io/a/db:1\nVolume=/srv/shared:/data\n',
		[`${H}/web.container`]: '[Unit]\nAfter=db.service\n[Container]\nImage=quay.io/a/b:1\nVolume=/srv/shared/web:/web\n',
		[`${H}/job.container`]: '[Unit]\nRequires=db.container\n[Container]\nImage=quay.io/a/c:1\n',
		[`${Q}/other.container`]: '[Unit]\nAfter=db.service\n[Container]\nImage=quay.io/a/d:1\n',
	};
	const s = serviceWith(files);
	const refs = s.findReferences(`${H}/db.container`).map((l) => `${l.path}:${files[l.path].slice(l.start, l.end)}`).sort();
	assert.deepEqual(refs, [
		`${H}/job.container:db.container`,
		`${H}/web.container:Volume=/srv/shared/web:/web`,
		`${H}/web.container:db.service`,
	]);
});

test('rename: file, drop-in directory and every reference, as one edit', () => {
	const s = serviceWith({
		[`${H}/db.container`]: '[Container]\nImage=quay.io/a/db:1\n',
		[`${H}/db.container.d/10-env.conf`]: '[Container]\nEnvironment=A=1\n',
		[`${H}/web.container`]: '[Unit]\nRequires=db.service\nAfter=db.container\n[Container]\nImage=quay.io/a/b:1\n',
	});
	const r = s.renameUnit(`${H}/db.container`, 'database');
	assert.ok(!('error' in r));
	assert.deepEqual(r.renames, [
		{ from: `${H}/db.container`, to: `${H}/database.container` },
		{ from: `${H}/db.container.d`, to: `${H}/database.container.d` },
	]);
	assert.deepEqual(r.edits.map((e) => e.newText).sort(), ['database.container', 'database.service']);
	assert.ok(r.edits.every((e) => e.path === `${H}/web.container`));
});

test('rename: refuses drop-ins, bad names and existing files', () => {
	const s = serviceWith({ [`${H}/a.container`]: '[Container]\nImage=x.io/a:1\n', [`${H}/b.container`]: '[Container]\nImage=x.io/b:1\n', [`${H}/a.container.d/x.conf`]: '[Container]\n' });
	assert.ok('error' in s.renameUnit(`${H}/a.container.d/x.conf`, 'z'));
	assert.ok('error' in s.renameUnit(`${H}/a.container`, 'b'));
	assert.ok('error' in s.renameUnit(`${H}/a.container`, 'bad name'));
});

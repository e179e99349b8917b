import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, cursor, serviceWith } from '../../helpers/service';
import type { LanguageService } from '../../../server/src/service/index';

// Reference and dependency candidates are indexed per workspace generation: every change that
// adds, removes or renames a unit must show in the next completion.

const DIR = '/etc/containers/systemd';
const P = `${DIR}/web.container`;

function labels(s: LanguageService, marked: string): string[] {
	const [text, offset] = cursor(marked);
	s.workspace.set(P, text);
	return s.doComplete(P, offset).filter((i) => i.kind === 'unit').map((i) => i.label);
}

function apply(s: LanguageService, marked: string, label: string): string {
	const [text, offset] = cursor(marked);
	s.workspace.set(P, text);
	const item = s.doComplete(P, offset).find((i) => i.label === label);
	assert.ok(item, `"${label}" not offered`);
	return applyEdits(text, [item.edit]);
}

test('Pod= lists pods added and no longer lists pods removed', () => {
	const s = serviceWith({ [`${DIR}/db.pod`]: '[Pod]\n' });
	assert.deepEqual(labels(s, '[Container]\nPod=|\n'), ['db.pod']);
	s.workspace.set(`${DIR}/api.pod`, '[Pod]\n');
	assert.deepEqual(labels(s, '[Container]\nPod=|\n'), ['api.pod', 'db.pod']);
	assert.equal(apply(s, '[Container]\nPod=a|\n', 'api.pod'), '[Container]\nPod=api.pod\n');
	s.workspace.delete(`${DIR}/db.pod`);
	assert.deepEqual(labels(s, '[Container]\nPod=|\n'), ['api.pod']);
});

test('editing a unit\'s text keeps the candidates; the file being edited is never one', () => {
	const s = serviceWith({ [`${DIR}/data.volume`]: '[Volume]\n' });
	assert.deepEqual(labels(s, '[Container]\nVolume=|\n'), ['data.volume']);
	s.workspace.set(`${DIR}/data.volume`, '[Volume]\nLabel=a=b\n');
	assert.equal(apply(s, '[Container]\nVolume=|\n', 'data.volume'), '[Container]\nVolume=data.volume:\n');
	const [text, offset] = cursor('[Volume]\nImage=|\n');
	s.workspace.set(`${DIR}/data.volume`, text);
	s.workspace.set(`${DIR}/base.image`, '[Image]\nImage=quay.io/a/b:1\n');
	assert.deepEqual(s.doComplete(`${DIR}/data.volume`, offset).filter((i) => i.kind === 'unit').map((i) => i.label), ['base.image']);
});

test('of two same-named units in one search root, the one first in workspace order is offered', () => {
	const s = serviceWith({ [`${DIR}/a/net.network`]: '[Network]\n', [`${DIR}/b/net.network`]: '[Network]\n' });
	const detail = () => {
		const [text, offset] = cursor('[Container]\nNetwork=|\n');
		s.workspace.set(P, text);
		return s.doComplete(P, offset).find((i) => i.label === 'net.network')?.detail;
	};
	assert.equal(detail(), `net-network.service · ${DIR}/a/net.network`);
	// Removed and added again between two completions: same files, but now read after the other.
	s.workspace.delete(`${DIR}/a/net.network`);
	s.workspace.set(`${DIR}/a/net.network`, '[Network]\n');
	assert.equal(detail(), `net-network.service · ${DIR}/b/net.network`);
	s.workspace.delete(`${DIR}/b/net.network`);
	assert.equal(detail(), `net-network.service · ${DIR}/a/net.network`);
});

test('Requires= follows units added, removed and renamed by Alias=', () => {
	const s = serviceWith({ [`${DIR}/db.container`]: '[Container]\nImage=quay.io/a/db:1\n' });
	const marked = '[Unit]\nRequires=|\n[Container]\nImage=quay.io/a/b:1\n';
	assert.deepEqual(labels(s, marked), ['db.service']);
	s.workspace.set(`${DIR}/cache.container`, '[Container]\nImage=quay.io/a/c:1\n[Install]\nAlias=kv.service\n');
	assert.deepEqual(labels(s, marked).sort(), ['cache.service', 'db.service', 'kv.service']);
	s.workspace.set(`${DIR}/cache.container`, '[Container]\nImage=quay.io/a/c:1\n[Install]\nAlias=store.service\n');
	assert.deepEqual(labels(s, marked).sort(), ['cache.service', 'db.service', 'store.service']);
	s.workspace.delete(`${DIR}/db.container`);
	assert.equal(apply(s, '[Unit]\nAfter=s|\n[Container]\nImage=quay.io/a/b:1\n', 'store.service'), '[Unit]\nAfter=store.service\n[Container]\nImage=quay.io/a/b:1\n');
	assert.deepEqual(labels(s, marked).sort(), ['cache.service', 'store.service']);
});

test('a name the edited unit shares with another unit is still offered, for the other unit', () => {
	const s = serviceWith({ [`${DIR}/other.container`]: '[Container]\nImage=quay.io/a/o:1\n[Install]\nAlias=shared.service\n' });
	const [text, offset] = cursor('[Unit]\nRequires=|\n[Container]\nImage=quay.io/a/b:1\n[Install]\nAlias=shared.service\n');
	// The edited file comes first in workspace order, so its own "shared.service" is the one indexed first.
	s.workspace.delete(`${DIR}/other.container`);
	s.workspace.set(P, text);
	s.workspace.set(`${DIR}/other.container`, '[Container]\nImage=quay.io/a/o:1\n[Install]\nAlias=shared.service\n');
	const items = s.doComplete(P, offset).filter((i) => i.kind === 'unit');
	assert.deepEqual(items.map((i) => i.label).sort(), ['other.service', 'shared.service']);
	assert.equal(items.find((i) => i.label === 'shared.service')?.detail, `other.container · ${DIR}/other.container`);
});

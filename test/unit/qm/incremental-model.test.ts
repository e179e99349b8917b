import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLanguageService, type LanguageService } from '../../../server/src/service/index';
import { getQmModel } from '../../../server/src/service/qm/model';
import { domainConfig } from '../../../server/src/service/features/validate';
import { readTree } from '../../helpers/tree';
import { FIXTURES } from '../../helpers/paths';

// Typing in a unit derives the next QM model from the previous one and patches its indexes
// (QmModel.derive, peers.ts). Whatever the edit, the diagnostics must equal those of a
// service that built everything from scratch.

/** Edits that change what the model and the peer index hold about a container. */
const EDITS: ((text: string, others: string[]) => string)[] = [
	(t) => addToContainer(t, 'Volume=/run/shared-edit:/run/shared-edit'),
	(t) => addToContainer(t, 'Environment=APP_SOCKET=/run/shared-edit/app.sock'),
	(t) => addToContainer(t, 'SecurityLabelLevel=s0:c7,c8'),
	(t, others) => addToContainer(t, `PodmanArgs=--ipc=container:systemd-${(others[0] ?? 'x.container').replace(/\.container$/, '')}`),
	(t) => addToContainer(t, 'Pod=edit.pod'),
	(t) => addToContainer(t, 'Volume=edit-data.volume:/data'),
	(t) => addToContainer(t, 'Volume=shared.volume:/srv'),
	(t) => t.replace(/^Volume=shared[^\n]*\n/m, ''),
	(t) => t.replace(/^(Volume|Environment|SecurityLabelLevel|PodmanArgs|Pod)=.*\n/m, ''),
	(t) => t.replace(/\[Unit\]\n/, '[Unit]\nAfter=edit.socket\nRequires=edit.socket\n'),
	(t) => t + '# trailing comment\n',
];

function addToContainer(text: string, line: string): string {
	return /^\[Container\]$/m.test(text) ? text.replace(/^\[Container\]$/m, `[Container]\n${line}`) : text;
}

function allDiagnostics(s: LanguageService, paths: string[]): string {
	return JSON.stringify(paths.map((p) => [p, s.doValidation(p)]));
}

test('QM model: diagnostics after incremental edits equal a fresh build (every qm fixture tree)', () => {
	let derived = 0;
	// test/fixtures/incremental links containers in every way peers.ts indexes (named volume with
	// VolumeName=, /run mounts, socket paths, pod, IPC namespace, dependencies).
	const trees = ['incremental', ...readdirSync(resolve(FIXTURES, 'qm'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `qm/${d.name}`)];
	for (const tree of trees) {
		for (const variant of ['bad', 'good']) {
			const dir = readdirSync(resolve(FIXTURES, tree)).includes(variant) ? `${tree}/${variant}` : tree;
			if (variant === 'good' && dir === tree) continue;
			const files = readTree(dir);
			const paths = Object.keys(files).sort();
			const containers = paths.filter((p) => p.endsWith('.container'));
			if (containers.length === 0) continue;
			const live = createLanguageService({});
			for (const p of paths) live.workspace.set(p, files[p]);
			allDiagnostics(live, paths);
			const texts = { ...files };
			for (const [i, edit] of EDITS.entries()) {
				const target = containers[i % containers.length];
				texts[target] = edit(texts[target], containers.filter((c) => c !== target).map((c) => c.split('/').pop()!));
				live.workspace.set(target, texts[target]);
				const got = allDiagnostics(live, paths);
				if (getQmModel(live.workspace, domainConfig(live.workspace, live.options)).delta) derived++;
				const fresh = createLanguageService({});
				for (const p of paths) fresh.workspace.set(p, texts[p]);
				assert.equal(got, allDiagnostics(fresh, paths), `${dir}: after edit ${i} of ${target}`);
			}
		}
	}
	// The derive path must actually have been taken, or this test checks nothing new.
	assert.ok(derived > 300, `only ${derived} models were derived incrementally`);
});

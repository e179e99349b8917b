import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../helpers/service';
import { allFindings, files, findings, HOST, QM } from './support';

const RULE = 'label-disable';

test('qm/label-disable: error in QM and on the boundary, warning on the host', () => {
	assert.deepEqual(allFindings(RULE, 'bad'), [
		`${HOST}/dev-tools.container: true`,
		`${HOST}/qm.container.d/90-debug.conf: yes`,
		`${QM}/game-launcher.container: true`,
		`${QM}/legacy-player.container: label=disable`,
	]);
	assert.equal(findings(RULE, 'bad', `${HOST}/dev-tools.container`)[0].severity, 'warning');
	assert.equal(findings(RULE, 'bad', `${HOST}/qm.container.d/90-debug.conf`)[0].severity, 'error');
	assert.equal(findings(RULE, 'bad', `${QM}/game-launcher.container`)[0].severity, 'error');
});

test('qm/label-disable: the fix removes the key line, or only the --security-opt words in PodmanArgs=', () => {
	const all = files(RULE, 'bad');
	const game = `${QM}/game-launcher.container`;
	assert.equal(applyEdits(all[game], findings(RULE, 'bad', game)[0].fixes![0].edits), all[game].replace('SecurityLabelDisable=true\n', ''));
	const player = `${QM}/legacy-player.container`;
	const [d] = findings(RULE, 'bad', player);
	assert.equal(applyEdits(all[player], d.fixes![0].edits), all[player].replace('PodmanArgs=--security-opt label=disable --pids-limit 64', 'PodmanArgs=--pids-limit 64'));
});

test('qm/label-disable: SecurityLabelDisable=false is silent', () => {
	assert.deepEqual(allFindings(RULE, 'good'), []);
});

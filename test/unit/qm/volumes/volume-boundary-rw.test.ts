import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree } from './helpers';

const CODE = 'qm/volume-boundary-rw';
const BAD = tree('volume-boundary-rw', 'bad');
const MAPS = '/etc/containers/systemd/qm.container.d/70-maps.conf';

test('fires on writable host paths given to QM, the image store included', () => {
	assert.deepEqual(everywhere(BAD, CODE), [
		`${MAPS}: /var/lib/shared (warning)`,
		`${MAPS}: /opt/maps/data (warning)`,
		`${MAPS}: /srv/voice (warning)`,
	]);
	assert.match(at(BAD, MAPS, CODE, '/var/lib/shared').message, /image store/);
});

test('fix: append :ro (whole text)', () => {
	assert.equal(applied(BAD, MAPS, fixOf(at(BAD, MAPS, CODE, '/var/lib/shared'), ':ro')), `# Share the map data and the image store with QM
[Container]
Volume=/var/lib/shared:/var/lib/shared:ro
Volume=/opt/maps/data:/maps:rw
Mount=type=bind,source=/srv/voice,destination=/voice
`);
});

test('fix: rw becomes ro; a Mount= gets readonly=true (whole text)', () => {
	assert.equal(applied(BAD, MAPS, fixOf(at(BAD, MAPS, CODE, '/opt/maps/data'), ':ro')), `# Share the map data and the image store with QM
[Container]
Volume=/var/lib/shared:/var/lib/shared
Volume=/opt/maps/data:/maps:ro
Mount=type=bind,source=/srv/voice,destination=/voice
`);
	assert.equal(applied(BAD, MAPS, fixOf(at(BAD, MAPS, CODE, '/srv/voice'), ':ro')), `# Share the map data and the image store with QM
[Container]
Volume=/var/lib/shared:/var/lib/shared
Volume=/opt/maps/data:/maps:rw
Mount=type=bind,source=/srv/voice,destination=/voice,readonly=true
`);
});

test('silent: read-only host paths, the bridge, and the partition\'s own mounts', () => {
	assert.deepEqual(everywhere(tree('volume-boundary-rw', 'good'), CODE), []);
	assert.deepEqual(everywhere(tree('volume-forbidden-source', 'good'), CODE), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applied, at, everywhere, fixOf, tree, withFile } from './helpers';
import { cidrOverlap } from '../../../../server/src/service/rules/qm/config/containers-conf-qm-values';

const CODE = 'qm/containers-conf-qm-values';
const BAD = tree('containers-conf-qm-values', 'bad');
const D = '/etc/qm/containers/containers.conf.d';

test('values that depart from what QM ships, with their severities', () => {
	assert.deepEqual(everywhere(BAD, CODE), [
		`${D}/10-oom.conf: 300 (warning)`,
		`${D}/20-network.conf: "private" (warning)`,
		`${D}/20-network.conf: "10.88.4.0/24" (warning)`,
		`${D}/30-devices.conf: /dev/mem (error)`,
		`${D}/30-devices.conf: /dev/ttyUSB3 (warning)`,
		`${D}/30-devices.conf: /dev/sdb (warning)`,
		`${D}/30-devices.conf: /dev/kmsg (error)`,
		`${D}/40-limits.conf: "nofile=100000:100000" (warning)`,
		`${D}/40-limits.conf: "nproc=4096:8192" (information)`,
		`${D}/40-limits.conf: "/tmp/images" (information)`,
		`${D}/50-range.conf: 2000 (error)`,
		`${D}/60-between.conf: 600 (information)`,
	]);
});

test('messages and fixes', () => {
	const oom = at(BAD, `${D}/10-oom.conf`, CODE, '300');
	assert.match(oom.message, /CAP_SYS_RESOURCE/);
	assert.equal(applied(BAD, `${D}/10-oom.conf`, fixOf(oom, 'Change to 750')), '[containers]\noom_score_adj = 750\n');
	const netns = at(BAD, `${D}/20-network.conf`, CODE, '"private"');
	assert.match(applied(BAD, `${D}/20-network.conf`, fixOf(netns, 'host')), /netns = "host"/);
	const tty = at(BAD, `${D}/30-devices.conf`, CODE, '/dev/ttyUSB3');
	assert.match(tty.message, /Annotation=org\.containers\.qm\.device\.ttyUSB=true or AddDevice=-\/dev\/ttyUSB3/);
	const limits = at(BAD, `${D}/40-limits.conf`, CODE, '"nofile=100000:100000"');
	assert.match(applied(BAD, `${D}/40-limits.conf`, fixOf(limits, 'nofile=65536:65536')), /"nofile=65536:65536",/);
});

test('the boundary decides: devices it exposes, a higher LimitNOFILE, sys_resource given back', () => {
	const files = withFile(BAD, '/etc/containers/systemd/qm.container.d/50-usb.conf', '[Container]\nAddDevice=-/dev/ttyUSB3\n[Service]\nLimitNOFILE=200000\n');
	const found = everywhere(files, CODE);
	assert.ok(!found.some((f) => f.includes('ttyUSB3')));
	assert.ok(!found.some((f) => f.includes('nofile=100000')));
	assert.deepEqual(everywhere(tree('containers-conf-qm-values', 'restored'), CODE), [`${D}/10-oom.conf: 300 (information)`]);
});

test('silent: the shipped values, exposed devices, the host\'s containers.conf', () => {
	assert.deepEqual(everywhere(tree('containers-conf-qm-values', 'good'), CODE), []);
	// Hidden under the QM rootfs /etc: podman inside QM never reads it.
	assert.deepEqual(everywhere({ '/usr/lib/qm/rootfs/etc/containers/containers.conf.d/10-oom.conf': '[containers]\noom_score_adj = 300\n' }, CODE), []);
});

test('subnet overlap', () => {
	assert.equal(cidrOverlap('10.88.0.0/16', '10.88.0.0/16'), true);
	assert.equal(cidrOverlap('10.0.0.0/8', '10.88.0.0/16'), true);
	assert.equal(cidrOverlap('10.88.200.0/24', '10.88.0.0/16'), true);
	assert.equal(cidrOverlap('10.89.0.0/16', '10.88.0.0/16'), false);
	assert.equal(cidrOverlap('fd00::/64', '10.88.0.0/16'), false);
});

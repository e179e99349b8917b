import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VALUE_TYPES, type KeySpec, type ValueType } from '../../server/src/service/catalog/catalog-schema';
import {
	canonicalMcsLevel,
	checkValue,
	mcsDominates,
	parseMcsLevel,
	splitWords,
	VALUE_CHECKERS,
	type Severity,
	type ValueProblem,
} from '../../server/src/service/catalog/value-types/index';
import { closest, editDistance } from '../../server/src/service/util/edit-distance';

function spec(type: ValueType, extra: Partial<KeySpec> = {}): KeySpec {
	return { type, repeatable: false, doc: 'A key used by the value-type tests.', example: 'Key=value', ...extra };
}

/** Specs shaped like the catalog's real entries (see quadlet-spec.md §7). */
const S = {
	bool: spec('bool', { lookup: 'LookupBoolean' }),
	boolDefaultTrue: spec('bool', { lookup: 'LookupBoolean', default: 'true' }),
	notify: spec('bool-or-enum', { lookup: 'Lookup', values: ['<bool>', 'healthy'], caseInsensitive: true, valuesEnforcedBy: 'quadlet' }),
	sdBool: spec('sd-bool'),
	pull: spec('enum', { lookup: 'Lookup', values: ['always', 'missing', 'never', 'newer'], valuesEnforcedBy: 'podman' }),
	kubeWorkDir: spec('enum', { lookup: 'Lookup', values: ['yaml', 'unit'], valuesEnforcedBy: 'quadlet', caseInsensitive: true }),
	remapUsers: spec('enum', { lookup: 'LookupLast', values: ['manual', 'auto', 'keep-id'], valuesEnforcedBy: 'quadlet' }),
	serviceType: spec('enum', { values: ['simple', 'exec', 'forking', 'oneshot', 'notify'], valuesEnforcedBy: 'systemd' }),
	appArmor: spec('enum', { lookup: 'Lookup', values: ['unconfined', '<profile>'] }),
	int: spec('int', { lookup: 'Lookup' }),
	uint: spec('uint', { lookup: 'Lookup' }),
	retries: spec('uint', { lookup: 'Lookup', min: 1, max: 10 }),
	volumeUser: spec('uint32', { lookup: 'LookupUint32' }),
	plainUint32: spec('uint32'),
	octal: spec('octal-mode'),
	duration: spec('duration', { lookup: 'Lookup', values: ['disable', '<duration>'] }),
	size: spec('size', { lookup: 'Lookup' }),
	path: spec('path', { lookup: 'Lookup' }),
	envFile: spec('path', { lookup: 'LookupAllArgs', repeatable: true, multiplePerLine: true }),
	seccomp: spec('path', { lookup: 'Lookup', values: ['unconfined', '<path to JSON>'] }),
	pathOrUrl: spec('path-or-url', { lookup: 'Lookup' }),
	signal: spec('signal', { lookup: 'Lookup' }),
	dns: spec('ip', { lookup: 'LookupAll', repeatable: true, values: ['none'] }),
	ipv4: spec('ipv4', { lookup: 'Lookup' }),
	ipv6: spec('ipv6', { lookup: 'Lookup' }),
	cidr: spec('cidr', { lookup: 'LookupAll', repeatable: true }),
	ipRange: spec('ip-range', { lookup: 'LookupAll', repeatable: true }),
	hostIp: spec('host-ip', { lookup: 'LookupAll', repeatable: true }),
	image: spec('image-ref', { lookup: 'Lookup', references: ['.image', '.build'] }),
	artifact: spec('artifact-ref', { lookup: 'Lookup' }),
	pod: spec('unit-ref', { lookup: 'Lookup', references: ['.pod'] }),
	env: spec('keyval-list', { lookup: 'LookupAllKeyVal', repeatable: true, multiplePerLine: true }),
	sysctl: spec('keyval-words', { lookup: 'LookupAllStrv', repeatable: true, multiplePerLine: true }),
	caps: spec('capability-list', { lookup: 'LookupAllStrv', repeatable: true, multiplePerLine: true }),
	idmap: spec('idmap', { lookup: 'LookupAllStrv', repeatable: true, multiplePerLine: true }),
	device: spec('device', { lookup: 'LookupAllStrv', repeatable: true, multiplePerLine: true }),
	expose: spec('port-expose', { lookup: 'LookupAll', repeatable: true }),
	publish: spec('port-publish', { lookup: 'LookupAll', repeatable: true }),
	volume: spec('volume-spec', { lookup: 'LookupAll', repeatable: true }),
	mount: spec('mount-spec', { lookup: 'LookupAllArgs', repeatable: true, multiplePerLine: true }),
	network: spec('network-spec', { lookup: 'LookupAll', repeatable: true }),
	secret: spec('secret-spec', { lookup: 'LookupAllArgs', repeatable: true, multiplePerLine: true }),
	tmpfs: spec('tmpfs-spec', { lookup: 'LookupAll', repeatable: true }),
	userns: spec('userns-mode', { lookup: 'Lookup', valuesEnforcedBy: 'podman' }),
	args: spec('args', { lookup: 'LookupAllArgs', repeatable: true, multiplePerLine: true }),
	command: spec('command', { lookup: 'LookupLastArgs' }),
	level: spec('mcs-level', { lookup: 'Lookup' }),
	selinuxType: spec('selinux-type', { lookup: 'Lookup' }),
	string: spec('string', { lookup: 'Lookup' }),
	timespan: spec('sd-timespan'),
	listen: spec('sd-listen', { repeatable: true }),
	bytes: spec('sd-bytes'),
	exec: spec('sd-exec', { repeatable: true }),
	rlimit: spec('sd-rlimit'),
	nice: spec('sd-nice'),
	oom: spec('sd-oom-score'),
	cpus: spec('sd-cpu-set'),
	percent: spec('sd-percent'),
	percentMax: spec('sd-percent', { max: 100 }),
	units: spec('sd-unit-list', { repeatable: true }),
	sdEnv: spec('sd-env', { repeatable: true }),
	paths: spec('sd-path-list', { repeatable: true }),
} satisfies Record<string, KeySpec>;

function ok(key: string, s: KeySpec, ...values: string[]): void {
	for (const value of values) {
		assert.deepEqual(checkValue(value, s, key), [], `${key}=${value} should have no problems`);
	}
}

function one(key: string, s: KeySpec, value: string, severity: Severity): ValueProblem {
	const problems = checkValue(value, s, key);
	assert.equal(problems.length, 1, `${key}=${value}: expected one problem, got ${JSON.stringify(problems)}`);
	const [p] = problems;
	assert.ok(p);
	assert.equal(p.severity, severity, `${key}=${value}: ${p.message}`);
	return p;
}

function noErrors(key: string, s: KeySpec, value: string): ValueProblem[] {
	const problems = checkValue(value, s, key);
	assert.ok(problems.every((p) => p.severity !== 'error'), `${key}=${value} must not be an error: ${JSON.stringify(problems)}`);
	return problems;
}

// ---------------------------------------------------------------------------------------------
// util/edit-distance

test('editDistance counts insertions, deletions and substitutions', () => {
	assert.equal(editDistance('kitten', 'sitting'), 3);
	assert.equal(editDistance('', 'abc'), 3);
	assert.equal(editDistance('same', 'same'), 0);
	assert.equal(editDistance('ture', 'true'), 2);
});

test('closest picks a unique nearby candidate, ignoring case', () => {
	assert.equal(closest('helthy', ['healthy', 'none']), 'healthy');
	assert.equal(closest('IMAGE', ['Image', 'Exec']), 'Image');
	assert.equal(closest('zzzzzz', ['healthy', 'none']), undefined);
	assert.equal(closest('ab', ['aa', 'bb']), undefined, 'a tie is no suggestion');
	assert.equal(closest('abcdef', ['abcxyz'], 2), undefined, 'maxDistance is honoured');
});

// ---------------------------------------------------------------------------------------------
// Registry and robustness

test('every value type has a checker', () => {
	for (const type of VALUE_TYPES) assert.equal(typeof VALUE_CHECKERS[type], 'function', type);
});

test('no checker throws on odd input, and odd input is never an error for free-form types', () => {
	const odd = ['', ' ', ':', '::', '"', "'", '\\', '%', '%%', '$', '${', '${}', '[]', '[', ']:', 'a b', '-', '/', '=', ',', '\\x00', '"a" "b', 'é', '\u{1F600}'];
	const mayError = new Set<ValueType>(['port-expose', 'mount-spec', 'network-spec', 'enum', 'bool-or-enum', 'unit-ref']);
	for (const type of VALUE_TYPES) {
		for (const lookup of [undefined, 'Lookup', 'LookupAll', 'LookupAllStrv', 'LookupAllArgs'] as const) {
			const s = spec(type, lookup ? { lookup } : {});
			for (const value of odd) {
				const problems = checkValue(value, s, 'Key');
				for (const p of problems) {
					assert.ok(p.start >= 0 && p.end <= value.length && p.start <= p.end, `${type} ${JSON.stringify(value)}: bad span ${p.start}-${p.end}`);
					assert.ok(p.message.length > 10);
					if (!mayError.has(type)) assert.notEqual(p.severity, 'error', `${type} ${JSON.stringify(value)}: ${p.message}`);
				}
			}
		}
	}
});

test('an empty value resets a list key and is not reported', () => {
	ok('Volume', S.volume, '');
	ok('PublishPort', S.publish, '');
	ok('AddCapability', S.caps, '');
	ok('ListenStream', S.listen, '');
});

test('an empty single-valued key is mostly the same as leaving it out', () => {
	ok('Image', S.image, '');
	ok('Pull', S.pull, '');
	ok('SecurityLabelLevel', S.level, '');
	ok('Memory', S.size, '');
	ok('TimeoutStartSec', S.timespan, '');
	ok('Image', S.image, '""');
});

test('an empty value that still reaches podman is a notice; an empty service name is a warning', () => {
	const log = one('LogDriver', spec('enum', { lookup: 'Lookup', values: ['journald', 'k8s-file'] }), '', 'information');
	assert.match(log.message, /--log-driver/);
	one('StopTimeout', spec('uint', { lookup: 'Lookup' }), '', 'information');
	assert.match(one('ServiceName', S.string, '', 'warning').message, /\.service/);
	ok('Driver', spec('enum', { lookup: 'Lookup', values: ['bridge', 'macvlan', 'ipvlan'] }), '');
	one('Driver', spec('string', { lookup: 'Lookup' }), '', 'information');
});

test('values with specifiers or variables are taken on trust', () => {
	ok('PublishPort', S.publish, '${PORT}:80', '%i:80/tcp', '127.0.0.1:${HOST_PORT}:80');
	ok('Volume', S.volume, '%h/data:/data', '${DATA}:/data:Z', '%t/app.sock:/run/app.sock');
	ok('SecurityLabelLevel', S.level, '${LEVEL}', 's0:%i');
	ok('HealthInterval', S.duration, '${INTERVAL}');
	ok('IP', S.ipv4, '${IP}');
	ok('AddCapability', S.caps, '${CAPS}');
	ok('Image', S.image, 'registry.local/${APP}:%i');
	ok('Memory', S.size, '${MEM}');
	ok('TimeoutStartSec', S.timespan, '${T}');
	ok('EnvironmentFile', S.envFile, '%h/app.env', '${CONF}/x.env');
	ok('ListenStream', S.listen, '%t/app.sock');
});

// ---------------------------------------------------------------------------------------------
// Accessors: quotes, words and escapes

test('Lookup strips one pair of double quotes but not single quotes', () => {
	ok('ReadOnly', S.bool, '"true"');
	ok('Memory', S.size, '"512m"');
	const p = one('ReadOnly', S.bool, "'true'", 'warning');
	assert.equal(p.replacement, 'true');
	assert.match(p.message, /single quotes/);
});

test('LookupAll keeps quotes, so a quoted value reaches podman with its quotes', () => {
	const p = one('PublishPort', S.publish, '"8080:80"', 'warning');
	assert.equal(p.replacement, '8080:80');
	assert.deepEqual([p.start, p.end], [0, 9]);
});

test('word lists are split and offsets point into the original text', () => {
	const problems = checkValue('CAP_NET_ADMIN "CAP_BOGUS" sys_time', S.caps, 'AddCapability');
	assert.equal(problems.length, 1);
	const [p] = problems;
	assert.ok(p);
	assert.equal(p.severity, 'warning');
	assert.deepEqual([p.start, p.end], [15, 24]);
});

test('an unbalanced quote in a word list drops the line', () => {
	const p = one('AddCapability', S.caps, 'CAP_CHOWN "CAP_KILL', 'warning');
	assert.match(p.message, /never closed/);
	assert.equal(p.start, 10);
});

test('unsupported escapes are left to quadlet/escape-sequence; valid escapes pass', () => {
	ok('Exec', S.command, 'sh -c "echo \\q"', 'sh -c "printf \\"%%s\\\\n\\" done"', '/bin/echo \\x41\\101\\u00e9\\s', 'echo it\\\'s');
	ok('PodmanArgs', S.args, '--label a\\zb', '--log-level=debug --env "A=b c"', '--unbalanced "quote is fine here');
	ok('Environment', S.env, 'A=\\d');
});

test('an empty quoted word stops podman\'s word splitting', () => {
	const p = one('PodmanArgs', S.args, '--foo "" --bar', 'warning');
	assert.deepEqual([p.start, p.end], [6, 8]);
});

test('splitWords follows podman\'s splitter', () => {
	const args = { relax: true, unquote: true, cUnescape: true, emptyWordStops: true };
	assert.deepEqual(splitWords('a"b c"d  e', args).words.map((w) => w.text), ['ab cd', 'e']);
	assert.deepEqual(splitWords('\\x41\\tB', args).words.map((w) => w.text), ['A\tB']);
	assert.equal(splitWords('a \\x00', args).issue?.kind, 'bad-escape');
	assert.deepEqual(splitWords('a\\b "c', { unquote: true, retainEscape: true }).words, []);
	assert.deepEqual(splitWords('a\\b c', { unquote: true, retainEscape: true }).words.map((w) => w.text), ['a\\b', 'c']);
	const [w] = splitWords('"ab"', args).words;
	assert.deepEqual(w?.src, [[1, 2], [2, 3]]);
});

// ---------------------------------------------------------------------------------------------
// bool, bool-or-enum, sd-bool, enum

test('bool: podman\'s truth set in any case', () => {
	ok('ReadOnly', S.bool, '1', 'yes', 'true', 'on', 'On', 'TRUE', '0', 'no', 'false', 'off', 'Off');
});

test('bool: anything else is read as false, with the accepted spellings', () => {
	const p = one('ReadOnly', S.bool, 'enabled', 'warning');
	assert.ok(p.message.startsWith('ReadOnly=enabled is not a boolean podman understands; it will be read as false. Write true or false (also accepted: yes/no, on/off, 1/0).'), p.message);
	assert.equal(p.replacement, 'true');
	const y = one('ReadOnly', S.bool, 'y', 'warning');
	assert.equal(y.replacement, 'yes');
	assert.match(y.message, /systemd accepts y/);
	assert.equal(one('ReadOnly', S.bool, 'ture', 'warning').replacement, 'true');
	assert.equal(one('ReadOnly', S.bool, 'maybe', 'warning').replacement, undefined);
});

test('bool: an empty value is false, which can flip a true default', () => {
	assert.match(one('ReadOnly', S.bool, '', 'warning').message, /empty/);
	assert.match(one('ReadOnlyTmpfs', S.boolDefaultTrue, '', 'warning').message, /default, which is true/);
});

test('bool: quadlet reads booleans before systemd expands anything', () => {
	assert.match(one('ReadOnly', S.bool, '%i', 'warning').message, /always false/);
	one('ReadOnly', S.bool, '${RO}', 'warning');
});

test('bool-or-enum (Notify): booleans and the keyword, anything else is false', () => {
	ok('Notify', S.notify, 'true', 'no', 'healthy', 'Healthy');
	assert.equal(one('Notify', S.notify, 'helthy', 'warning').replacement, 'healthy');
	one('Notify', S.notify, 'container', 'warning');
	one('Notify', S.notify, '', 'warning');
});

test('sd-bool: systemd\'s wider truth set; bad values are ignored by systemd', () => {
	ok('Accept', S.sdBool, 'yes', 'y', 't', 'F', 'off', '');
	const p = one('Accept', S.sdBool, 'enable', 'warning');
	assert.equal(p.replacement, 'true');
	assert.match(p.message, /systemd ignores/);
});

test('enum: podman-enforced values are warnings with a suggestion', () => {
	ok('Pull', S.pull, 'always', 'newer');
	const p = one('Pull', S.pull, 'allways', 'warning');
	assert.equal(p.replacement, 'always');
	assert.match(p.message, /Did you mean always\?/);
	assert.match(p.message, /always, missing, never or newer/);
	assert.equal(one('Pull', S.pull, 'sometimes', 'warning').replacement, undefined);
});

test('enum: case-sensitive sets report a case mismatch with the right spelling', () => {
	const p = one('Pull', S.pull, 'Always', 'warning');
	assert.equal(p.replacement, 'always');
	assert.match(p.message, /case-sensitive/);
});

test('enum: quadlet-enforced values are errors; case-insensitive sets accept any case', () => {
	ok('SetWorkingDirectory', S.kubeWorkDir, 'yaml', 'Unit', 'YAML');
	one('SetWorkingDirectory', S.kubeWorkDir, 'file', 'error');
});

test('enum: systemd-enforced values are warnings; placeholders open the set', () => {
	one('Type', S.serviceType, 'forkin', 'warning');
	ok('AppArmor', S.appArmor, 'unconfined', 'my-profile');
});

test('enum: RemapUsers is left to the Remap rule', () => {
	ok('RemapUsers', S.remapUsers, 'sometimes', '"auto"');
});

// ---------------------------------------------------------------------------------------------
// numbers

test('int/uint: Go integer syntax as podman\'s flags parse it', () => {
	ok('PidsLimit', S.int, '100', '-1', '0x10', '1_000', '0o17', '+5');
	ok('HealthRetries', S.uint, '3', '0');
	one('HealthRetries', S.uint, '-1', 'warning');
	one('PidsLimit', S.int, '1e3', 'warning');
	assert.equal(one('StopTimeout', S.uint, '10s', 'warning').replacement, '10');
});

test('int/uint: min and max from the catalog', () => {
	ok('Retry', S.retries, '1', '10');
	assert.match(one('Retry', S.retries, '11', 'warning').message, /between 1 and 10/);
	one('Retry', S.retries, '0', 'warning');
});

test('uint32 with LookupUint32: non-numbers silently become 0 (root)', () => {
	ok('User', S.volumeUser, '1000', '0x3e8', '0', '4294967295');
	const p = one('User', S.volumeUser, 'nobody', 'warning');
	assert.match(p.message, /0 \(root\)/);
	assert.match(p.message, /numeric UID/);
	one('Group', S.volumeUser, '-5', 'warning');
	one('User', S.volumeUser, '4294967296', 'warning');
	one('User', S.volumeUser, '08', 'warning');
	assert.match(one('User', S.volumeUser, '%U', 'warning').message, /before systemd would expand %U/);
	assert.match(one('User', S.volumeUser, '010', 'information').message, /octal, i\.e\. 8/);
});

test('uint32 without quadlet\'s accessor is a plain 32-bit number', () => {
	ok('RemapUidSize', S.plainUint32, '65536', '${N}');
	one('RemapUidSize', S.plainUint32, '-1', 'warning');
});

test('octal-mode: up to four octal digits', () => {
	ok('SocketMode', S.octal, '0660', '660', '0', '7777');
	one('SocketMode', S.octal, '0999', 'warning');
	assert.match(one('SocketMode', S.octal, 'u+rw', 'warning').message, /Symbolic/);
});

// ---------------------------------------------------------------------------------------------
// duration, size, signal

test('duration: Go durations and the listed keywords', () => {
	ok('HealthInterval', S.duration, '1m30s', '30s', '500ms', '1.5h', '0', 'disable', '2h45m');
});

test('duration: common mistakes get a Go spelling', () => {
	assert.equal(one('HealthInterval', S.duration, '30', 'warning').replacement, '30s');
	assert.equal(one('HealthInterval', S.duration, '1 min', 'warning').replacement, '1m');
	assert.equal(one('HealthInterval', S.duration, '2d', 'warning').replacement, '48h');
	assert.equal(one('HealthInterval', S.duration, '5sec', 'warning').replacement, '5s');
	assert.equal(one('HealthInterval', S.duration, 'disabel', 'warning').replacement, 'disable');
	assert.equal(one('RetryDelay', spec('duration', { lookup: 'Lookup' }), 'soon', 'warning').replacement, undefined);
});

test('size: go-units memory sizes', () => {
	ok('Memory', S.size, '512m', '1g', '1.5G', '2GiB', '1024', '512 m', '64mb');
	one('Memory', S.size, '1e9', 'warning');
	one('ShmSize', S.size, '-1', 'warning');
	assert.equal(one('Memory', S.size, '512  m', 'warning').replacement, '512m');
});

test('signal: names with or without SIG, any case, or 1-64', () => {
	ok('StopSignal', S.signal, 'SIGTERM', 'term', 'HUP', '15', 'SIGRTMIN+3', 'RTMAX-1', 'sigusr1');
	assert.equal(one('StopSignal', S.signal, 'SIGTERN', 'warning').replacement, 'SIGTERM');
	one('StopSignal', S.signal, '0', 'warning');
	one('StopSignal', S.signal, '65', 'warning');
	one('ReloadSignal', S.signal, 'RTMIN+16', 'warning');
});

// ---------------------------------------------------------------------------------------------
// paths

test('path: relative values only where nothing resolves them', () => {
	ok('EnvironmentFile', S.envFile, 'app.env ./more.env', '/etc/app.env');
	ok('WorkingDir', S.path, '/srv', '%h/work');
	ok('SeccompProfile', S.seccomp, 'unconfined', '/etc/seccomp.json');
	ok('ContainersConfModule', spec('path', { lookup: 'LookupAll', repeatable: true }), 'nvidia.conf');
	assert.match(one('WorkingDir', S.path, 'app', 'warning').message, /relative/);
	one('AuthFile', S.path, 'auth.json', 'warning');
});

test('path: ~ is never expanded', () => {
	assert.equal(one('EnvironmentFile', S.envFile, '~/app.env', 'warning').replacement, '%h/app.env');
	one('File', S.pathOrUrl, '~/Containerfile', 'warning');
	ok('File', S.pathOrUrl, 'Containerfile', 'https://example.com/Containerfile');
});

// ---------------------------------------------------------------------------------------------
// networking

test('ip/ipv4/ipv6: addresses of the right family', () => {
	ok('DNS', S.dns, '1.1.1.1', '2606:4700::1111', 'none', '::ffff:10.0.0.1');
	one('DNS', S.dns, '999.1.1.1', 'warning');
	one('DNS', S.dns, '010.0.0.1', 'warning');
	ok('IP', S.ipv4, '10.88.0.10');
	assert.match(one('IP', S.ipv4, 'fd00::10', 'warning').message, /IP6=/);
	ok('IP6', S.ipv6, 'fd00::10', '::');
	assert.match(one('IP6', S.ipv6, '10.88.0.10', 'warning').message, /IP=/);
	one('IP6', S.ipv6, 'fd00:::1', 'warning');
});

test('cidr: a subnet, host bits give a hint with the network address', () => {
	ok('Subnet', S.cidr, '10.89.0.0/24', 'fd00:1::/64', '0.0.0.0/0');
	assert.equal(one('Subnet', S.cidr, '10.0.0.1/24', 'hint').replacement, '10.0.0.0/24');
	assert.equal(one('Subnet', S.cidr, 'fd00:1::5/64', 'hint').replacement, 'fd00:1::/64');
	one('Subnet', S.cidr, '10.0.0.0/33', 'warning');
	assert.match(one('Subnet', S.cidr, '10.0.0.0', 'warning').message, /prefix length/);
});

test('ip-range: CIDR or FIRST-LAST', () => {
	ok('IPRange', S.ipRange, '10.89.0.128/25', '10.89.0.100-10.89.0.200');
	one('IPRange', S.ipRange, '10.89.0.200-10.89.0.100', 'warning');
	one('IPRange', S.ipRange, '10.89.0.1-fd00::1', 'warning');
	one('IPRange', S.ipRange, 'lots', 'warning');
});

test('host-ip: NAME:IP with IPv6 and host-gateway', () => {
	ok('AddHost', S.hostIp, 'db.local:10.0.0.5', 'db:fd00::5', 'gw:host-gateway', 'a;b:1.2.3.4', 'db=10.0.0.5');
	one('AddHost', S.hostIp, 'db.local', 'warning');
	const p = one('AddHost', S.hostIp, 'db:ten', 'warning');
	assert.deepEqual([p.start, p.end], [3, 6]);
});

test('port-expose: quadlet only checks the tail of the value', () => {
	ok('ExposeHostPort', S.expose, '80', '8000-8010/udp', '53/tcp', ' 80 ');
	const problems = noErrors('ExposeHostPort', S.expose, 'abc80');
	assert.equal(problems.length, 1);
	assert.equal(problems[0]?.severity, 'warning');
	assert.equal(problems[0]?.replacement, '80');
	one('ExposeHostPort', S.expose, '70000', 'warning');
	one('ExposeHostPort', S.expose, '90-80', 'warning');
});

test('port-expose: a tail quadlet rejects is an error', () => {
	assert.match(one('ExposeHostPort', S.expose, '80/sctp', 'error').message, /invalid port format/);
	one('ExposeHostPort', S.expose, '80/TCP', 'error');
	one('ExposeHostPort', S.expose, 'http', 'error');
	assert.match(one('ExposeHostPort', S.expose, '${PORT}', 'error').message, /before systemd expands/);
});

test('port-publish: podman\'s accepted forms', () => {
	ok('PublishPort', S.publish,
		'127.0.0.1:8080:80/udp', '[::1]:8080:80', '8000-8010:8000-8010', '80', '8080:80', '127.0.0.1::80',
		':80', '80/tcp,udp', '8080:80/sctp', '[fd00::1]:53:53/udp');
});

test('port-publish: malformed mappings are warnings on the faulty part', () => {
	assert.match(one('PublishPort', S.publish, '8000-8010:80', 'warning').message, /11 port/);
	one('PublishPort', S.publish, '[::1]:80', 'warning');
	one('PublishPort', S.publish, '1.2.3.4:5:6:7', 'warning');
	one('PublishPort', S.publish, '80/tcp/udp', 'warning');
	const ip = one('PublishPort', S.publish, '1.2.3:8080:80', 'warning');
	assert.deepEqual([ip.start, ip.end], [0, 5]);
	const port = one('PublishPort', S.publish, '99999:80', 'warning');
	assert.deepEqual([port.start, port.end], [0, 5]);
	const proto = one('PublishPort', S.publish, '8080:80/TCP', 'warning');
	assert.equal(proto.replacement, 'tcp');
	assert.deepEqual([proto.start, proto.end], [8, 11]);
	one('PublishPort', S.publish, '8080:', 'warning');
});

test('network-spec: modes, quadlet units and names', () => {
	ok('Network', S.network, 'host', 'none', 'bridge', 'mynet.network', 'mynet.network:ip=10.89.0.5', 'db.container',
		'container:db', 'ns:/run/netns/blue', 'slirp4netns:port_handler=slirp4netns', 'pasta:-T,8080', 'my_net-1');
	// Options on x.container are the generator's refusal: quadlet/network-container-options reports them.
	ok('Network', S.network, 'db.container:ip=10.0.0.5');
	one('Network', S.network, 'host:x', 'warning');
	one('Network', S.network, 'container:', 'warning');
	one('Network', S.network, 'ns:blue', 'warning');
	one('Network', S.network, 'bad name!', 'warning');
});

// ---------------------------------------------------------------------------------------------
// identities, capabilities, devices

test('capability-list: known capabilities, CAP_ optional, any case', () => {
	ok('AddCapability', S.caps, 'CAP_NET_ADMIN sys_time', 'all', 'NET_BIND_SERVICE BPF');
	assert.equal(one('DropCapability', S.caps, 'CAP_NET_ADMN', 'warning').replacement, 'CAP_NET_ADMIN');
	assert.match(one('AddCapability', S.caps, 'CHOWN,KILL', 'warning').message, /spaces, not commas/);
});

test('idmap: [FLAGS]CONTAINER:[@]HOST[:AMOUNT]', () => {
	ok('UIDMap', S.idmap, '0:100000:65536', '+g100000:@2000', 'u0:1', '0:1:1000 1000:0:1');
	ok('RemapUid', S.idmap, '1000');
	assert.equal(one('UIDMap', S.idmap, '"0 1 2"', 'warning').replacement, '0:1:2');
	one('GIDMap', S.idmap, 'ug0:1:1', 'warning');
	one('GIDMap', S.idmap, '0:1:0', 'warning');
	one('UIDMap', S.idmap, '1000', 'warning');
	one('UIDMap', S.idmap, '0:1:4294967296', 'warning');
});

test('device: host path, container path, permissions, CDI names', () => {
	ok('AddDevice', S.device, '/dev/fuse', '/dev/fuse:/dev/fuse:rwm', '-/dev/kvm', '/dev/sda:rw', 'nvidia.com/gpu=all');
	one('AddDevice', S.device, 'fuse', 'warning');
	one('AddDevice', S.device, '/dev/fuse:rwx', 'warning');
	one('AddDevice', S.device, '/a:/b:rw:x', 'warning');
});

test('userns-mode: modes and their options', () => {
	ok('UserNS', S.userns, 'auto', 'auto:size=65536', 'keep-id:uid=1000,gid=1000', 'host', 'nomap', 'private', 'ns:/proc/1/ns/user', 'container:db');
	assert.equal(one('UserNS', S.userns, 'keepid', 'warning').replacement, 'keep-id');
	one('UserNS', S.userns, 'keep-id:foo=1', 'warning');
	one('UserNS', S.userns, 'host:x', 'warning');
	one('UserNS', S.userns, 'ns:', 'warning');
});

// ---------------------------------------------------------------------------------------------
// key=value lists

test('keyval-list: KEY=VALUE or a bare KEY', () => {
	ok('Environment', S.env, 'A=1 "B=two words" C', 'PATH=/usr/bin:/bin', 'EMPTY=');
	one('Environment', S.env, 'A=1 =x', 'warning');
	assert.match(one('Environment', S.env, 'MSG=hello world-wide', 'warning').message, /quote the whole assignment/);
	ok('Label', S.env, 'io.containers.autoupdate=registry', 'org.example.flag');
});

test('keyval-words: Sysctl needs NAME=VALUE', () => {
	ok('Sysctl', S.sysctl, 'net.ipv4.ip_forward=1 net.core.somaxconn=1024');
	one('Sysctl', S.sysctl, 'net.ipv4.ip_forward', 'warning');
	one('Sysctl', S.sysctl, '=1', 'warning');
});

test('secret-spec: NAME[,OPTION=VALUE...]', () => {
	ok('Secret', S.secret, 'token', 'token,type=env,target=TOKEN', 'cert,type=mount,uid=0,mode=0400', 'id=npmrc,src=/run/npmrc');
	one('Secret', S.secret, 'token,type=file', 'warning');
	one('Secret', S.secret, 'token,traget=/x', 'warning');
	one('Secret', S.secret, 'token,ro', 'warning');
});

test('tmpfs-spec: an absolute mount point', () => {
	ok('Tmpfs', S.tmpfs, '/tmp', '/run:rw,size=64m,mode=1777');
	assert.equal(one('Tmpfs', S.tmpfs, 'tmp:rw', 'warning').replacement, '/tmp');
});

// ---------------------------------------------------------------------------------------------
// Volume= and Mount=

test('volume-spec: sources quadlet and podman understand', () => {
	ok('Volume', S.volume,
		'%h/data:/data', '/srv/www:/var/www:ro,Z', 'named:/data:U', './rel:/x', 'data.volume:/data', 'cfg.artifact:/cfg',
		'/data', 'my_vol-1:/x:rw,z,nocopy,rshared', '/a:/b:idmap=uids=0-1-10', '/src:/dst:O,upperdir=/u,workdir=/w');
});

test('volume-spec: likely mistakes', () => {
	assert.equal(one('Volume', S.volume, 'data/x:/data', 'warning').replacement, './data/x');
	assert.equal(one('Volume', S.volume, '~/x:/x', 'warning').replacement, '%h/x');
	assert.equal(one('Volume', S.volume, '/x:data', 'warning').replacement, '/data');
	one('Volume', S.volume, 'data', 'warning');
	one('Volume', S.volume, '/a:/b:ro,rw', 'warning');
	one('Volume', S.volume, '/a:/b:z,Z', 'warning');
	const unknown = one('Volume', S.volume, '/a:/b:ro,nocopyy', 'warning');
	assert.deepEqual([unknown.start, unknown.end], [9, 16]);
	assert.equal(unknown.replacement, 'nocopy');
	assert.match(one('Volume', S.volume, ':/data:ro', 'warning').message, /silently dropped/);
});

test('mount-spec: valid mounts', () => {
	ok('Mount', S.mount,
		'type=bind,source=/a,target=/b,ro=true',
		'type=volume,source=basic.volume,destination=/p,ro=true',
		'type=tmpfs,target=/tmp,tmpfs-size=64m',
		'source=data,target=/data',
		'type=bind,src=./conf,dst=/etc/app,relabel=private',
		'type=image,source=fedora.image,target=/img',
		'type=bind,\\"src=/a,b\\",target=/x',
		'type=glob,src=/usr/lib/*.so,dst=/libs');
});

test('mount-spec: generator refusals are left to quadlet/mount-format', () => {
	ok('Mount', S.mount, 'type=bind,src,target=/x', 'type=bind,target=/x', 'type=bind,source=,target=/x', 'type=bind,src=/a\\"b,target=/x');
});

test('mount-spec: runtime problems are warnings', () => {
	assert.match(one('Mount', S.mount, 'type=volume,target=/data', 'warning').message, /5\.8 and earlier/);
	assert.equal(one('Mount', S.mount, 'type=bnd,src=/a,target=/b', 'warning').replacement, 'type=bind');
	one('Mount', S.mount, 'type=bind,src=/a', 'warning');
	one('Mount', S.mount, 'type=bind,src=/a,target=b', 'warning');
	one('Mount', S.mount, 'type=bind,src=/a,target=/b,readonlyy', 'warning');
	one('Mount', S.mount, 'type=bind,src=data,target=/b', 'warning');
	one('Mount', S.mount, 'type=volume,src=a/b,target=/b', 'warning');
});

// ---------------------------------------------------------------------------------------------
// images and references

test('image-ref: references podman can pull', () => {
	ok('Image', S.image,
		'quay.io/fedora/fedora:41', 'nginx', 'docker.io/library/nginx:1.27-alpine', 'localhost:5000/team/app',
		'web.image', 'app.build', 'docker://quay.io/x/y', 'containers-storage:localhost/x',
		`quay.io/x/y@sha256:${'a'.repeat(64)}`, 'a'.repeat(64), `sha256:${'b'.repeat(64)}`, '[fd00::1]:5000/x');
	ok('Artifact', S.artifact, 'quay.io/org/artifact:v1');
});

test('image-ref: upper case, bad tags and spaces', () => {
	const p = one('Image', S.image, 'Docker.io/Library/Nginx:latest', 'warning');
	assert.equal(p.replacement, 'library/nginx');
	assert.deepEqual([p.start, p.end], [10, 23]);
	one('Image', S.image, 'quay.io/x/y:-bad', 'warning');
	one('Image', S.image, 'quay.io/x y', 'warning');
	one('Image', S.image, 'quay.io/x/y@sha256:short', 'warning');
});

test('unit-ref: Pod= is left to quadlet/pod-reference', () => {
	ok('Pod', S.pod, 'web.pod', 'web@%i.pod', 'web');
});

test('string, args and command have no grammar beyond the accessor', () => {
	ok('HostName', S.string, 'anything at all: even "quotes"');
	ok('PodmanArgs', S.args, '--cpus=2 --memory-swap=1g');
	ok('Exec', S.command, '/bin/sh -c "sleep infinity"');
});

// ---------------------------------------------------------------------------------------------
// SELinux

test('mcs-level: the cases from the QM rulebook', () => {
	ok('SecurityLabelLevel', S.level, 's0', 's0:c1,c2', 's0:c0.c1023', 's0-s0:c0.c1023', 's0:c1,c3.c7');
	const hint = one('SecurityLabelLevel', S.level, 's0:c2,c1', 'hint');
	assert.equal(hint.replacement, 's0:c1,c2');
	const big = one('SecurityLabelLevel', S.level, 's0:c1024', 'warning');
	assert.deepEqual([big.start, big.end], [3, 8]);
	const sens = one('SecurityLabelLevel', S.level, 's1:c1', 'warning');
	assert.equal(sens.replacement, 's0');
	assert.deepEqual([sens.start, sens.end], [0, 2]);
	const reversed = one('SecurityLabelLevel', S.level, 's0:c5.c3', 'warning');
	assert.equal(reversed.replacement, 'c3.c5');
});

test('mcs-level: syntax problems and non-canonical spellings', () => {
	for (const bad of ['c1,c2', 's0:c1:c2', 's0;c1', 's0:c1 c2', 's0:', 's00', 's0:c01', 's0-']) {
		assert.match(one('SecurityLabelLevel', S.level, bad, 'warning').message, /not an SELinux MCS level/, bad);
	}
	assert.equal(one('SecurityLabelLevel', S.level, 'S0:C1,C2', 'warning').replacement, 's0:c1,c2');
	assert.equal(one('SecurityLabelLevel', S.level, 's0:c1,c1,c2', 'hint').replacement, 's0:c1,c2');
	assert.equal(one('SecurityLabelLevel', S.level, 's0:c1.c2', 'hint').replacement, 's0:c1,c2');
	assert.equal(one('SecurityLabelLevel', S.level, 's0:c1,c2,c3', 'hint').replacement, 's0:c1.c3');
	assert.equal(one('SecurityLabelLevel', S.level, 's0-s0', 'hint').replacement, 's0');
	assert.match(one('SecurityLabelLevel', S.level, 's0:c1,c2-s0:c1', 'warning').message, /does not include/);
	one('SecurityLabelLevel', S.level, 's0:c5.c5', 'warning');
});

test('parseMcsLevel and canonicalMcsLevel give a structured view', () => {
	const range = parseMcsLevel('s0-s0:c0.c1023');
	assert.equal(range.wellFormed, true);
	assert.deepEqual(range.low, { sensitivity: 0, categories: [] });
	assert.equal(range.high?.categories.length, 1024);
	assert.deepEqual(range.issues, []);
	const pair = parseMcsLevel('s0:c7,c3');
	assert.deepEqual(pair.low?.categories, [3, 7]);
	assert.equal(pair.canonical, 's0:c3,c7');
	const bad = parseMcsLevel('s1:c2000');
	assert.deepEqual(bad.issues.map((i) => i.kind), ['sensitivity', 'category-range']);
	assert.equal(parseMcsLevel('nonsense').wellFormed, false);
	assert.equal(canonicalMcsLevel('s0:c3,c1,c2,c9'), 's0:c1.c3,c9');
	assert.equal(canonicalMcsLevel('s0:c1,c1'), 's0:c1');
	assert.equal(canonicalMcsLevel('nonsense'), undefined);
	assert.ok(mcsDominates({ sensitivity: 0, categories: [1, 2, 3] }, { sensitivity: 0, categories: [1, 3] }));
	assert.ok(!mcsDominates({ sensitivity: 0, categories: [1] }, { sensitivity: 0, categories: [1, 2] }));
});

test('selinux-type: lower-case names ending in _t', () => {
	ok('SecurityLabelType', S.selinuxType, 'container_t', 'qm_container_ipc_t', 'spc_t');
	assert.equal(one('SecurityLabelType', S.selinuxType, 'Container_T', 'warning').replacement, 'container_t');
	assert.equal(one('SecurityLabelType', S.selinuxType, 'system_u:system_r:container_t:s0', 'warning').replacement, 'container_t');
	assert.equal(one('SecurityLabelType', S.selinuxType, 'qm', 'warning').replacement, undefined);
});

// ---------------------------------------------------------------------------------------------
// systemd value grammars

test('sd-timespan: systemd time spans', () => {
	ok('TimeoutStartSec', S.timespan, '90', '5min 20s', '1h30min', '1.5s', 'infinity', '2 weeks', '500ms');
	assert.equal(one('TimeoutStartSec', S.timespan, '5M', 'warning').replacement, '5min');
	assert.equal(one('TimeoutStartSec', S.timespan, '5S', 'warning').replacement, '5s');
	one('TimeoutStartSec', S.timespan, 'soon', 'warning');
});

test('sd-listen: socket addresses and paths', () => {
	ok('ListenStream', S.listen, '8080', '127.0.0.1:8080', '[::1]:8080', '[fe80::1%eth0]:80', '/run/app.sock', '@abstract', '%t/app.sock', 'vsock:2:1234');
	assert.equal(one('ListenStream', S.listen, 'localhost:8080', 'warning').replacement, '127.0.0.1:8080');
	one('ListenStream', S.listen, '70000', 'warning');
	assert.match(one('ListenStream', S.listen, 'run/app.sock', 'warning').message, /absolute/);
	one('ListenDatagram', S.listen, 'example.com:53', 'warning');
	one('ListenFIFO', S.listen, 'fifo', 'warning');
	ok('ListenFIFO', S.listen, '/run/app.fifo');
	ok('ListenNetlink', S.listen, 'kobject-uevent 1');
});

test('sd-bytes: 1024-based sizes with upper-case suffixes', () => {
	ok('MemoryMax', S.bytes, '512M', '1G', 'infinity', '50%', '1G 512M', '1048576', '2.5G');
	assert.equal(one('MemoryMax', S.bytes, '512m', 'warning').replacement, '512M');
	assert.equal(one('MemoryMax', S.bytes, '1GiB', 'warning').replacement, '1G');
	one('MemoryMax', S.bytes, 'lots', 'warning');
});

test('sd-exec: absolute path or bare name, systemd escapes', () => {
	ok('ExecStart', S.exec, '/usr/bin/podman run x', '-/bin/true', 'podman ps', '@/bin/sh sh -c true', '/bin/echo a \\; b', '+/bin/x', '%h/bin/run', '${BIN}/run');
	assert.match(one('ExecStart', S.exec, '-./run.sh --x', 'warning').message, /relative path/);
	one('ExecStart', S.exec, '/bin/echo \\q', 'warning');
	one('ExecStart', S.exec, '/bin/echo "unterminated', 'warning');
});

test('sd-rlimit: VALUE or SOFT:HARD', () => {
	ok('LimitNOFILE', S.rlimit, '1024', '1024:4096', 'infinity', '1024:infinity');
	ok('LimitCPU', S.rlimit, '10s', '1min:infinity');
	ok('LimitAS', S.rlimit, '4G');
	ok('LimitNICE', S.rlimit, '-5');
	one('LimitNOFILE', S.rlimit, '4096:1024', 'warning');
	one('LimitNOFILE', S.rlimit, 'lots', 'warning');
	one('LimitNOFILE', S.rlimit, '1:2:3', 'warning');
});

test('sd-nice and sd-oom-score: bounded integers', () => {
	ok('Nice', S.nice, '-20', '0', '19');
	assert.equal(one('Nice', S.nice, '20', 'warning').replacement, '19');
	one('Nice', S.nice, 'low', 'warning');
	ok('OOMScoreAdjust', S.oom, '500', '-1000', '1000', '+10');
	assert.equal(one('OOMScoreAdjust', S.oom, '1001', 'warning').replacement, '1000');
	one('OOMScoreAdjust', S.oom, 'high', 'warning');
});

test('sd-cpu-set: CPU numbers and ranges', () => {
	ok('CPUAffinity', S.cpus, '0-3 6', '0,2,4', '1');
	one('CPUAffinity', S.cpus, '3-1', 'warning');
	one('AllowedCPUs', S.cpus, '0-3 x', 'warning');
});

test('sd-percent: NUMBER%', () => {
	ok('CPUQuota', S.percent, '50%', '150%', '12.5%');
	assert.equal(one('CPUQuota', S.percent, '50', 'warning').replacement, '50%');
	one('MemoryPressureLimit', S.percentMax, '150%', 'warning');
});

test('sd-unit-list: any words (missing suffixes are the job of qm/unit-dep-missing-suffix)', () => {
	ok('After', S.units, 'network-online.target app.socket', 'db.container', 'foo@%i.service', 'a.service b.pod', 'ipc_server foo.socket');
});

test('sd-env: NAME=VALUE words', () => {
	ok('Environment', S.sdEnv, 'A=1 "B=two words"', 'PATH=/usr/bin', 'X=');
	one('Environment', S.sdEnv, 'A=1 NOVALUE', 'warning');
	one('Environment', S.sdEnv, '1X=2', 'warning');
	one('Environment', S.sdEnv, 'A=\\q', 'warning');
});

test('sd-path-list: absolute paths with optional - and + prefixes', () => {
	ok('ReadWritePaths', S.paths, '/var/lib/app -/opt/x +/srv %t/run "/with space"');
	const p = one('ReadWritePaths', S.paths, '/ok relative/dir', 'warning');
	assert.deepEqual([p.start, p.end], [4, 16]);
	assert.match(one('RequiresMountsFor', S.paths, '~/data', 'warning').message, /%h/);
});

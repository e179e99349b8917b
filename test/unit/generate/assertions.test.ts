import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, keyValMap, parseAssertion, shellWords, type AssertTarget } from '../../conformance/assertions';

test('shellWords splits like go-shellwords', () => {
	assert.deepEqual(shellWords('a "b c" \'d e\' f\\ g'), ['a', 'b c', 'd e', 'f g']);
	assert.deepEqual(shellWords('"x\\"y" \'a\\b\''), ['x"y', 'a\\b']);
	assert.deepEqual(shellWords('"tag="{{.Name}}""'), ['tag={{.Name}}']);
	assert.deepEqual(shellWords('a ; b'), ['a'], 'an unquoted ; ends the line');
	assert.deepEqual(shellWords('"" x'), ['', 'x']);
});

test('parseAssertion: ## lines only, ! negation, \\n and \\t', () => {
	assert.equal(parseAssertion('# assert-key-is A B C'), undefined);
	assert.deepEqual(parseAssertion('## !assert-podman-args "--env" "A=x\\\\ny"'), { source: '!assert-podman-args "--env" "A=x\\\\ny"', negate: true, op: 'assert-podman-args', args: ['--env', 'A=x\ny'] });
});

const target: AssertTarget = {
	text: [
		'[Unit]', 'After=network-online.target', 'After=', 'Requires=a.service', 'Requires=b.service',
		'[Service]', 'ExecStartPre=/usr/bin/podman pod create --name p', 'ExecStart=/usr/bin/podman --log-level=debug run --mount "type=bind,source=/a\\x20b,\\"dst=/c,1\\"" --env "K=v\\nw" img',
		'ExecStop=/usr/bin/podman rm x', 'ExecStopPost=-/usr/bin/podman rm x', 'ExecReload=/usr/bin/podman kill --signal HUP x',
	].join('\n'),
	stderr: 'Warning: something',
	symlinks: [{ link: 'a.target.wants/x.service', target: '../x.service' }],
};

function holds(line: string, t: AssertTarget = target): boolean {
	const a = parseAssertion(line);
	assert.ok(a, line);
	return evaluate(a, t).ok;
}

test('evaluate: key checks with LookupAll semantics', () => {
	assert.ok(holds('## assert-key-is Unit Requires a.service b.service'));
	assert.ok(!holds('## assert-key-is Unit Requires a.service'));
	assert.ok(holds('## assert-key-is-empty Unit After'), 'After= resets');
	assert.ok(holds('## assert-last-key-is-regex Unit After "^$"'));
	assert.ok(holds('## assert-key-is-regex Unit Requires "^a" "b\\.service"'));
	assert.ok(holds('## assert-has-key Unit Requires b.service'));
	assert.ok(holds('## assert-key-contains Unit Requires b.serv'));
	assert.ok(holds('## assert-key-not-contains Unit Requires c.serv'));
	assert.ok(holds('## assert-last-key-contains Service ExecStart " --env "'));
	assert.ok(holds('## !assert-key-is Service Type notify'));
});

test('evaluate: podman command checks', () => {
	assert.ok(holds('## assert-podman-args run --mount'));
	assert.ok(!holds('## assert-podman-args run --env'));
	assert.ok(holds('## assert-podman-args --env "K=v\\\\nw"'), 'written \\\\n in the corpus: a literal \\n, then a newline');
	assert.ok(holds('## assert-podman-final-args img'));
	assert.ok(holds('## assert-podman-final-args-regex "^i.g$"'));
	assert.ok(holds('## assert-podman-args-regex "--m.*" "type=bind"'));
	assert.ok(holds('## assert-podman-global-args run --log-level=debug'));
	assert.ok(!holds('## assert-podman-global-args run img'));
	assert.ok(holds('## assert-podman-args-key-val --mount , "type=bind,source=/a b,\\"dst=/c,1\\""'));
	assert.ok(holds('## assert-podman-args-key-val-regex --mount , "type=b.*,source=/a.*,\\"dst=/c.*\\""'));
	assert.ok(holds('## assert-podman-global-args-key-val run --mount , "source=/a b,type=bind,\\"dst=/c,1\\""') === false);
	assert.ok(holds('## assert-podman-pre-args pod create'));
	assert.ok(holds('## assert-podman-stop-args rm x'));
	assert.ok(holds('## assert-podman-stop-post-final-args rm x'));
	assert.ok(holds('## assert-podman-reload-args --signal HUP'));
	assert.ok(holds('## !assert-podman-args --rm'));
});

test('evaluate: stderr, symlinks, assert-failed, unknown ops, refused units', () => {
	assert.ok(holds('## assert-stderr-contains "some"'));
	assert.ok(holds('## assert-symlink a.target.wants/x.service ../x.service'));
	assert.ok(!holds('## assert-symlink a.target.wants/x.service x.service'));
	assert.ok(holds('## assert-failed'));
	assert.ok(!holds('## assert-bogus a b'));
	assert.ok(!holds('## assert-key-is Unit Requires a.service', { ...target, text: undefined }));
});

test('keyValMap reads one CSV record into key → value', () => {
	assert.deepEqual([...keyValMap('type=bind,"dst=/a,b",ro', ',')!], [['type', 'bind'], ['dst', '/a,b'], ['ro', '']]);
	assert.equal(keyValMap('a="b', ','), undefined);
});

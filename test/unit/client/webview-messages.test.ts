import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkOpenRequest, makeNonce, parseWebviewMessage, renderMapHtml } from '../../../client/src/webview-messages';

test('well-formed webview messages pass; anything else is rejected', () => {
	assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
	assert.deepEqual(parseWebviewMessage({ type: 'refresh' }), { type: 'refresh' });
	assert.deepEqual(parseWebviewMessage({ type: 'open', path: '/etc/a.container', line: 3 }), { type: 'open', path: '/etc/a.container', line: 3 });
	for (const bad of [
		null, undefined, 'open', 42, [], {},
		{ type: 'eval', code: '1' },
		{ type: 'open', path: 'relative/a.container', line: 0 },
		{ type: 'open', path: '/a', line: -1 },
		{ type: 'open', path: '/a', line: 1.5 },
		{ type: 'open', path: '/a', line: '3' },
		{ type: 'open', path: '/a\0b', line: 0 },
		{ type: 'open', path: '/a', line: 0, command: 'workbench.action.terminal.new' },
		{ type: 'open', path: 'x'.repeat(5000), line: 0 },
		{ type: 'ready', extra: true },
		{ type: 'open', path: 'command:workbench.action.terminal.new', line: 0 },
	]) {
		assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad)?.slice(0, 80));
	}
});

test('open requests are honoured only for files on the map', () => {
	const nodes = new Set(['/etc/containers/systemd/qm.container', '/etc/qm/containers/systemd/a.container']);
	assert.deepEqual(checkOpenRequest({ type: 'open', path: '/etc/qm/containers/systemd/a.container', line: 4 }, nodes), { path: '/etc/qm/containers/systemd/a.container', line: 4 });
	assert.equal(checkOpenRequest({ type: 'open', path: '/etc/shadow', line: 0 }, nodes), undefined);
	assert.equal(checkOpenRequest({ type: 'open', path: '/etc/qm/containers/systemd/../../../shadow', line: 0 }, nodes), undefined);
	assert.equal(checkOpenRequest({ type: 'ready' }, nodes), undefined);
});

test('the page has a strict CSP: nonce-only scripts, no inline code, nothing remote', () => {
	const nonce = makeNonce();
	assert.match(nonce, /^[A-Za-z0-9]{20,}$/);
	assert.notEqual(makeNonce(), nonce);
	const html = renderMapHtml({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce, scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/domain-map.js', styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/domain-map.css' });
	const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
	assert.equal(csp, `default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net data:; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-${nonce}'; script-src 'nonce-${nonce}'`);
	const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
	assert.equal(scripts.length, 1);
	assert.match(scripts[0][1], new RegExp(`nonce="${nonce}" src="https://file\\+\\.vscode-resource\\.vscode-cdn\\.net/ext/media/domain-map\\.js"`));
	assert.equal(scripts[0][2], '', 'no inline script');
	assert.doesNotMatch(html, /\son\w+=|style="|http:\/\/|javascript:/i);
});

test('values put into the page are attribute-escaped', () => {
	const html = renderMapHtml({ cspSource: 'x"><script>alert(1)</script>', nonce: 'n', scriptUri: 'a"b', styleUri: '<c>' });
	assert.doesNotMatch(html, /<script>alert/);
	assert.match(html, /src="a&quot;b"/);
	assert.match(html, /href="&lt;c&gt;"/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toServiceOptions } from '../../server/src/lsp/settings';
import { createLanguageService } from '../../server/src/service/index';

test('qmQuadlet.domains reaches ServiceOptions.domains', () => {
	const { options } = toServiceOptions({ domains: [{ glob: 'vendor/qm/**', domain: 'qm' }, { glob: '**/host/*.container', domain: 'asil' }] });
	assert.deepEqual(options.domains, [{ glob: 'vendor/qm/**', domain: 'qm' }, { glob: '**/host/*.container', domain: 'asil' }]);
});

test('malformed qmQuadlet.domains entries are dropped, the rest still apply', () => {
	const { options } = toServiceOptions({
		domains: [{ glob: '', domain: 'qm' }, { glob: 'a/**', domain: 'unknown' }, 'x', null, { glob: 'b/**' }, { glob: 'ok/**', domain: 'qm-boundary' }],
	});
	assert.deepEqual(options.domains, [{ glob: 'ok/**', domain: 'qm-boundary' }]);
	assert.equal(toServiceOptions({ domains: 'qm' }).options.domains, undefined);
	assert.equal(toServiceOptions({}).options.domains, undefined);
	// A bad domains value does not discard the other settings.
	assert.equal(toServiceOptions({ domains: 7, podmanVersion: '5.4' }).options.podmanVersion, '5.4');
});

test('a domains glob decides the domain of a file outside the known directories', () => {
	const service = createLanguageService(toServiceOptions({ domains: [{ glob: '**/vendor/qm/*.container', domain: 'qm' }] }).options);
	service.workspace.set('/src/vendor/qm/app.container', '[Container]\nImage=quay.io/a/b:1\n');
	service.workspace.set('/src/other/app.container', '[Container]\nImage=quay.io/a/b:1\n');
	assert.equal(service.getDomain('/src/vendor/qm/app.container')?.domain, 'qm');
	assert.match(service.getDomain('/src/vendor/qm/app.container')?.reason ?? '', /\*\*\/vendor\/qm\/\*\.container/);
	assert.equal(service.getDomain('/src/other/app.container')?.domain, 'unknown');
});

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root (tests run from out/test/…). */
export const REPO = resolve(__dirname, '..', '..', '..');
export const FIXTURES = resolve(REPO, 'test', 'fixtures');
/** ../shared next to the repository: reference corpora, absent on a fresh clone. */
export const SHARED = resolve(REPO, '..', 'shared');
export const HAVE_SHARED = existsSync(resolve(SHARED, 'corpus'));
export const SHARED_SKIP = HAVE_SHARED ? false : '../shared/corpus is not present next to the repository (fresh clone): corpus suites skipped';

/** Shared helpers of the IPC-family tests (qm-rules §5.2). */
import assert from 'node:assert/strict';
import type { Fix } from '../../../../server/src/service/index';
import { applyEdits } from '../../../helpers/service';
export { tree, findings, everywhere, one, covered } from '../../../helpers/qm-findings';

/**
 * Applies a fix (this file's edits and otherFiles; unknown paths start empty, as a created file)
 * and returns the texts of the files it touched.
 */
export function applyFix(files: Record<string, string>, path: string, fix: Fix | undefined): Record<string, string> {
	assert.ok(fix, 'the diagnostic offers a fix');
	const out: Record<string, string> = {};
	if (fix.edits.length) out[path] = applyEdits(files[path], fix.edits);
	for (const o of fix.otherFiles ?? []) out[o.path] = applyEdits(files[o.path] ?? '', o.edits);
	return out;
}

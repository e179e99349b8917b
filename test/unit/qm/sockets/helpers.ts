/** Shared helpers of the socket/dependency-family tests (qm-rules §3.2). */
import assert from 'node:assert/strict';
import type { Diagnostic, Fix } from '../../../../server/src/service/index';
import { applyEdits, serviceWith } from '../../../helpers/service';
export { tree, findings, everywhere, one, covered } from '../../../helpers/qm-findings';

/** Every diagnostic of every file, with its path. */
export function allDiagnostics(files: Record<string, string>): (Diagnostic & { path: string })[] {
	const s = serviceWith(files);
	return Object.keys(files).sort().flatMap((p) => s.doValidation(p).map((d) => ({ ...d, path: p })));
}

/** The fix with this title. */
export function fixNamed(d: Diagnostic, title: string): Fix | undefined {
	return d.fixes?.find((f) => f.title === title);
}

/** Applies a fix of the checked file and returns the whole resulting text (the fix touches no other file). */
export function applied(text: string, fix: Fix | undefined): string {
	assert.ok(fix, 'the diagnostic offers a fix');
	assert.equal(fix.otherFiles, undefined, 'the fix edits only this file');
	return applyEdits(text, fix.edits);
}

/** The QM rule ids of this family. */
export const FAMILY = /^qm\/(socket-|unit-dep-|boundary-hard-dependency$|service-type-|service-user-group$)/;

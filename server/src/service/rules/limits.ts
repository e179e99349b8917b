import type { RuleMeta } from './rule';

/** Notices the validator itself emits when a limit is hit; listed so they have docs and settings. */
export const LIMIT_RULES: readonly RuleMeta[] = [
	{
		id: 'quadlet/file-too-large', defaultSeverity: 'information',
		title: 'File larger than the analysis limit',
		why: 'Very large files are not analysed so that the editor stays responsive; unit files are normally a few kilobytes.',
		fix: 'Split the file, or raise qmQuadlet.limits.maxFileSize.',
	},
	{
		id: 'quadlet/too-many-diagnostics', defaultSeverity: 'information',
		title: 'More problems than the per-file limit',
		why: 'Only the first problems of a file are shown, so one broken file cannot flood the Problems panel.',
		fix: 'Fix the reported problems first, or raise qmQuadlet.limits.maxDiagnosticsPerFile.',
	},
];

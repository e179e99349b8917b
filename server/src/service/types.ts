/** Public types of the language service. Offsets are UTF-16 indices into a file's text. */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** An edit of one file, in offsets. */
export interface OffsetEdit {
	start: number;
	end: number;
	newText: string;
}

/** A quick fix. Edits without `path` apply to the file the diagnostic is in. */
export interface Fix {
	title: string;
	edits: OffsetEdit[];
	/** Edits in other files (paths as in the workspace). */
	otherFiles?: { path: string; edits: OffsetEdit[] }[];
	/** Files to rename, applied after the edits. */
	renames?: { from: string; to: string }[];
	isPreferred?: boolean;
}

export interface RelatedLocation {
	path: string;
	start: number;
	end: number;
	message: string;
}

export interface Diagnostic {
	/** Rule id, also the setting key and the suppression name, e.g. "quadlet/unknown-key". */
	code: string;
	severity: Severity;
	message: string;
	start: number;
	end: number;
	related?: RelatedLocation[];
	fixes?: Fix[];
	tags?: ('unnecessary' | 'deprecated')[];
}

export type Domain = 'qm' | 'qm-boundary' | 'asil' | 'unknown';

export interface ServiceOptions {
	/** Target podman version, e.g. "5.4"; keys newer than this are reported. Default: newest. */
	podmanVersion?: string;
	/** Per-rule severity overrides, keyed by rule id. */
	rules?: Record<string, SeveritySetting>;
	/** Analyse only this many characters of a file (bigger files get one notice). */
	maxFileSize?: number;
	/** Report at most this many diagnostics per file. */
	maxDiagnosticsPerFile?: number;
	/** Globs (matched against file paths) that force a domain, first match wins. */
	domains?: { glob: string; domain: Exclude<Domain, 'unknown'> }[];
	/** The workspace is a containers/qm source checkout (sub-package units are QM units). */
	qmSourceTree?: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
export const DEFAULT_MAX_DIAGNOSTICS = 500;

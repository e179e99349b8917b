/**
 * The lossless syntax tree of one unit file. Every node holds `[start, end)` offsets into the
 * original text; `lines` tiles the whole text, so concatenating their raw slices gives the
 * input back byte for byte.
 *
 * Memory: the workspace keeps one tree per indexed file (10k+ files), so the parser stores only
 * what cannot be derived cheaply. `ParsedUnit.lines` is built on first access (most indexed files
 * are never asked for it), and an entry's `start`, `end`, `keyEnd`, `valueStart` and `segments`
 * are computed from its other fields. Fields marked readonly are such derived values.
 */

export type LineKind =
	| 'blank'
	| 'comment'
	| 'section'
	| 'entry'         // first physical line of a key/value entry (or the only one)
	| 'continuation'  // later physical line of a continued entry
	| 'invalid'       // a logical line that is neither comment, group nor key=value
	| 'dropped';      // part of a continuation left open at end of file (podman discards it)

export interface PhysicalLine {
	kind: LineKind;
	/** Offset of the first character of the line. */
	start: number;
	/** Offset just before the line terminator. */
	end: number;
	/** Offset after the line terminator (`\n`, or end of text). */
	next: number;
	/** Trimmed content, as podman sees it, `[contentStart, contentEnd)`. */
	contentStart: number;
	contentEnd: number;
}

export interface CommentNode {
	start: number;
	end: number;
	readonly text: string;
	/** Comment lines inside a continued value are skipped by podman but kept here. */
	insideContinuation: boolean;
}

/** One physical line's contribution to a logical (possibly continued) line. */
export interface Segment {
	/** Offset in the document where this segment's contributed text starts. */
	start: number;
	end: number;
	/** Index of this segment's first character in the joined logical text. */
	logicalStart: number;
}

export interface SectionNode {
	name: string;
	/** Offsets of the `[Name]` header line content. */
	start: number;
	end: number;
	nameStart: number;
	nameEnd: number;
	/** End of the section body: start of the next header or end of text. */
	bodyEnd: number;
	entries: EntryNode[];
	/** Zero-based physical line of the header. */
	line: number;
}

export interface EntryNode {
	section: SectionNode | undefined;
	key: string;
	/** The logical value as podman stores it: continuations joined, leading whitespace trimmed. */
	value: string;
	keyStart: number;
	readonly keyEnd: number;
	/** Offset of the `=`. */
	eq: number;
	readonly valueStart: number;
	valueEnd: number;
	/** Whole entry, from the key to the end of the last physical line's content. */
	readonly start: number;
	readonly end: number;
	/** Zero-based physical lines spanned. */
	firstLine: number;
	lastLine: number;
	/** One per physical line contributing to the logical line (computed on access). */
	readonly segments: Segment[];
}

export type SyntaxProblemCode =
	| 'quadlet/syntax-invalid-line'
	| 'quadlet/syntax-key-outside-section'
	| 'quadlet/syntax-invalid-section-name'
	| 'quadlet/syntax-bom'
	| 'quadlet/syntax-nul'
	| 'quadlet/syntax-invalid-utf8'
	| 'quadlet/syntax-continuation-at-eof';

export interface SyntaxProblem {
	code: SyntaxProblemCode;
	message: string;
	start: number;
	end: number;
}

export interface ParsedUnit {
	text: string;
	/** The physical lines, tiling the text (built on first access, then kept). */
	readonly lines: PhysicalLine[];
	sections: SectionNode[];
	/** Every key/value entry in file order, including ones outside a section. */
	entries: EntryNode[];
	comments: CommentNode[];
	problems: SyntaxProblem[];
	/** The text starts with U+FEFF. */
	hasBom: boolean;
}

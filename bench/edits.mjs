// Editing helpers shared by bench/run.mjs and bench/profile.mjs.
import { pathToFileURL } from 'node:url';

/** A text document the bench edits, with the LSP ranges of its lines kept in sync. */
export class Doc {
	constructor(path, text) { this.path = path; this.uri = pathToFileURL(path).href; this.lines = text.split('\n'); this.version = 1; }
	get text() { return this.lines.join('\n'); }
	/** Applies one edit locally and returns the LSP contentChanges entry. */
	edit(startLine, startChar, endLine, endChar, newText) {
		const before = this.lines.slice(0, startLine);
		const head = this.lines[startLine].slice(0, startChar);
		const tail = this.lines[endLine].slice(endChar);
		const middle = (head + newText + tail).split('\n');
		this.lines = [...before, ...middle, ...this.lines.slice(endLine + 1)];
		this.version++;
		return { range: { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } }, text: newText };
	}
}

/** The next incremental edit of the big unit: typing, replacing a value, adding/removing a line. */
export function nextEdit(doc, r, inserted) {
	const k = r.next();
	const body = () => {
		for (;;) {
			const i = r.int(12, doc.lines.length - 12);
			if (/^(Environment|Label|Annotation)=/.test(doc.lines[i])) return i;
		}
	};
	if (k < 0.5) { // type one character at the end of a value
		const i = body();
		return doc.edit(i, doc.lines[i].length, i, doc.lines[i].length, r.pick(['a', '1', '_', 'x']));
	}
	if (k < 0.7) { // replace a value
		const i = body();
		const eq = doc.lines[i].lastIndexOf('=');
		return doc.edit(i, eq + 1, i, doc.lines[i].length, r.pick(['on', 'off', 'debug', 'UTC', 'maybe']));
	}
	if (k < 0.85 || inserted.length === 0) { // insert a line
		const i = body();
		inserted.push(i);
		return doc.edit(i, 0, i, 0, `Environment=BENCH_${doc.version}=1\n`);
	}
	// delete a line the bench inserted earlier (positions may have moved: find it again)
	inserted.pop();
	const i = doc.lines.findIndex((l) => l.startsWith('Environment=BENCH_'));
	if (i < 0) return doc.edit(12, 0, 12, 0, '# comment\n');
	return doc.edit(i, 0, i + 1, 0, '');
}


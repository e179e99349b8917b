/**
 * Go's `encoding/csv` reader with podman's settings (comma separator, strict quotes), as
 * `FindMountType` applies it to one Mount= argument. Offsets are indices into the input.
 */

export interface CsvField {
	text: string;
	/** Span of the field in the input, quotes included. */
	start: number;
	end: number;
	/** Index in the input of the first character of the field's content. */
	contentStart: number;
}

export type CsvRead =
	| { records: CsvField[][] }
	| { error: { start: number; end: number; message: string } };

/** Reads every record; empty lines are skipped as Go does, `\r\n` counts as `\n`. */
export function readCsv(input: string): CsvRead {
	const records: CsvField[][] = [];
	let pos = 0;
	const n = input.length;
	const atLineEnd = (i: number) => i >= n || input[i] === '\n' || (input[i] === '\r' && input[i + 1] === '\n');
	const skipLineEnd = (i: number) => (i >= n ? n : input[i] === '\r' ? i + 2 : i + 1);
	while (pos < n) {
		if (atLineEnd(pos)) {
			pos = skipLineEnd(pos);
			continue;
		}
		const record: CsvField[] = [];
		for (;;) {
			const start = pos;
			if (input[pos] === '"') {
				let text = '';
				pos++;
				for (;;) {
					if (pos >= n) return { error: { start, end: n, message: 'a quoted field is never closed' } };
					const c = input[pos];
					if (c !== '"') {
						text += c === '\r' && input[pos + 1] === '\n' ? '' : c;
						pos++;
						continue;
					}
					if (input[pos + 1] === '"') {
						text += '"';
						pos += 2;
						continue;
					}
					pos++;
					break;
				}
				if (!(atLineEnd(pos) || input[pos] === ',')) {
					return { error: { start, end: pos + 1, message: 'text follows the closing quote of a field' } };
				}
				record.push({ text, start, end: pos, contentStart: start + 1 });
			} else {
				let end = pos;
				while (!atLineEnd(end) && input[end] !== ',') end++;
				const text = input.slice(pos, end);
				const quote = text.indexOf('"');
				if (quote >= 0) return { error: { start: pos + quote, end: pos + quote + 1, message: 'a " may only appear inside a field that starts with a quote' } };
				record.push({ text, start, end, contentStart: start });
				pos = end;
			}
			if (input[pos] === ',') {
				pos++;
				continue;
			}
			pos = skipLineEnd(pos);
			break;
		}
		records.push(record);
	}
	return { records };
}

/** Types whose source quadlet resolves, and for which it insists on one (podman after 5.8: not volume). */
export const SOURCED_MOUNT_TYPES = new Set(['volume', 'bind', 'glob', 'image', 'artifact']);

export interface MountParts {
	type: string;
	/** The last source=/src= field with a value, if any. */
	source: { field: CsvField; value: string; valueStart: number } | undefined;
	/** A source/src field without "=" (the generator refuses it). */
	sourceWithoutValue: CsvField | undefined;
}

/** podman's FindMountType plus the source look-up of resolveContainerMountParams. */
export function mountParts(record: readonly CsvField[]): MountParts {
	let type: string | undefined;
	let source: MountParts['source'];
	let sourceWithoutValue: CsvField | undefined;
	for (const f of record) {
		const kv = f.text.split('=');
		if (type === undefined && kv.length === 2 && kv[0] === 'type') {
			type = kv[1];
			continue;
		}
		const eq = f.text.indexOf('=');
		const key = eq < 0 ? f.text : f.text.slice(0, eq);
		if (key !== 'source' && key !== 'src') continue;
		if (eq < 0) {
			sourceWithoutValue ??= f;
			continue;
		}
		source = { field: f, value: f.text.slice(eq + 1), valueStart: f.contentStart + eq + 1 };
	}
	return { type: type ?? 'volume', source, sourceWithoutValue };
}

import { closest } from '../../util/edit-distance';
import { hasExpansion, startsWithExpansion } from './expansion';
import { problem, show, whole, type ValueChecker, type ValueProblem } from './problem';
import { checkVolumeSource } from './volume-spec';

interface CsvField {
	text: string;
	start: number;
	end: number;
}

type CsvResult = { fields: CsvField[] } | { error: { start: number; end: number; message: string } };

/**
 * One record of Go's `encoding/csv` with default settings: a field is bare (and may not contain
 * `"`), or quoted with `""` for a quote. A newline would start a second record.
 */
export function parseCsvRecord(text: string): CsvResult {
	const fields: CsvField[] = [];
	let i = 0;
	for (;;) {
		const start = i;
		if (text[i] === '"') {
			let out = '';
			i++;
			for (;;) {
				if (i >= text.length) return { error: { start, end: text.length, message: 'a quoted field is never closed' } };
				if (text[i] === '"') {
					if (text[i + 1] === '"') {
						out += '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				out += text[i++];
			}
			if (i < text.length && text[i] !== ',') {
				return { error: { start, end: i + 1, message: 'there is text after the closing quote of a field' } };
			}
			fields.push({ text: out, start, end: i });
		} else {
			let end = text.indexOf(',', i);
			if (end < 0) end = text.length;
			const field = text.slice(i, end);
			const quote = field.indexOf('"');
			if (quote >= 0) return { error: { start: i + quote, end: i + quote + 1, message: 'a bare " may only appear inside a quoted field' } };
			fields.push({ text: field, start, end });
			i = end;
		}
		if (i >= text.length) return { fields };
		i++; // the comma
	}
}

const MOUNT_TYPES = ['bind', 'volume', 'tmpfs', 'ramfs', 'devpts', 'image', 'glob', 'artifact'];
/** Types for which quadlet resolves (and insists on) a source. */
const SOURCED_TYPES = new Set(['bind', 'volume', 'glob', 'image', 'artifact']);
const TARGET_KEYS = new Set(['target', 'destination', 'dst']);
const MOUNT_OPTIONS = [
	'type', 'source', 'src', 'target', 'destination', 'dst', 'ro', 'readonly', 'rw', 'rro', 'relabel',
	'bind-propagation', 'bind-nonrecursive', 'consistency', 'chown', 'idmap', 'U', 'z', 'Z',
	'dev', 'nodev', 'exec', 'noexec', 'suid', 'nosuid', 'bind', 'rbind', 'shared', 'rshared', 'slave',
	'rslave', 'private', 'rprivate', 'unbindable', 'runbindable', 'tmpfs-size', 'tmpfs-mode',
	'tmpcopyup', 'notmpcopyup', 'noswap', 'size', 'mode', 'uid', 'gid', 'volume-nocopy', 'volume-opt',
	'subpath', 'volume-subpath', 'copy', 'nocopy', 'no-dereference', 'nocreate', 'max', 'newinstance',
	'ptmxmode', 'upperdir', 'workdir', 'atime', 'noatime', 'relatime', 'norelatime', 'strictatime',
	'nostrictatime', 'diratime', 'nodiratime', 'sync', 'async', 'dirsync',
];

/**
 * `mount-spec` (Mount=): one CSV record of `key[=value]` fields; `type=` may be anywhere and
 * defaults to `volume`. Errors are the generator's own (`FindMountType`,
 * `resolveContainerMountParams`); warnings are what podman rejects when the container starts.
 */
/** Only the run-time (podman) problems: the generator's refusals belong to quadlet/mount-format. */
export const checkMountSpec: ValueChecker = (value, spec, key) => checkMountSpecAll(value, spec, key).filter((p) => p.severity !== 'error');

const checkMountSpecAll: ValueChecker = (value, _spec, key) => {
	if (value === '') return [];
	const shown = show(key, value);
	if (value.includes('\n')) {
		return [whole('error', value, `${shown}: the value holds a line break, so it is more than one CSV record and the generator rejects it ("incorrect mount format").`)];
	}
	const csv = parseCsvRecord(value);
	if ('error' in csv) {
		return [problem('error', csv.error.start, csv.error.end, `${shown}: ${csv.error.message}, so the generator cannot read the mount as CSV and refuses to convert the unit.`)];
	}
	const out: ValueProblem[] = [];
	const fieldProblem = (f: CsvField, severity: 'error' | 'warning', message: string, replacement?: string): void => {
		out.push(problem(severity, f.start, f.end, `${shown}: ${message}`, replacement));
	};
	let type = 'volume';
	let typeField: CsvField | undefined;
	for (const f of csv.fields) {
		const kv = f.text.split('=');
		if (kv.length === 2 && kv[0] === 'type') {
			type = kv[1] ?? '';
			typeField = f;
			break;
		}
	}
	if (typeField && !MOUNT_TYPES.includes(type) && !hasExpansion(type)) {
		const guess = closest(type, MOUNT_TYPES);
		fieldProblem(typeField, 'warning', `"${type}" is not a mount type podman knows; it will reject the mount. Write one of ${MOUNT_TYPES.join(', ')}.${guess ? ` Did you mean ${guess}?` : ''}`,
			guess ? `type=${guess}` : undefined);
	}
	let source: CsvField | undefined;
	let sourceValue = '';
	let valuelessSource = false;
	let hasTarget = false;
	for (const f of csv.fields) {
		if (f === typeField) continue;
		const eq = f.text.indexOf('=');
		const name = eq < 0 ? f.text : f.text.slice(0, eq);
		const val = eq < 0 ? '' : f.text.slice(eq + 1);
		if (name === 'source' || name === 'src') {
			if (eq < 0 && SOURCED_TYPES.has(type)) {
				fieldProblem(f, 'error', `"${name}" has no value; the generator rejects it ("source parameter does not include a value"). Write ${name}=PATH.`);
				valuelessSource = true;
				continue;
			}
			source = f;
			sourceValue = val;
		} else if (TARGET_KEYS.has(name)) {
			hasTarget = true;
			if (!val.startsWith('/') && !startsWithExpansion(val)) {
				fieldProblem(f, 'warning', val === ''
					? `"${name}" has no value; podman needs the path inside the container.`
					: `the container path "${val}" must be absolute; podman will reject it.`,
				val === '' ? undefined : `${name}=/${val}`);
			}
		} else if (!MOUNT_OPTIONS.includes(name) && !hasExpansion(name)) {
			const guess = closest(name, MOUNT_OPTIONS.filter((o) => o.length > 2));
			fieldProblem(f, 'warning', `"${name}" is not a mount option podman knows; it will reject the mount.${guess ? ` Did you mean ${guess}?` : ''}`);
		}
	}
	if (SOURCED_TYPES.has(type) && !valuelessSource) {
		if (!source) {
			if (type === 'volume') {
				out.push(whole('warning', value, `${shown}: a volume mount without source= creates an anonymous volume; the generators of podman 5.8 and earlier reject it ("source cannot be empty"). Add source=NAME if you target those versions.`));
			} else {
				out.push(whole('error', value, `${shown}: the generator requires a source for type=${type} mounts ("source parameter is required for mount type ${type}"). Add source=PATH.`));
			}
		} else if (sourceValue === '') {
			fieldProblem(source, 'error', 'the source is empty; the generator rejects it ("source cannot be empty").');
		} else if (type === 'volume' && !hasExpansion(sourceValue)) {
			const offset = source.start + source.text.indexOf('=') + 1;
			const sourceText = value.slice(offset, source.end) === sourceValue ? sourceValue : undefined;
			if (sourceText !== undefined) {
				out.push(...checkVolumeSource(sourceValue, value, key).map((p) => ({ ...p, start: p.start + offset, end: p.end + offset })));
			}
		} else if ((type === 'bind' || type === 'glob') && !/^[/.~]/.test(sourceValue) && !startsWithExpansion(sourceValue)) {
			fieldProblem(source, 'warning', `the host path "${sourceValue}" is relative; quadlet only resolves paths that start with "." against the unit file, so podman would look for it from the service's working directory. Write ./${sourceValue} or an absolute path.`);
		}
	}
	if (!hasTarget && type !== '' && !hasExpansion(value)) {
		out.push(whole('warning', value, `${shown}: there is no target= (or destination=); podman needs to know where to mount it inside the container.`));
	}
	return out;
};

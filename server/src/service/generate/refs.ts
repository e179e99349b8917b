/**
 * References from one unit to another (quadlet-spec §5.1, §6): Image=, Network=, Volume= and
 * Mount= sources. Each resolved reference is replaced by the resource name and adds
 * `Requires=`/`After=` on the referenced unit's service.
 */
import { mountParts, readCsv, SOURCED_MOUNT_TYPES } from '../rules/quadlet/mount-csv';
import { extensionOf } from '../unit-path';
import { fail, resolveUnitPath, type GenContext } from './context';
import { escapeWord } from './cmdline';

/** `Requires=` and `After=` on another service. */
export function addDependency(ctx: GenContext, service: string): void {
	ctx.out.add('Unit', 'Requires', service);
	ctx.out.add('Unit', 'After', service);
}

/** Image=x.image / x.build → that unit's image name; anything else passes through. */
export function resolveImage(ctx: GenContext, image: string): string {
	if (!image.endsWith('.image') && !image.endsWith('.build')) return image;
	const target = ctx.resolver.find(image);
	if (!target) fail(`requested Quadlet image ${image} was not found`);
	addDependency(ctx, ctx.resolver.serviceName(target));
	return ctx.resolver.resourceName(target);
}

/** `--network` arguments for every Network= value of the primary section. */
export function networkArgs(ctx: GenContext): string[] {
	const args: string[] = [];
	for (const value of ctx.r.all('Network')) {
		const colon = value.indexOf(':');
		const name = colon >= 0 ? value.slice(0, colon) : value;
		const options = colon >= 0 ? value.slice(colon) : '';
		if (!name.endsWith('.network') && !name.endsWith('.container')) {
			args.push('--network', value);
			continue;
		}
		const target = ctx.resolver.find(name);
		if (!target) fail(`requested Quadlet unit ${name} was not found`);
		if (name.endsWith('.container')) {
			if (options !== '') fail('extra options are not supported when joining another container\'s network');
			const ctr = ctx.resolver.containerNameForNetwork(target);
			if (!ctr) fail(`cannot get the resource name of ${name}`);
			args.push('--network', `container:${ctr}`);
		} else {
			const net = ctx.resolver.resourceName(target);
			if (net === '' || !ctx.converts(target)) fail(`cannot get the resource name of ${name}`);
			args.push('--network', `${net}${options}`);
		}
		addDependency(ctx, ctx.resolver.serviceName(target));
	}
	return args;
}

/**
 * A Volume=/Mount= source: `./x` is resolved against the unit's directory, an absolute path adds
 * `RequiresMountsFor=`, `x.volume`/`x.artifact` (and `x.image` for mounts) become resource names.
 */
export function resolveSource(ctx: GenContext, source: string, checkImage: boolean): string {
	if (source === '') fail('source cannot be empty');
	let out = source.startsWith('.') ? resolveUnitPath(ctx, source) : source;
	if (out.startsWith('/')) {
		ctx.out.add('Unit', 'RequiresMountsFor', escapeWord(out));
		return out;
	}
	const ext = extensionOf(out);
	if (ext === 'volume' || ext === 'artifact' || (checkImage && ext === 'image')) {
		const target = ctx.resolver.find(out);
		if (!target) fail(`requested Quadlet source ${out} was not found`);
		addDependency(ctx, ctx.resolver.serviceName(target));
		out = ctx.resolver.resourceName(target);
	}
	return out;
}

/** `-v` arguments for every Volume= value: `[[SOURCE:]DEST[:OPTIONS]]`. */
export function volumeArgs(ctx: GenContext): string[] {
	const args: string[] = [];
	for (const value of ctx.r.all('Volume')) {
		const parts = splitN(value, ':', 3);
		if (parts.length === 1) {
			args.push('-v', value);
			continue;
		}
		const source = resolveSource(ctx, parts[0], false);
		args.push('-v', [source, ...parts.slice(1)].join(':'));
	}
	return args;
}

/** Go's strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
	const out: string[] = [];
	let rest = s;
	while (out.length < n - 1) {
		const i = rest.indexOf(sep);
		if (i < 0) break;
		out.push(rest.slice(0, i));
		rest = rest.slice(i + sep.length);
	}
	out.push(rest);
	return out;
}

/** `--mount` arguments for every word of every Mount= value (container units). */
export function mountArgs(ctx: GenContext): string[] {
	const args: string[] = [];
	for (const word of ctx.r.args('Mount')) args.push('--mount', convertMount(ctx, word));
	return args;
}

const MOUNT_FORMAT = 'incorrect mount format: should be --mount type=<bind|glob|tmpfs|volume>,[src=<host-dir|volume-name>,]target=<ctr-dir>[,options]';

/** One Mount= argument re-encoded with `type=` first and its source resolved. */
function convertMount(ctx: GenContext, word: string): string {
	const csv = readCsv(word);
	if ('error' in csv) fail(`parse error on mount "${word}": ${csv.error.message}`);
	if (csv.records.length !== 1) fail(MOUNT_FORMAT);
	const record = csv.records[0];
	const parts = mountParts(record);
	if (!SOURCED_MOUNT_TYPES.has(parts.type)) return word;
	if (parts.sourceWithoutValue) fail('source parameter does not include a value');
	if (!parts.source && (parts.type !== 'volume' || ctx.atMost('5.8'))) fail(`source parameter is required for mount type ${parts.type}`);
	const fields = [`type=${parts.type}`];
	let typeSeen = false;
	for (const f of record) {
		const kv = f.text.split('=');
		if (!typeSeen && kv.length === 2 && kv[0] === 'type') {
			typeSeen = true;
			continue;
		}
		const eq = f.text.indexOf('=');
		const key = eq < 0 ? f.text : f.text.slice(0, eq);
		if ((key === 'source' || key === 'src') && eq >= 0) {
			fields.push(`source=${resolveSource(ctx, f.text.slice(eq + 1), true)}`);
			continue;
		}
		fields.push(f.text);
	}
	return fields.map(csvField).join(',');
}

/** A field as Go's csv.Writer writes it. */
function csvField(field: string): string {
	const quote = field !== '' && (field === '\\.' || /[",\r\n]/.test(field) || /^\s/.test(field));
	return quote ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * The podman flags that follow directly from the catalog: every key whose `podmanArg` is a plain
 * flag (`--dns`), a boolean pair (`--env-host / --env-host=false`) or `--flag=<value>`, read
 * with the key's own accessor. Keys with special handling are skipped by the caller.
 */
import { getCatalog, PRIMARY_SECTION } from '../catalog/catalog';
import type { GenContext } from './context';

const PLAIN = /^(--[a-z0-9-]+)$/;
const BOOL_PAIR = /^(--[a-z0-9-]+) \/ \1=false\b/;
const ASSIGN = /^(--[a-z0-9-]+)=<value>$/;

export function catalogFlags(ctx: GenContext, skip: ReadonlySet<string>): string[] {
	const section = PRIMARY_SECTION[ctx.kind] ?? '';
	const spec = getCatalog().section(ctx.kind, section);
	if (!spec) return [];
	const out: string[] = [];
	const r = ctx.r;
	for (const [key, k] of Object.entries(spec.keys)) {
		if (skip.has(key) || !k.podmanArg) continue;
		const arg = k.podmanArg;
		const bool = BOOL_PAIR.exec(arg);
		if (bool && k.lookup === 'LookupBoolean') {
			const v = r.bool(key);
			if (v !== undefined) out.push(v ? bool[1] : `${bool[1]}=false`);
			continue;
		}
		const assign = ASSIGN.exec(arg);
		if (assign) {
			const v = r.nonEmpty(key);
			if (v !== undefined) out.push(`${assign[1]}=${v}`);
			continue;
		}
		const flag = PLAIN.exec(arg)?.[1];
		if (!flag) continue;
		switch (k.lookup) {
			case 'Lookup':
			case 'LookupInt':
			case 'LookupUint32': {
				const v = r.nonEmpty(key);
				if (v !== undefined) out.push(flag, v);
				break;
			}
			case 'LookupAll':
				for (const v of r.all(key)) out.push(flag, v);
				break;
			case 'LookupAllStrv':
				for (const v of r.words(key)) out.push(flag, v);
				break;
			case 'LookupAllArgs':
				for (const v of r.args(key)) out.push(flag, v);
				break;
			case 'LookupAllKeyVal':
				for (const [name, v] of r.keyVals(key)) out.push(flag, v === undefined ? name : `${name}=${v}`);
				break;
			default:
				break;
		}
	}
	return out;
}

/**
 * User-namespace flags of containers, pods and kube units (podman's handleUserMappings):
 * the explicit keys, or else the deprecated Remap* keys translated to --userns/--uidmap/--gidmap.
 */
import { explicitMapping } from '../rules/quadlet/support';
import { fail, type GenContext } from './context';

export function userNsArgs(ctx: GenContext): string[] {
	const r = ctx.r;
	const out: string[] = [];
	const userns = r.nonEmpty('UserNS');
	if (userns !== undefined) out.push('--userns', userns);
	for (const m of r.words('UIDMap')) out.push('--uidmap', m);
	for (const m of r.words('GIDMap')) out.push('--gidmap', m);
	const subuid = r.nonEmpty('SubUIDMap');
	if (subuid !== undefined) out.push('--subuidname', subuid);
	const subgid = r.nonEmpty('SubGIDMap');
	if (subgid !== undefined) out.push('--subgidname', subgid);

	const remapPresent = r.has('RemapUid') || r.has('RemapGid') || r.has('RemapUsers');
	if (explicitMapping(ctx.view, r.section)) {
		if (remapPresent) fail('deprecated Remap keys are set along with explicit mapping keys');
		return out;
	}
	return [...out, ...remapArgs(ctx)];
}

function remapArgs(ctx: GenContext): string[] {
	const r = ctx.r;
	const uids = r.words('RemapUid');
	const gids = r.words('RemapGid');
	const mode = r.raw('RemapUsers') ?? '';
	switch (mode) {
		case '':
			if (uids.length) fail('UidMap set without RemapUsers');
			if (gids.length) fail('GidMap set without RemapUsers');
			return [];
		case 'manual':
			if (ctx.kind === 'kube') fail('RemapUsers=manual is not supported');
			return [...uids.flatMap((m) => ['--uidmap', m]), ...gids.flatMap((m) => ['--gidmap', m])];
		case 'auto': {
			const opts = [...uids.map((m) => `uidmapping=${m}`), ...gids.map((m) => `gidmapping=${m}`)];
			const size = r.int('RemapUidSize');
			if (size !== undefined && size > 0) opts.push(`size=${size}`);
			return ['--userns', opts.length ? `auto:${opts.join(',')}` : 'auto'];
		}
		case 'keep-id': {
			if (uids.length > 1) fail('RemapUsers=keep-id supports only a single value for UID mapping');
			if (gids.length > 1) fail('RemapUsers=keep-id supports only a single value for GID mapping');
			const opts = [...uids.map((u) => `uid=${u}`), ...gids.map((g) => `gid=${g}`)];
			return ['--userns', opts.length ? `keep-id:${opts.join(',')}` : 'keep-id'];
		}
		default:
			return fail(`unsupported RemapUsers option '${mode}'`);
	}
}

import type { TomlEntry, TomlProblem, TomlValue } from '../../../parser/containers-conf';
import { defineRule, type RuleContext } from '../../rule';
import { CONTAINERS_CONF, confFacts } from './support';

const ID = 'qm/containers-conf-format';

type Expected = 'string' | 'integer' | 'boolean' | 'string-array';

/**
 * Value types of containers.conf(5) keys that podman decodes strictly: a value of another type
 * makes the whole file fail to load ("toml: incompatible types"). Keys not listed are not checked.
 */
const KEY_TYPES: Record<string, Expected> = {
	'containers.annotations': 'string-array', 'containers.apparmor_profile': 'string', 'containers.base_hosts_file': 'string',
	'containers.cgroupns': 'string', 'containers.cgroups': 'string', 'containers.cgroup_conf': 'string-array',
	'containers.default_capabilities': 'string-array', 'containers.default_sysctls': 'string-array', 'containers.default_ulimits': 'string-array',
	'containers.devices': 'string-array', 'containers.dns_options': 'string-array', 'containers.dns_searches': 'string-array',
	'containers.dns_servers': 'string-array', 'containers.env': 'string-array', 'containers.env_host': 'boolean',
	'containers.http_proxy': 'boolean', 'containers.init': 'boolean', 'containers.init_path': 'string', 'containers.ipcns': 'string',
	'containers.keyring': 'boolean', 'containers.label': 'boolean', 'containers.log_driver': 'string', 'containers.log_size_max': 'integer',
	'containers.log_tag': 'string', 'containers.mounts': 'string-array', 'containers.netns': 'string', 'containers.no_hosts': 'boolean',
	'containers.oom_score_adj': 'integer', 'containers.pidns': 'string', 'containers.pids_limit': 'integer', 'containers.read_only': 'boolean',
	'containers.seccomp_profile': 'string', 'containers.shm_size': 'string', 'containers.tz': 'string', 'containers.umask': 'string',
	'containers.userns': 'string', 'containers.utsns': 'string', 'containers.volumes': 'string-array',
	'engine.cgroup_manager': 'string', 'engine.env': 'string-array', 'engine.events_logger': 'string', 'engine.helper_binaries_dir': 'string-array',
	'engine.hooks_dir': 'string-array', 'engine.image_copy_tmp_dir': 'string', 'engine.image_parallel_copies': 'integer',
	'engine.infra_image': 'string', 'engine.num_locks': 'integer', 'engine.runtime': 'string', 'engine.static_dir': 'string',
	'engine.tmp_dir': 'string', 'engine.volume_path': 'string',
	'network.default_network': 'string', 'network.default_subnet': 'string', 'network.dns_bind_port': 'integer',
	'network.firewall_driver': 'string', 'network.network_backend': 'string', 'network.network_config_dir': 'string',
};

/**
 * Diagnostic: qm/containers-conf-format
 * A containers.conf file podman cannot load: TOML syntax errors (quadlet/INI lines such as
 * `AddDevice=-/dev/dvb0` in a containers.conf.d/ drop-in), duplicate keys or tables, values of
 * the wrong type. A file that fails to parse breaks every podman command that reads it. Quadlet
 * sections such as [Container] are reported too: podman ignores them.
 */
export default defineRule({
	id: ID,
	defaultSeverity: 'error',
	fileKinds: CONTAINERS_CONF,
	title: 'containers.conf that podman cannot load',
	why: 'containers.conf is TOML; a syntax error, a duplicate key or a value of the wrong type makes podman refuse the file, which breaks every podman command that reads it (inside QM: every nested container). Quadlet/INI content ([Container], Key=value) does not belong there.',
	fix: 'Write TOML ([containers] devices = ["/dev/x"], strings in quotes); move quadlet settings to a quadlet drop-in, e.g. /etc/containers/systemd/qm.container.d/ for the QM boundary.',
	appliesTo: () => true,
	check(ctx) {
		const facts = confFacts(ctx);
		if (!facts) return;
		const quadletTables = facts.toml.tables.filter((t) => t.path.length === 1 && ctx.catalog.anySection(t.name) !== undefined);
		const advice = quadletAdvice(ctx);
		for (const t of quadletTables) {
			ctx.report({
				start: t.nameStart, end: t.nameEnd,
				severity: 'warning',
				message: `[${t.name}] is a quadlet section, not a containers.conf table (those are [containers], [engine], [network], …): podman ignores it${t.entries.some((e) => e.value.type === 'invalid') ? ', and its Key=value lines are not TOML, so the file does not load at all' : ''}. ${advice}`,
			});
		}
		const quadletLike = quadletTables.length > 0;
		for (const p of facts.toml.problems) {
			ctx.report({ start: p.start, end: p.end, message: problemMessage(p, quadletLike, advice) });
		}
		for (const e of facts.toml.entries) checkType(ctx, e);
	},
});

function quadletAdvice(ctx: RuleContext): string {
	return ctx.domain.domain === 'qm'
		? 'To give the QM partition a device, use a boundary drop-in (/etc/containers/systemd/qm.container.d/*.conf with [Container] AddDevice=-/dev/X); to give every nested container one, write [containers] devices = ["/dev/X"] here.'
		: 'Quadlet keys go into a quadlet drop-in (<unit>.container.d/*.conf); here write TOML such as [containers] devices = ["/dev/X"].';
}

function problemMessage(p: TomlProblem, quadletLike: boolean, advice: string): string {
	const base = `${p.message} podman cannot load this containers.conf, so every podman command that reads it fails.`;
	return quadletLike ? `${base} This looks like a quadlet drop-in: ${advice}` : base;
}

function checkType(ctx: RuleContext, e: TomlEntry): void {
	const key = e.path.join('.');
	const expected = KEY_TYPES[key];
	if (!expected || e.value.type === 'invalid') return;
	const v = e.value;
	const name = e.key.parts[e.key.parts.length - 1];
	if (expected === 'string-array') {
		if (v.type !== 'array') {
			ctx.report({
				start: v.start, end: v.end,
				message: `${name} must be an array of strings, e.g. ${name} = [${v.type === 'string' ? `"${v.value}"` : '"…"'}]; podman refuses the file.`,
				fixes: v.type === 'string' ? [{ title: `Write ${name} = [${ctx.text.slice(v.start, v.end)}]`, edits: [{ start: v.start, end: v.start, newText: '[' }, { start: v.end, end: v.end, newText: ']' }], isPreferred: true }] : undefined,
			});
			return;
		}
		for (const item of v.items) {
			if (item.type === 'string' || item.type === 'invalid') continue;
			if (item.type === 'inline-table' && item.entries.length === 1 && item.entries[0].key.parts.join('.') === 'append' && item.entries[0].value.type === 'boolean') continue;
			ctx.report({ start: item.start, end: item.end, message: `${name} holds strings (and optionally {append=true}); ${describe(item)} makes podman refuse the file.` });
		}
		return;
	}
	if (v.type === expected) return;
	const quoted = v.type === 'string' && expected === 'integer' && /^[+-]?\d+$/.test(v.value);
	ctx.report({
		start: v.start, end: v.end,
		message: `${name} must be ${expected === 'integer' ? 'an integer' : expected === 'boolean' ? 'true or false' : 'a string in quotes'}, not ${describe(v)}; podman refuses the file.`,
		fixes: quoted ? [{ title: `Write ${name} = ${v.type === 'string' ? v.value : ''}`, edits: [{ start: v.start, end: v.end, newText: v.type === 'string' ? v.value : '' }], isPreferred: true }]
			: expected === 'string' && (v.type === 'integer' || v.type === 'boolean' || v.type === 'float') ? [{ title: `Quote the value`, edits: [{ start: v.start, end: v.end, newText: `"${ctx.text.slice(v.start, v.end)}"` }], isPreferred: true }]
				: undefined,
	});
}

function describe(v: TomlValue): string {
	switch (v.type) {
		case 'string': return `a string ("${v.value.length > 30 ? `${v.value.slice(0, 29)}…` : v.value}")`;
		case 'integer': case 'float': return `a number (${v.raw})`;
		case 'boolean': return `a boolean (${v.value})`;
		case 'array': return 'an array';
		case 'inline-table': return 'a table';
		case 'datetime': return `a date (${v.raw})`;
		default: return 'this value';
	}
}

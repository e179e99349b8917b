// The kind and value-type vocabularies, kept free of zod so the lint path never loads it.

/**
 * The vocabulary of value types. Every checker in `value-types/` is keyed by one of these.
 * Quadlet names follow podman's own accessor semantics (see schemas/README.md);
 * `sd-*` names are systemd value grammars.
 */
export const VALUE_TYPES = [
	// generic
	'string', 'bool', 'enum', 'bool-or-enum', 'int', 'uint', 'uint32', 'octal-mode',
	'duration', 'size', 'path', 'path-or-url', 'signal',
	'ip', 'ipv4', 'ipv6', 'cidr', 'ip-range', 'host-ip',
	// podman specific
	'image-ref', 'artifact-ref', 'unit-ref', 'keyval-list', 'keyval-words',
	'capability-list', 'idmap', 'device', 'port-expose', 'port-publish',
	'volume-spec', 'mount-spec', 'network-spec', 'secret-spec', 'tmpfs-spec', 'userns-mode',
	'args', 'command', 'mcs-level', 'selinux-type',
	// systemd specific
	'sd-bool', 'sd-timespan', 'sd-unit-list', 'sd-exec', 'sd-listen', 'sd-bytes', 'sd-path-list',
	'sd-env', 'sd-nice', 'sd-oom-score', 'sd-rlimit', 'sd-cpu-set', 'sd-percent',
] as const;

export type ValueType = (typeof VALUE_TYPES)[number];

/**
 * File kinds the language service knows. Drop-ins take the kind of the unit they extend.
 * The last two are not units but engine configuration files, recognised by path (unit-path.ts):
 * podman's containers.conf (TOML) and bluechi's agent/controller configuration (INI). No catalog
 * section applies to them, and validation runs only the rules that list them in `fileKinds`.
 */
export const UNIT_KINDS = [
	'container', 'pod', 'kube', 'volume', 'network', 'image', 'build', 'artifact',
	'socket', 'service',
	'containers-conf', 'bluechi-conf',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const QUADLET_KINDS: readonly UnitKind[] = ['container', 'pod', 'kube', 'volume', 'network', 'image', 'build', 'artifact'];

/** Configuration files that are not units (see UNIT_KINDS). */
export const CONFIG_KINDS: readonly UnitKind[] = ['containers-conf', 'bluechi-conf'];

/** The kinds that are systemd/quadlet units (and their drop-ins): every kind but CONFIG_KINDS. */
export const UNIT_FILE_KINDS: readonly UnitKind[] = UNIT_KINDS.filter((k) => !CONFIG_KINDS.includes(k));


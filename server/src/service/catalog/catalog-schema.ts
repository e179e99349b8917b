import { z } from 'zod';

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

export const ValueTypeSchema = z.enum(VALUE_TYPES);
export type ValueType = z.infer<typeof ValueTypeSchema>;

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
export const UnitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const QUADLET_KINDS: readonly UnitKind[] = ['container', 'pod', 'kube', 'volume', 'network', 'image', 'build', 'artifact'];

/** Configuration files that are not units (see UNIT_KINDS). */
export const CONFIG_KINDS: readonly UnitKind[] = ['containers-conf', 'bluechi-conf'];

/** The kinds that are systemd/quadlet units (and their drop-ins): every kind but CONFIG_KINDS. */
export const UNIT_FILE_KINDS: readonly UnitKind[] = UNIT_KINDS.filter((k) => !CONFIG_KINDS.includes(k));

const VERSION = /^(\d+\.\d+|unreleased)$/;

export const KeySpecSchema = z.object({
	/** Value grammar; drives validation, completion of values and hover. */
	type: ValueTypeSchema,
	/** true: occurrences accumulate and an empty assignment resets the list. false: last one wins. */
	repeatable: z.boolean(),
	/** Each value is split into several words (space-separated list). */
	multiplePerLine: z.boolean().optional(),
	/** First podman (quadlet sections) release that accepts the key, or "unreleased". */
	since: z.string().regex(VERSION).optional(),
	/** First systemd version that knows the key (systemd sections), e.g. "235". Informational. */
	systemdSince: z.string().optional(),
	/** podman's look-up accessor (quote and escape handling). */
	lookup: z.enum(['Lookup', 'LookupLast', 'LookupBoolean', 'LookupUint32', 'LookupInt', 'LookupAll', 'LookupAllStrv', 'LookupAllArgs', 'LookupLastArgs', 'LookupAllKeyVal']).optional(),
	/**
	 * Known values. For `enum` the set is closed unless an entry is a `<placeholder>`;
	 * for other types they are completion suggestions.
	 */
	values: z.array(z.string()).optional(),
	/** Value keywords are compared case-insensitively. */
	caseInsensitive: z.boolean().optional(),
	/** Who rejects a bad value: "quadlet" (generator error), "podman" (at run time), "systemd". */
	valuesEnforcedBy: z.enum(['quadlet', 'podman', 'systemd']).optional(),
	min: z.number().optional(),
	max: z.number().optional(),
	default: z.string().optional(),
	/** What the generator turns the key into (podman flag or unit line). */
	podmanArg: z.string().optional(),
	/** Unit file extensions a value may name, e.g. [".volume", ".artifact"]. */
	references: z.array(z.string().regex(/^\.[a-z]+$/)).optional(),
	/** Deprecated: what to write instead. */
	deprecated: z.string().optional(),
	/** Recognised by the generator but absent from podman's manual. */
	undocumented: z.boolean().optional(),
	/** One or two sentences in our own words. */
	doc: z.string().min(10),
	/** A complete, valid assignment line, e.g. "Image=quay.io/fedora/fedora:41". */
	example: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*=/),
}).strict();
export type KeySpec = z.infer<typeof KeySpecSchema>;

export const SectionFileSchema = z.object({
	$schema: z.string().optional(),
	/** Section name as written between brackets. */
	section: z.string(),
	/**
	 * `quadlet`: validated by the quadlet generator (unknown keys are fatal);
	 * `systemd`: read by systemd (unknown keys are only warnings at run time).
	 */
	owner: z.enum(['quadlet', 'systemd']),
	/** File kinds in which the section is expected. */
	appliesTo: z.array(UnitKindSchema).min(1),
	/** Where the facts come from (project, path, commit). */
	source: z.string(),
	doc: z.string(),
	keys: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), KeySpecSchema),
}).strict();
export type SectionFile = z.infer<typeof SectionFileSchema>;

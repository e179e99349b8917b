/**
 * zod schema of the catalog data files (schemas/quadlet, schemas/systemd). It runs at build time
 * and in the tests (see data-files.ts); the lint path imports only its types, so the CLI never
 * pays zod's start-up cost.
 */
import { z } from 'zod';

import { CONFIG_KINDS, QUADLET_KINDS, UNIT_FILE_KINDS, UNIT_KINDS, VALUE_TYPES, type UnitKind, type ValueType } from './kinds';

export { CONFIG_KINDS, QUADLET_KINDS, UNIT_FILE_KINDS, UNIT_KINDS, VALUE_TYPES, type UnitKind, type ValueType };
export const ValueTypeSchema = z.enum(VALUE_TYPES);
export const UnitKindSchema = z.enum(UNIT_KINDS);

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

import type { Catalog } from '../catalog/catalog';
import { UNIT_FILE_KINDS, type UnitKind } from '../catalog/kinds';
import type { UnitView } from '../model/unit-view';
import type { EntryNode, ParsedUnit } from '../parser/ast';
import type { UnitFileInfo } from '../unit-path';
import type { Fix, RelatedLocation, Severity } from '../types';
import type { Workspace, WorkspaceFile } from '../workspace/workspace';
import type { DomainInfo } from '../qm/domain';
import type { QmModel, QmUnit } from '../qm/model';

/** Rule metadata: the source of the README rule table and of the settings in package.json. */
export interface RuleMeta {
	/** Stable public id: diagnostic code, setting key (`qmQuadlet.rules.<id>`) and suppression name. */
	id: string;
	defaultSeverity: Severity;
	/** One line: what the rule finds. */
	title: string;
	/** Why it matters. */
	why: string;
	/** What to write instead. */
	fix: string;
}

export interface Finding {
	start: number;
	end: number;
	message: string;
	/** Overrides the rule default (unless the user configured the rule). */
	severity?: Severity;
	related?: RelatedLocation[];
	fixes?: Fix[];
	tags?: ('unnecessary' | 'deprecated')[];
}

export interface RuleContext {
	path: string;
	text: string;
	parsed: ParsedUnit;
	info: UnitFileInfo;
	/** Kind of the file (drop-ins have the kind of the unit they extend). */
	kind: UnitKind;
	catalog: Catalog;
	/** Target podman version ("unreleased" = newest). */
	podmanVersion: string;
	workspace: Workspace;
	/**
	 * The unit with drop-ins merged. For a drop-in, the view of the first unit it applies to
	 * (or of the drop-in alone when no unit is known).
	 */
	view: UnitView;
	/** True when `view` contains the main unit file (not a lone drop-in). */
	viewIsComplete: boolean;
	/** The unit file the view is built on (the file itself for a unit). */
	unitFile: WorkspaceFile | undefined;
	/** Which systemd/podman consumes this file: host (asil), QM, the QM boundary, or unknown. */
	domain: DomainInfo;
	/** The workspace's QM model (built lazily, cached per workspace generation). */
	qm(): QmModel;
	/** This file's unit in the QM model (for a drop-in, the unit it extends). */
	qmUnit(): QmUnit | undefined;
	report(finding: Finding): void;
}

export interface Rule extends RuleMeta {
	/**
	 * File kinds the rule runs on, checked before `appliesTo`. Default: the unit kinds
	 * (UNIT_FILE_KINDS). Rules for engine configuration files (containers.conf, bluechi) must
	 * list those kinds here; validation never runs other rules on such files.
	 */
	fileKinds?: readonly UnitKind[];
	/** Which files the rule looks at. */
	appliesTo(ctx: RuleContext): boolean;
	check(ctx: RuleContext): void;
}

/** True when validation may run `rule` on a file of this kind (see Rule.fileKinds). */
export function ruleRunsOn(rule: Rule, kind: UnitKind): boolean {
	return (rule.fileKinds ?? UNIT_FILE_KINDS).includes(kind);
}

export function defineRule(rule: Rule): Rule {
	return rule;
}

/** Only entries of the file being checked get reported here; others are reported in their file. */
export function isHere(ctx: RuleContext, path: string): boolean {
	return ctx.path === path;
}

export function keyRange(e: EntryNode): { start: number; end: number } {
	return { start: e.keyStart, end: e.keyEnd };
}

export function valueRange(e: EntryNode): { start: number; end: number } {
	return e.valueEnd > e.valueStart ? { start: e.valueStart, end: e.valueEnd } : { start: e.keyStart, end: e.valueEnd };
}

import type { Domain } from '../types';

/**
 * The QM domain map: what the `qmQuadlet/domainMap` LSP request returns and what
 * `qm-quadlet map --format json` prints. The VS Code webview draws exactly this.
 */
export interface DomainMap {
	version: 1;
	nodes: MapNode[];
	edges: MapEdge[];
	/** Laid out server-side (no network, deterministic): the client only draws. */
	layout: MapLayout;
	/** Added: the install root the map was limited to (the folder holding etc/, usr/ …), when it was. */
	scope?: string;
	/** Added: the node of the file the map was asked for (`uri`), to highlight. */
	focus?: string;
}

export interface MapNode {
	/** Stable id: the unit's path. */
	id: string;
	/** Unit file name, e.g. "ipc_server.container". */
	label: string;
	kind: 'container' | 'pod' | 'kube' | 'volume' | 'network' | 'image' | 'build' | 'artifact' | 'socket' | 'service';
	domain: Domain;
	path: string;
	/** 0-based line to open when the node is clicked. */
	line: number;
	/** Effective SELinux type and level, when set. */
	label_type?: string;
	level?: string;
	/** Added: only drop-ins of this unit are in the workspace (e.g. qm.container.d/ without qm.container); `path` is the first drop-in. */
	virtual?: boolean;
}

export type EdgeKind = 'activation' | 'dependency' | 'shared-path' | 'ipc';

export interface MapEdge {
	from: string;
	to: string;
	kind: EdgeKind;
	/** For ipc/shared-path edges: stays inside a domain, crosses through /run/ipc, or crosses illegally. */
	crossing?: 'within' | 'bridge' | 'illegal';
	/** The rule that flags an illegal crossing, e.g. "qm/ipc-asil-qm-outside-bridge". */
	ruleId?: string;
	/** Short text: the path or the dependency key. */
	label: string;
	/**
	 * Added: the finding names no second unit of the workspace (e.g. a boundary bind of a host
	 * /run path that nothing uses yet). Then `from === to`: draw a stub leaving the node.
	 */
	dangling?: boolean;
	/** Added: the diagnostics that make this edge illegal, as the Problems panel shows them. */
	findings?: MapFinding[];
}

/** Added: one diagnostic behind an illegal edge. */
export interface MapFinding {
	ruleId: string;
	severity: 'error' | 'warning' | 'information' | 'hint';
	message: string;
	/** File and 0-based line of the diagnostic. */
	path: string;
	line: number;
}

export interface MapLayout {
	width: number;
	height: number;
	/** One rectangle per region that has nodes: asil (host), qm-boundary, qm, unknown. */
	regions: { domain: Domain; x: number; y: number; width: number; height: number; title: string }[];
	/** Top-left corner and size of each node box, by node id. */
	nodes: Record<string, { x: number; y: number; width: number; height: number }>;
}

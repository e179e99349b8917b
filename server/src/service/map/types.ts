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
}

export interface MapLayout {
	width: number;
	height: number;
	/** One rectangle per region that has nodes: asil (host), qm-boundary, qm, unknown. */
	regions: { domain: Domain; x: number; y: number; width: number; height: number; title: string }[];
	/** Top-left corner and size of each node box, by node id. */
	nodes: Record<string, { x: number; y: number; width: number; height: number }>;
}

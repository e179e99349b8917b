/**
 * Messages between the domain-map webview and the extension. What the webview posts is
 * untrusted input (it renders workspace data): every message is validated with zod, and an
 * "open" request is honoured only for a file that is a node of the map on display.
 * Pure: no `vscode` import.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Scene } from './domain-map-scene';

export const MAX_LINE = 10_000_000;

export const WebviewMessageSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('ready') }).strict(),
	z.object({ type: z.literal('refresh') }).strict(),
	z.object({
		type: z.literal('open'),
		path: z.string().min(2).max(4096).regex(/^\/[^\0]*$/, 'an absolute path'),
		line: z.number().int().min(0).max(MAX_LINE),
	}).strict(),
]);

export type WebviewMessage = z.infer<typeof WebviewMessageSchema>;

/** What the extension posts to the webview. */
export type HostMessage =
	| { type: 'scene'; scene: Scene; summary: string }
	| { type: 'error'; message: string }
	| { type: 'loading' };

/** The message when it is well-formed, else undefined. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
	const r = WebviewMessageSchema.safeParse(raw);
	return r.success ? r.data : undefined;
}

/**
 * Validates an "open" request against the map on display: the path must be one of its nodes.
 * Returns the location to open, or undefined.
 */
export function checkOpenRequest(raw: unknown, nodePaths: ReadonlySet<string>): { path: string; line: number } | undefined {
	const m = parseWebviewMessage(raw);
	if (!m || m.type !== 'open' || !nodePaths.has(m.path)) return undefined;
	return { path: m.path, line: m.line };
}

export function makeNonce(): string {
	return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

function attr(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The webview page: a strict CSP (nothing but our nonce'd script and the stylesheet from the
 * extension's media folder), no inline script or style, no remote resources.
 */
export function renderMapHtml(o: { cspSource: string; nonce: string; scriptUri: string; styleUri: string }): string {
	const csp = `default-src 'none'; img-src ${o.cspSource} data:; style-src ${o.cspSource} 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}'`;
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${attr(o.nonce)}" href="${attr(o.styleUri)}">
<title>QM domain map</title>
</head>
<body>
<header>
<button id="refresh" type="button">Refresh</button>
<span id="status" role="status">Loading the domain map…</span>
<span class="legend"><span class="swatch within"></span>within a domain <span class="swatch bridge"></span>/run/ipc bridge <span class="swatch illegal"></span>illegal crossing</span>
</header>
<main id="map" aria-label="QM domain map"></main>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}

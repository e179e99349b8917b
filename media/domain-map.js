// QM Quadlet domain map webview. Loaded with the page's nonce; draws the scene the extension
// posts (client/src/domain-map-scene.ts) as SVG. Every text goes in through textContent and
// attributes are set one by one: nothing here parses markup, and nothing is evaluated.
// @ts-check
(function () {
	'use strict';
	// Kept in this closure: the webview API object must not leak to other scripts.
	// eslint-disable-next-line no-undef
	const vscode = acquireVsCodeApi();
	const SVG = 'http://www.w3.org/2000/svg';
	const DOMAINS = ['qm', 'qm-boundary', 'asil', 'unknown'];
	const EDGE_CLASSES = ['within', 'bridge', 'illegal', 'plain'];
	const mapEl = /** @type {HTMLElement} */ (document.getElementById('map'));
	const statusEl = /** @type {HTMLElement} */ (document.getElementById('status'));

	/** @param {unknown} v */
	const num = (v) => (typeof v === 'number' && isFinite(v) ? v : 0);
	/** @param {unknown} v */
	const str = (v) => (typeof v === 'string' ? v : '');
	/** @param {unknown} d */
	const domain = (d) => (DOMAINS.includes(str(d)) ? str(d) : 'unknown');
	/** @param {unknown} c */
	const edgeClass = (c) => (EDGE_CLASSES.includes(str(c)) ? str(c) : 'plain');

	/**
	 * @param {string} tag
	 * @param {Record<string, string | number>} attrs
	 * @param {string} [text]
	 */
	function el(tag, attrs, text) {
		const e = document.createElementNS(SVG, tag);
		for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
		if (text !== undefined) e.textContent = text;
		return e;
	}

	/** @param {Element} parent @param {string} text */
	function addTitle(parent, text) {
		parent.appendChild(el('title', {}, text));
	}

	/** @param {any} scene @param {string} summary */
	function draw(scene, summary) {
		const width = Math.max(num(scene.width), 1);
		const height = Math.max(num(scene.height), 1);
		const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': summary || 'QM domain map' });
		// Shrinks to the panel (CSS max-width), but not below a readable size: then it scrolls.
		svg.style.minWidth = `${Math.min(width, 760)}px`;
		const defs = el('defs', {});
		for (const c of EDGE_CLASSES) {
			const marker = el('marker', { id: `arrow-${c}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
			marker.appendChild(el('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: `arrow ${c}` }));
			defs.appendChild(marker);
		}
		svg.appendChild(defs);

		for (const r of Array.isArray(scene.regions) ? scene.regions : []) {
			const g = el('g', { class: `region d-${domain(r.domain)}` });
			g.appendChild(el('rect', { x: num(r.x), y: num(r.y), width: Math.max(num(r.width), 0), height: Math.max(num(r.height), 0), rx: 8 }));
			g.appendChild(el('text', { x: num(r.x) + 10, y: num(r.y) + 20, class: 'region-title' }, str(r.title)));
			svg.appendChild(g);
		}

		for (const e of Array.isArray(scene.edges) ? scene.edges : []) {
			const cls = edgeClass(e.cls);
			const g = el('g', { class: `edge ${cls}` });
			g.appendChild(el('line', { x1: num(e.x1), y1: num(e.y1), x2: num(e.x2), y2: num(e.y2), 'marker-end': `url(#arrow-${cls})` }));
			const label = str(e.label);
			if (label) g.appendChild(el('text', { x: num(e.lx), y: num(e.ly), class: 'edge-label', 'text-anchor': 'middle' }, label));
			addTitle(g, str(e.title));
			svg.appendChild(g);
		}

		for (const n of Array.isArray(scene.nodes) ? scene.nodes : []) {
			const path = str(n.path);
			const line = Math.max(0, Math.floor(num(n.line)));
			const cls = `node d-${domain(n.domain)}${n.focus === true ? ' focus' : ''}${n.virtual === true ? ' virtual' : ''}`;
			const g = el('g', { class: cls, tabindex: 0, role: 'button', 'aria-label': `${str(n.label)}: open ${path}`, 'data-path': path });
			const x = num(n.x);
			const y = num(n.y);
			const w = Math.max(num(n.width), 0);
			const h = Math.max(num(n.height), 0);
			g.appendChild(el('rect', { x, y, width: w, height: h, rx: 4 }));
			g.appendChild(el('text', { x: x + w / 2, y: y + h / 2 - 2, class: 'node-label', 'text-anchor': 'middle' }, str(n.label)));
			const detail = str(n.detail);
			if (detail) g.appendChild(el('text', { x: x + w / 2, y: y + h / 2 + 13, class: 'node-detail', 'text-anchor': 'middle' }, detail));
			addTitle(g, str(n.title));
			const open = () => vscode.postMessage({ type: 'open', path, line });
			g.addEventListener('click', open);
			g.addEventListener('keydown', (ev) => {
				if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); open(); }
			});
			svg.appendChild(g);
		}
		mapEl.replaceChildren(svg);
		statusEl.textContent = summary;
	}

	window.addEventListener('message', (ev) => {
		const m = ev.data;
		if (!m || typeof m !== 'object') return;
		if (m.type === 'scene' && m.scene && typeof m.scene === 'object') {
			draw(m.scene, str(m.summary));
			vscode.setState({ scene: m.scene, summary: str(m.summary) });
		} else if (m.type === 'error') {
			mapEl.replaceChildren();
			statusEl.textContent = str(m.message);
			vscode.setState(undefined);
		} else if (m.type === 'loading') {
			statusEl.textContent = 'Loading the domain map…';
		}
	});

	/** @type {HTMLElement} */ (document.getElementById('refresh')).addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));

	const state = vscode.getState();
	if (state && state.scene) draw(state.scene, str(state.summary));
	vscode.postMessage({ type: 'ready' });
})();

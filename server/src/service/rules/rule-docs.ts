import type { RuleMeta } from './rule';

const SEVERITIES = ['off', 'hint', 'information', 'warning', 'error'] as const;

/** The README rule table (between the generated-section markers). */
export function renderRuleTable(rules: readonly RuleMeta[]): string {
	const rows = [...rules].sort((a, b) => a.id.localeCompare(b.id)).map((r) =>
		`| <a id="${anchor(r.id)}"></a>\`${r.id}\` | ${r.defaultSeverity} | ${cell(r.title)} | ${cell(r.why)} | ${cell(r.fix)} |`);
	return ['| Rule id | Default | What | Why | Fix |', '|---|---|---|---|---|', ...rows].join('\n');
}

export function anchor(id: string): string {
	return id.replace(/[^a-z0-9]+/g, '-');
}

function cell(s: string): string {
	return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** `contributes.configuration` for package.json: one severity setting per rule plus the globals. */
export function renderConfiguration(rules: readonly RuleMeta[]): object {
	const properties: Record<string, object> = {
		'qmQuadlet.podmanVersion': {
			type: 'string',
			default: 'latest',
			pattern: '^(latest|\\d+\\.\\d+)$',
			markdownDescription: 'Podman version the units are deployed with, e.g. `5.4`. Keys newer than this are reported. `latest` = the newest podman the catalog knows.',
			scope: 'resource',
		},
		'qmQuadlet.limits.maxFileSize': { type: 'number', default: 2097152, minimum: 1024, markdownDescription: 'Files larger than this many characters are not analysed (one notice is shown instead).', scope: 'resource' },
		'qmQuadlet.limits.maxFiles': { type: 'number', default: 50000, minimum: 1, markdownDescription: 'At most this many unit files of the workspace are indexed for cross-file checks.', scope: 'window' },
		'qmQuadlet.limits.maxDiagnosticsPerFile': { type: 'number', default: 500, minimum: 1, markdownDescription: 'At most this many problems are reported per file.', scope: 'resource' },
		'qmQuadlet.trace.server': { type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off', description: 'Traces the communication between VS Code and the QM Quadlet language server.', scope: 'window' },
		'qmQuadlet.domains': {
			type: 'array',
			default: [],
			markdownDescription: 'Folders whose units are consumed by a given QM domain, for trees outside the install paths (e.g. an image build tree). Globs are matched against the file path (`**` any path, `*` within a name); the first match wins over path inference, a `# qm-domain:` comment in the file wins over both.',
			items: {
				type: 'object',
				required: ['glob', 'domain'],
				additionalProperties: false,
				properties: {
					glob: { type: 'string', minLength: 1, markdownDescription: 'Glob matched against the file path, e.g. `**/image/qm/**`.' },
					domain: { type: 'string', enum: ['qm', 'qm-boundary', 'asil'], enumDescriptions: ['Read by the systemd and podman inside the QM partition.', 'The QM partition itself (qm.container and its drop-ins).', 'Read by the host (ASIL) systemd and podman.'] },
				},
			},
			scope: 'resource',
		},
		'qmQuadlet.preview.usePodman': {
			type: 'boolean',
			default: false,
			markdownDescription: 'Produce the generated-unit preview with the installed podman\'s quadlet generator (`quadlet -dryrun` on a private temporary copy of the unit, its drop-ins and sibling units; podman ≥ 4.4) instead of QM Quadlet\'s translator. Trusted workspaces only; user or machine settings only.',
			scope: 'machine',
		},
		'qmQuadlet.preview.podmanPath': {
			type: 'string',
			default: 'podman',
			markdownDescription: 'The `podman` executable used by `#qmQuadlet.preview.usePodman#`: a command name looked up on `PATH` or an absolute path. User or machine settings only; the quadlet generator is looked up next to it and in `/usr/libexec/podman/`.',
			scope: 'machine',
		},
	};
	for (const r of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
		properties[`qmQuadlet.rules.${r.id}`] = {
			type: 'string',
			enum: [...SEVERITIES],
			default: r.defaultSeverity,
			markdownDescription: `${r.title}. ${r.why} Fix: ${r.fix}`,
			scope: 'resource',
		};
	}
	return { title: 'QM Quadlet', properties };
}

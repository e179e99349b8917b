import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service/index';
import { generateUnit } from '../service/generate/index';
import { runSafe } from './run-safe';
import { uriToPath } from './uri';

/** Request: the systemd service podman's quadlet generator would write for a unit. */
export const GENERATED_UNIT_REQUEST = 'qmQuadlet/generatedUnit';

export interface GeneratedUnitParams {
	uri: string;
	/** Generate as the rootless generator; default: guessed from the path (user quadlet directories). */
	user?: boolean;
}

export interface GeneratedUnitResult {
	serviceName: string;
	/** The unit text; empty when podman would refuse the unit. */
	text: string;
	errors: string[];
	warnings: string[];
	source: 'qm-quadlet';
}

/** Paths podman's user generator reads (quadlet-spec §1.1). */
const USER_DIRS = /\/\.config\/containers\/systemd\/|\/containers\/systemd\/users\/|^\/run\/user\/\d+\/containers\/systemd\//;

/** Serves the generated-unit preview from the language service's workspace (open documents included). */
export function registerPreview(connection: Connection, service: LanguageService, documents: TextDocuments<TextDocument>): void {
	connection.onRequest(GENERATED_UNIT_REQUEST, (params: GeneratedUnitParams, token) => runSafe(connection, (): GeneratedUnitResult => {
		const path = uriToPath(params.uri);
		const open = documents.get(params.uri);
		if (open && service.workspace.get(path)?.text !== open.getText()) service.workspace.set(path, open.getText());
		const user = params.user ?? USER_DIRS.test(path);
		const g = generateUnit(service.workspace, path, { user, podmanVersion: service.options.podmanVersion });
		return { serviceName: g.serviceName, text: g.text, errors: g.errors, warnings: g.warnings, source: 'qm-quadlet' };
	}, { serviceName: '', text: '', errors: ['internal error while generating the unit'], warnings: [], source: 'qm-quadlet' }, 'generated unit', token));
}

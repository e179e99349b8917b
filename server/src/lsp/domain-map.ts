import type { Connection } from 'vscode-languageserver';
import type { LanguageService } from '../service/index';
import { buildDomainMap } from '../service/map/build-map';
import type { DomainMap } from '../service/map/types';
import { runSafe } from './run-safe';
import { uriToPath } from './uri';

/** Request: the QM domain map of the workspace (service/map/types.ts). */
export const DOMAIN_MAP_REQUEST = 'qmQuadlet/domainMap';

export interface DomainMapParams {
	/** A unit file: the map is limited to the install tree it lies in, and its node is `focus`. Without it: the whole workspace. */
	uri?: string;
}

const EMPTY: DomainMap = { version: 1, nodes: [], edges: [], layout: { width: 0, height: 0, regions: [], nodes: {} } };

/**
 * Serves the map from the language service's workspace (open documents included: the server
 * keeps their current text in it). Illegal edges come from `service.doValidation`, the same
 * cached diagnostics the Problems panel shows.
 */
export function registerDomainMap(connection: Connection, service: LanguageService): void {
	connection.onRequest(DOMAIN_MAP_REQUEST, (params: DomainMapParams | null | undefined, token) => runSafe(connection, (): DomainMap => buildDomainMap(service.workspace, {
		serviceOptions: service.options,
		focus: params?.uri ? uriToPath(params.uri) : undefined,
		diagnostics: (path) => service.doValidation(path),
	}), EMPTY, 'domain map', token));
}

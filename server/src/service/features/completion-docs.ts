import { getCatalog } from '../catalog/catalog';
import type { UnitKind } from '../catalog/catalog-schema';
import { getSpecifiers } from '../catalog/specifiers';
import { keyDocMarkdown } from './docs';

/** Names the documentation of a completion item; travels to the client and back as JSON. */
export type CompletionData =
	| { doc: 'section'; kind: UnitKind; section: string }
	| { doc: 'key'; kind: UnitKind; section: string; key: string }
	| { doc: 'specifier'; letter: string };

/** The markdown documentation named by `data`. */
export function completionDoc(data: CompletionData): string | undefined {
	switch (data.doc) {
		case 'section':
			return getCatalog().section(data.kind, data.section)?.doc;
		case 'key': {
			const spec = getCatalog().section(data.kind, data.section);
			if (!spec || !Object.prototype.hasOwnProperty.call(spec.keys, data.key)) return undefined;
			return keyDocMarkdown(spec, data.key, spec.keys[data.key]);
		}
		case 'specifier':
			return getSpecifiers().get(data.letter)?.meaning;
		default:
			return undefined;
	}
}

/**
 * The documentation of a completion item that was sent without it, from the item's `data`.
 * `data` comes back from the editor, so anything unexpected yields undefined.
 */
export function resolveCompletion(data: unknown): string | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const d = data as Record<string, unknown>;
	const str = (k: string) => typeof d[k] === 'string';
	if (d.doc === 'specifier' && str('letter')) return completionDoc(d as CompletionData);
	if ((d.doc === 'section' || (d.doc === 'key' && str('key'))) && str('kind') && str('section')) return completionDoc(d as CompletionData);
	return undefined;
}

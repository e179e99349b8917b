import type { KeySpec } from '../catalog-schema';

/** `<placeholder>` entries in `values` stand for free text (a path, a profile name, ...). */
export function isPlaceholder(value: string): boolean {
	return value.length > 2 && value.startsWith('<') && value.endsWith('>');
}

/** The literal keywords listed for the key. */
export function keywordsOf(spec: KeySpec): string[] {
	return (spec.values ?? []).filter((v) => !isPlaceholder(v));
}

/** The keyword `text` spells, honouring `caseInsensitive`; undefined if it is none of them. */
export function findKeyword(text: string, spec: KeySpec): string | undefined {
	const keywords = keywordsOf(spec);
	const exact = keywords.find((k) => k === text);
	if (exact !== undefined || !spec.caseInsensitive) return exact;
	const folded = text.toLowerCase();
	return keywords.find((k) => k.toLowerCase() === folded);
}

/** Joins keywords for a message: "a, b or c". */
export function listWords(words: readonly string[]): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

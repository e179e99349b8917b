/** The same objects in the same order (identity, not deep equality): for caches keyed on immutable inputs. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

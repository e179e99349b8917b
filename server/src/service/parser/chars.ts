/** Go's unicode.IsSpace: the characters podman's strings.TrimSpace removes. */
export function isGoSpace(c: number): boolean {
	if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
	return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Go's unicode.IsControl: C0, DEL and C1. */
export function isGoControl(c: number): boolean {
	return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

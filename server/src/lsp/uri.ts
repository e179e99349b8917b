/** file: URIs become POSIX paths (the service's identity for files); other schemes stay URIs. */
export function uriToPath(uri: string): string {
	if (!uri.startsWith('file://')) return uri;
	let rest = uri.slice('file://'.length);
	// file://host/path is rare; keep only the path.
	if (!rest.startsWith('/')) rest = rest.slice(rest.indexOf('/'));
	return decodeURIComponent(rest);
}

/** Characters encodeURIComponent leaves alone, plus the separator: such paths need no encoding. */
const URI_SAFE_PATH = /^[A-Za-z0-9\-_.!~*'()/]*$/;

export function pathToUri(path: string): string {
	if (!path.startsWith('/')) return path;
	if (URI_SAFE_PATH.test(path)) return 'file://' + path;
	return 'file://' + path.split('/').map((s) => encodeURIComponent(s)).join('/');
}

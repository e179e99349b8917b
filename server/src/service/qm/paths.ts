/**
 * Path handling for the QM model: specifier and variable expansion, normalisation, and the
 * extraction of filesystem paths (socket paths especially) from free-form values.
 */

const SYSTEM_SPECIFIERS: Record<string, string> = {
	t: '/run', S: '/var/lib', C: '/var/cache', L: '/var/log', E: '/etc', T: '/tmp', V: '/var/tmp', h: '/root', '%': '%',
};
const USER_SPECIFIERS: Record<string, string> = {
	t: '/run/user/%U', S: '~/.local/state', C: '~/.cache', L: '~/.local/state/log', E: '~/.config', T: '/tmp', V: '/var/tmp', h: '~', '%': '%',
};

/**
 * Expands the specifiers that name directories (`%t`, `%h`, …) for a system or user manager,
 * and `${VAR}`/`$VAR` from `env`. Unknown specifiers and variables stay as written.
 */
export function expandPath(value: string, opts: { userScope?: boolean; env?: Record<string, string> } = {}): string {
	const table = opts.userScope ? USER_SPECIFIERS : SYSTEM_SPECIFIERS;
	let out = value.replace(/%(.)/g, (m, c: string) => table[c] ?? m);
	if (opts.env) {
		const env = opts.env;
		out = out.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a?: string, b?: string) => env[(a ?? b) as string] ?? m);
	}
	return out;
}

/** Collapses `//`, `/./`, `..` and a trailing `/` (but keeps "/"). */
export function normalizePath(p: string): string {
	if (!p.startsWith('/')) return p;
	const out: string[] = [];
	for (const seg of p.split('/')) {
		if (seg === '' || seg === '.') continue;
		if (seg === '..') out.pop(); else out.push(seg);
	}
	return '/' + out.join('/');
}

/** `/var/run` is a legacy alias of `/run`. */
export function canonicalRun(p: string): string {
	return p === '/var/run' || p.startsWith('/var/run/') ? p.slice(4) : p;
}

/** True when `inner` is `outer` or lies below it. */
export function isUnder(inner: string, outer: string): boolean {
	if (outer === '/') return inner.startsWith('/');
	return inner === outer || inner.startsWith(outer + '/');
}

/** Paths overlap when one contains the other. */
export function overlaps(a: string, b: string): boolean {
	return isUnder(a, b) || isUnder(b, a);
}

export interface FoundPath {
	path: string;
	/** Index in the scanned value. */
	index: number;
	length: number;
	/** `unix:path=`/`--socket=`/`*_SOCKET*=`/`.sock` hints: the path names a socket. */
	socketLike: boolean;
	abstract: boolean;
}

/**
 * Absolute paths mentioned in an `Environment=`/`Exec=` style value (`SOCKET_PATH=/run/x.sock`,
 * `unix:path=/run/bus`, `--socket=/run/a`). Abstract names (`@x`, `unix:abstract=`) are flagged.
 * Linear in the value's length: values can be megabytes long.
 */
export function findPaths(value: string): FoundPath[] {
	const out: FoundPath[] = [];
	const word = /[^\s"',;\\]+/g;
	let m: RegExpExecArray | null;
	while ((m = word.exec(value)) !== null) {
		const w = m[0];
		let bodyAt = 0;
		let prefix = '';
		const unix = w.indexOf('unix:');
		if (unix >= 0 && (w.startsWith('path=', unix + 5) || w.startsWith('abstract=', unix + 5))) {
			bodyAt = w.indexOf('=', unix) + 1;
			prefix = w.slice(unix, bodyAt);
		} else {
			const eq = w.lastIndexOf('=', w.search(/[/@%]|$/));
			if (eq >= 0) { bodyAt = eq + 1; prefix = w.slice(0, bodyAt); }
		}
		let body = w.slice(bodyAt);
		// Stop at a ":" (e.g. "/a:/b" volume-like pairs or "host:/x" are not one path).
		const colon = body.indexOf(':');
		if (colon > 0) body = body.slice(0, colon);
		const abstract = body.startsWith('@') || prefix === 'unix:abstract=';
		if (!(body.startsWith('/') || body.startsWith('%t/') || (abstract && prefix))) continue;
		const socketLike = prefix.startsWith('unix:') || /SOCK|socket/i.test(prefix) || /\.sock(et)?$/.test(body) || /(^|_)(ADDRESS|BUS)=$/.test(prefix);
		out.push({ path: body, index: m.index + bodyAt, length: body.length, socketLike, abstract });
	}
	return out;
}
